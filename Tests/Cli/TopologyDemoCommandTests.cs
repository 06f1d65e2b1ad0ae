using System.Globalization;
using GrowNet.Ecs.Cli;
using GrowNet.Ecs.Cli.Commands;
using GrowNet.Ecs.Cli.Demos;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli;

/// <summary><c>grownet topology-demo</c> and its place in <c>grownet demo</c>.</summary>
public class TopologyDemoCommandTests
{
    [Test]
    public void PrintsARowEveryK_MatchingTheDemo()
    {
        var run = CliRun.Of("topology-demo", "--ticks", "300", "--every", "100", "--vertices", "128", "--seed", "3");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        var expected = TopologyDemo.Run(new TopologyDemoOptions { Ticks = 300, ReportEvery = 100, Vertices = 128, Seed = 3 }).ToList();
        Assert.That(expected, Has.Count.EqualTo(3));
        foreach (var row in expected)
        {
            Assert.That(run.Output, Does.Contain(
                $"[tick {row.Tick}] edges={row.Edges} density={(row.Density * 100).ToString("F1", CultureInfo.InvariantCulture)}% " +
                $"mean|W|={row.MeanAbsWeight.ToString("F3", CultureInfo.InvariantCulture)}"));
            Assert.That(run.Output, Does.Contain($"representation={row.Representation}"));
        }
    }

    [Test]
    public void IsListedAmongTheDemos_AndSavesTheWorld()
    {
        Assert.That(CliRun.Of("--help").Output, Does.Contain(TopologyDemoCommand.CommandName));
        Assert.That(CliRun.Of("demo", "--help").Output, Does.Contain("topology"));
        using var dir = new TempDirectory();
        string save = dir.File("topology.gnw");
        var run = CliRun.Of("topology-demo", "--ticks", "20", "--every", "10", "--vertices", "64", "--save", save);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Output, Does.Contain("Saved world (tick 20)"));
        Assert.That(File.Exists(save), Is.True);
    }

    [TestCase("--ticks", "-1")]
    [TestCase("--every", "0")]
    [TestCase("--vertices", "10")]
    public void BadArguments_AreUsageErrors(string option, string value)
    {
        var run = CliRun.Of("topology-demo", option, value);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain(option));
    }
}
