using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Cli.Demos;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Demos;

/// <summary>The topology demo scenario behind <c>grownet topology-demo</c>.</summary>
public class TopologyDemoTests
{
    [Test]
    public void DefaultScenario_PrintsEveryK_GrowsAndSwitches()
    {
        var rows = TopologyDemo.Run().ToList();
        foreach (var row in rows)
            TestContext.Out.WriteLine(row);
        Assert.That(rows.Select(r => r.Tick), Is.EqualTo(Enumerable.Range(1, 20).Select(k => (ulong)(k * 100))));
        Assert.That(rows, Has.All.Matches<TopologyDemoRow>(r => r.Edges <= Math.Ceiling(0.3 * 256 * 256)));
        Assert.That(rows, Has.All.Matches<TopologyDemoRow>(r => r.Activity is > 0 and <= 1 && r.MeanAbsWeight is > 0 and <= 1));
        Assert.That(rows[^1].Edges, Is.GreaterThan(rows[0].Edges / 2));
        Assert.That(rows.Select(r => r.Representation).Distinct().Count(), Is.EqualTo(2), "the crossover shows up in the demo");
        Assert.That(rows.Max(r => r.OutputActiveFraction), Is.GreaterThan(0), "the output is rewarded at least sometimes");
    }

    [Test]
    public void SameSeed_SameRows_AnyThreadCount()
    {
        var options = new TopologyDemoOptions { Ticks = 300, ReportEvery = 50, Vertices = 128 };
        var a = TopologyDemo.Run(options).ToList();
        var b = TopologyDemo.Run(options with { Threads = 3 }).ToList();
        Assert.That(b, Is.EqualTo(a));
        Assert.That(a, Has.Count.EqualTo(6));
        var c = TopologyDemo.Run(options with { Seed = 7 }).ToList();
        Assert.That(c, Is.Not.EqualTo(a));
    }

    [Test]
    public void PartialLastReport_AndBadOptions()
    {
        var rows = TopologyDemo.Run(new TopologyDemoOptions { Ticks = 25, ReportEvery = 10, Vertices = 64 }).ToList();
        Assert.That(rows.Select(r => r.Tick), Is.EqualTo(new ulong[] { 10, 20, 25 }));
        Assert.That(() => TopologyDemo.Run(new TopologyDemoOptions { ReportEvery = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("ReportEvery"));
        Assert.That(() => TopologyDemo.Run(new TopologyDemoOptions { Vertices = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => TopologyDemo.Run(new TopologyDemoOptions { OutputVertex = 3 }), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("OutputVertex"));
        Assert.That(() => TopologyDemo.Run(new TopologyDemoOptions { InitialDensity = 0.9 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
