using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

/// <summary>grownet.md "Pruning": stale and weak gated edges are removed, the rest keep their order.</summary>
public class PruneTests
{
    [Test]
    public void Golden_StaleAndWeakEdgeRemoved()
    {
        // grownet.md "Pruning": A→B edge, a few inputs, 20 000 ticks later Prune(10000, 0.9) removes 1.
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int a = region.AddLayer(1, 0, 0);
        int b = region.AddLayer(1, 0, 0);
        Assert.That(region.ConnectLayers(a, b, 1.0), Is.EqualTo(1));
        region.BindInput("in", a);
        for (int i = 0; i < 3; i++)
            region.StepInput("in", 0.0);
        Assert.That(region.EdgeLastStep(0, 0), Is.EqualTo(2));
        for (int i = 0; i < 20_000; i++)
            world.Step();
        Assert.That(region.Prune(10_000, 0.0), Is.EqualTo(new GrowNet.Ecs.Systems.Region.PruneResult(0, 0)));
        var result = region.Prune(10_000, 0.9);
        Assert.That(result.PrunedEdges, Is.EqualTo(1));
        Assert.That(result.PrunedSynapses, Is.EqualTo(0));
        Assert.That(region.EdgeCount(0), Is.EqualTo(0));
        Assert.That(region.StepInput("in", 0.0).TotalSynapses, Is.EqualTo(0));
    }

    [Test]
    public void RecentEdges_Survive_AndWithinLayerEdgesCountAsSynapses()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int a = region.AddLayer(3, 0, 0);
        int b = region.AddLayer(2, 0, 0);
        region.ConnectLayers(a, a, 1.0);
        region.ConnectLayers(a, b, 1.0);
        region.BindInput("in", a);
        region.StepInput("in", 0.0);
        for (int i = 0; i < 50; i++)
            world.Step();
        // Nothing is stale within a window of 100.
        Assert.That(region.Prune(100, 0.9), Is.EqualTo(new GrowNet.Ecs.Systems.Region.PruneResult(0, 0)));
        var result = region.Prune(10, 0.9);
        Assert.That(result, Is.EqualTo(new GrowNet.Ecs.Systems.Region.PruneResult(6, 6)));
    }

    [Test]
    public void Prune_KeepsSurvivorOrderAndCsrRows()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int a = region.AddLayer(2, 0, 0);
        int b = region.AddLayer(3, 0, 0);
        int c = region.AddLayer(1, 0, 0);
        region.ConnectLayers(a, b, 1.0);
        region.ConnectLayers(c, b, 1.0);
        region.BindInput("in", c);
        // Only c's edges are used (lastStep moves); a's edges stay at step 0.
        for (int i = 0; i < 30; i++)
            region.StepInput("in", 0.0);
        var result = region.Prune(20, 0.5);
        Assert.That(result.PrunedEdges, Is.EqualTo(6));
        Assert.That(region.EdgeCount(0), Is.EqualTo(0));
        Assert.That(region.Edges(1), Is.EqualTo(new[] { (0, 0), (0, 1), (0, 2) }));
    }

    [Test]
    public void AutoPrune_RunsInThePrunePhase()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int a = region.AddLayer(2, 0, 0);
        int b = region.AddLayer(2, 0, 0);
        region.ConnectLayers(a, b, 1.0);
        region.SetAutoPrune(interval: 10, staleWindow: 5, minStrength: 0.5);
        for (int i = 0; i < 9; i++)
            world.Step();
        Assert.That(region.EdgeCount(0), Is.EqualTo(4));
        world.Step();
        Assert.That(region.Metrics.PrunedEdges, Is.EqualTo(4));
        Assert.That(region.EdgeCount(0), Is.EqualTo(0));
    }
}
