using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Demos;

using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Systems.Region;

/// <summary>grownet.md "Growth": the seed's growth demo prints neuron counts per tick.</summary>
public class GrowthDemoTests
{
    [Test]
    public void ThreeFrames_HiddenLayerGrowsFromTheSecond()
    {
        var rows = GrowthDemo.Run().ToArray();
        Assert.That(rows.Select(r => (r.LitRow, r.LitCol)), Is.EqualTo(new[] { (0, 1), (0, 2), (0, 3) }));
        // Tick 1 anchors each hidden neuron at (0,1); (0,2) is 100 % away in columns → out of domain at
        // limit 1 → fallback at capacity → streak 1 ≥ threshold 1 → one neuron per tick from then on.
        Assert.That(rows.Select(r => r.HiddenNeurons), Is.EqualTo(new[] { 4, 5, 6 }));
        Assert.That(rows.Select(r => r.GrownNeurons), Is.EqualTo(new[] { 0, 1, 1 }));
        Assert.That(rows.Select(r => r.Delivered), Is.EqualTo(new long[] { 4, 4, 5 }));
    }

    [Test]
    public void LongerRuns_CycleTheFrames_AndGrowAtMostOnePerTick()
    {
        var rows = GrowthDemo.Run(ticks: 10, seed: 3).ToArray();
        Assert.That(rows.Length, Is.EqualTo(10));
        Assert.That(rows[3].LitCol, Is.EqualTo(1));
        Assert.That(rows.All(r => r.HiddenNeurons - r.HiddenNeuronsBeforeTick is 0 or 1), Is.True);
        Assert.That(rows[^1].HiddenNeurons, Is.GreaterThan(4));
    }
}
