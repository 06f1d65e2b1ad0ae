using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Demos;

/// <summary>pool.md, "Golden values (compat mode)": the learning demo end to end.</summary>
public class PoolLearningDemoTests
{
    private static LearningDemoResult? result;

    private static LearningDemoResult Result => result ??= PoolLearningDemo.Run();

    [Test]
    public void InitialPool_Has517SynapsesAllHot()
    {
        Assert.That(Result.Initial.Synapses, Is.EqualTo(517));
        Assert.That(Result.Initial.Thermal, Is.EqualTo(new ThermalCounts(517, 0, 0, 0, 0)));
        Assert.That(Result.Initial.MeanAbsWeight.ToString("F1"), Is.EqualTo("39.6"));
        Assert.That(Result.SummaryLines().First(), Is.EqualTo("Pool: 32 neurons, 517 synapses (50% density)"));
    }

    [Test]
    public void Baseline_Is104OutputAnd423Total()
    {
        Assert.That(Result.BaselineOutput, Is.EqualTo(104));
        Assert.That(Result.BaselineTotal, Is.EqualTo(423));
    }

    [Test]
    public void EpochZero_MatchesReference()
    {
        Assert.That(Result.Epochs[0], Is.EqualTo(new LearningDemoEpoch(106, 434, 271, 246, Result.Epochs[0].Pruned)));
    }

    [Test]
    public void Final_StructureMatchesReference()
    {
        Assert.That(Result.Final.Synapses, Is.EqualTo(62));
        Assert.That(Result.Final.Thermal, Is.EqualTo(new ThermalCounts(1, 3, 10, 48, 0)));
        Assert.That(Result.Final.MeanAbsWeight.ToString("F1"), Is.EqualTo("125.3"));
        Assert.That(Result.FinalOutput, Is.EqualTo(103));
        Assert.That(Result.Final.Tick, Is.EqualTo(8080UL));
    }

    [Test]
    public void Summary_ShowsPrunedShareAndThermalLifecycle()
    {
        var lines = Result.SummaryLines().ToArray();
        Assert.That(lines, Does.Contain("  Synapses: 517 -> 62 (88% pruned)"));
        Assert.That(lines, Does.Contain("  Thermal: H:517 W:0 C:0 F:0 D:0 -> H:1 W:3 C:10 F:48 D:0"));
    }

    [Test]
    public void QuarterAverages_MatchReference()
    {
        Assert.That(Result.QuarterAverages.Select(q => q.ToString("F1")).ToArray(),
            Is.EqualTo(new[] { "109.1", "102.9", "100.4", "99.4" }));
    }
}
