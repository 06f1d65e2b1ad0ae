using GrowNet.Ecs.Cli;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Cli.Demos.Graph;
using GrowNet.Ecs.Systems.Graph;
using GrowNet.Ecs.Tests.Cli;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Demos;

/// <summary><c>grownet demo mackey-glass</c> and <c>grownet demo two-channel</c> run and print their lines.</summary>
public class GraphDemoCommandTests
{
    [Test]
    public void MackeyGlass_PrintsTheNrmseLine_AndTheGrownStructure()
    {
        var run = CliRun.Of("demo", "mackey-glass");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Output, Does.Match(@"nrmse grown=\d+\.\d{4} frozen=\d+\.\d{4} persistence=\d+\.\d{4} leastsquares=\d+\.\d{4}"));
        Assert.That(run.Output, Does.Contain("grown: predictors="));
        Assert.That(run.Output, Does.Match(@"predictor \d+ \(channel 0, alpha"));
    }

    [Test]
    public void MackeyGlass_GrownBlockBeatsPersistenceAndTheFrozenControl()
    {
        using var world = Pipeline.CreateWorld(1);
        var result = GraphMackeyGlassDemo.Run(world);
        Assert.That(result.Metrics.Commits, Is.GreaterThan(0));
        Assert.That(result.Grown, Is.LessThan(result.Persistence));
        Assert.That(result.Grown, Is.LessThan(result.Frozen));
        Assert.That(result.Persistence, Is.GreaterThan(0.1).And.LessThan(0.2), "persistence on this series");
    }

    [Test]
    public void TwoChannel_PrintsWhatEachPredictorGrew()
    {
        var run = CliRun.Of("demo", "two-channel");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Output, Does.Match(@"channel 0 \(sine\): nrmse grown=\d+\.\d{4} persistence=\d+\.\d{4}"));
        Assert.That(run.Output, Does.Match(@"channel 1 \(square\): nrmse grown=\d+\.\d{4} persistence=\d+\.\d{4}"));
        Assert.That(run.Output, Does.Match(@"predictor \d+ \(channel 1, alpha"));
    }
}
