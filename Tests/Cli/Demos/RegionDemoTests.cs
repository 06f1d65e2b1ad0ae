using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Demos;

using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Systems.Region;

/// <summary>grownet.md "Scenarios that must run": the tutorial's region demo.</summary>
public class RegionDemoTests
{
    [Test]
    public void Demo_BuildsTheTutorialRegion()
    {
        using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld(42);
        var region = RegionDemo.Build(world);
        Assert.That(region.Name, Is.EqualTo("vision"));
        Assert.That((region.NeuronCount(0), region.NeuronCount(1)), Is.EqualTo((52, 39)));
        var rules = region.MeshRules();
        Assert.That(rules.Select(r => (r.Source, r.Destination, r.Probability, r.Feedback)),
            Is.EqualTo(new[] { (0, 1, 0.10, false), (1, 0, 0.01, true) }));
        Assert.That(region.PortLayers("pixels"), Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void Demo_PrintsEveryIntervalThenPrunes_AndIsReproducible()
    {
        var seen = new List<RegionDemoRow>();
        var result = RegionDemo.Run(ticks: 600, seed: 7, every: 200, onRow: seen.Add);
        Assert.That(result.Rows.Select(r => r.Tick), Is.EqualTo(new[] { 200, 400, 600 }));
        Assert.That(seen, Is.EqualTo(result.Rows));
        Assert.That(result.Rows.All(r => r.TotalSlots > 0 && r.TotalSynapses > 0), Is.True);
        Assert.That(result.Rows.Select(r => r.TotalSlots), Is.Ordered);
        var again = RegionDemo.Run(ticks: 600, seed: 7, every: 200);
        Assert.That(again.Rows, Is.EqualTo(result.Rows));
        Assert.That(again.Prune, Is.EqualTo(result.Prune));
        Assert.That(RegionDemo.Run(ticks: 600, seed: 8, every: 200).Rows, Is.Not.EqualTo(result.Rows));
    }

    [Test]
    public void Demo_Defaults_AreTheTutorials()
    {
        Assert.That((RegionDemo.DefaultTicks, RegionDemo.DefaultEvery), Is.EqualTo((2000, 200)));
        Assert.That(() => RegionDemo.Run(ticks: 10, every: 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void PrintedRows_CountTheDeliveriesSinceThePreviousRow()
    {
        var ticks = new List<RegionDemoRow>();
        var result = RegionDemo.Run(ticks: 1200, seed: 42, every: 200, onTick: ticks.Add);
        Assert.That(ticks, Has.Count.EqualTo(1200));
        var sums = Enumerable.Range(0, 6).Select(k => ticks.Skip(k * 200).Take(200).Sum(r => r.Delivered)).ToArray();
        Assert.That(result.Rows.Select(r => r.Delivered), Is.EqualTo(sums));
        Assert.That(sums.Sum(), Is.GreaterThan(0), "seed 42 delivers events in these ticks, so the sums are not trivially 0");
        Assert.That(result.Rows.Select(r => r.Delivered), Is.Not.EqualTo(result.Rows.Select(r => ticks[r.Tick - 1].Delivered)),
            "the last tick's count alone would differ");
    }
}
