using GrowNet.Ecs.Components.Region;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>grownet.md "The region tick": phase A, queued one-hop flush, metrics, 2D ticks, pools in the same world.</summary>
public class RegionTickTests
{
    /// <summary>A chain of single-E layers connected with p = 1, the first bound to "in"; x = 0 makes every weight fire.</summary>
    private static (GrowNet.Ecs.Engine.World World, Region Region) Chain(int layers)
    {
        var (world, region) = RegionTestWorlds.Empty();
        for (int i = 0; i < layers; i++)
            region.AddLayer(1, 0, 0);
        for (int i = 0; i + 1 < layers; i++)
            region.ConnectLayers(i, i + 1, 1.0);
        region.BindInput("in", 0);
        return (world, region);
    }

    [Test]
    public void ThreeLayerChain_AdvancesOneTractPerTick()
    {
        var (world, region) = Chain(3);
        using var _ = world;
        var first = region.StepInput("in", 0.0);
        // Tick 1: A fires in phase A; the flush delivers A→B; B's fire waits in B→C.
        Assert.That(first.DeliveredEvents, Is.EqualTo(1));
        Assert.That(region.FiredCounts(), Is.EqualTo(new[] { 1, 1, 0 }));
        Assert.That(region.SlotCount(2, 0), Is.EqualTo(0));
        Assert.That(region.QueuedEvents(1), Is.EqualTo(1));
        // Tick 2: the flush delivers A→B and the waiting B→C.
        var second = region.StepInput("in", 0.0);
        Assert.That(second.DeliveredEvents, Is.EqualTo(2));
        Assert.That(region.FiredCounts(), Is.EqualTo(new[] { 1, 1, 1 }));
        Assert.That(region.SlotCount(2, 0), Is.EqualTo(1));
    }

    [Test]
    public void Feedback_CannotLoopWithinATick()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int a = region.AddLayer(1, 0, 0);
        int b = region.AddLayer(1, 0, 0);
        region.ConnectLayers(a, b, 1.0);
        region.ConnectLayers(b, a, 1.0, feedback: true);
        region.BindInput("in", a);
        var metrics = region.StepInput("in", 0.0);
        Assert.That(metrics.DeliveredEvents, Is.EqualTo(1));
        Assert.That(region.FiredCounts(), Is.EqualTo(new[] { 1, 1 }));
        Assert.That(region.QueuedEvents(1), Is.EqualTo(1));
        for (int t = 0; t < 8; t++)
        {
            int queuedBefore = region.QueuedEvents(0) + region.QueuedEvents(1);
            metrics = region.StepInput("in", 0.0);
            // A flush delivers only what was queued before it began: the waiting events plus at most
            // the one event of A's phase A fire. What the flush's own fires queue waits for the next tick.
            Assert.That(metrics.DeliveredEvents, Is.LessThanOrEqualTo(queuedBefore + 1));
            Assert.That(region.QueuedEvents(0) + region.QueuedEvents(1), Is.LessThanOrEqualTo(metrics.DeliveredEvents));
        }
    }

    [Test]
    public void IdleStep_FlushesWaitingEvents_WithoutPhaseA()
    {
        var (world, region) = Chain(3);
        using var _ = world;
        region.StepInput("in", 0.0);
        world.Step();
        Assert.That(region.Metrics.DeliveredEvents, Is.EqualTo(1));
        Assert.That(region.FiredCounts(), Is.EqualTo(new[] { 0, 0, 1 }));
        world.Step();
        Assert.That(region.Metrics.DeliveredEvents, Is.EqualTo(0));
    }

    [Test]
    public void Metrics_SlotsSynapsesAndStep()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int a = region.AddLayer(4, 1, 1);
        int b = region.AddLayer(3, 0, 0);
        int edges = region.ConnectLayers(a, b, 1.0);
        region.BindInput("in", a);
        var m = region.StepInput("in", 1.0);
        Assert.That(m.Step, Is.EqualTo(0));
        Assert.That(m.TotalSlots, Is.EqualTo(6));
        Assert.That(m.TotalSynapses, Is.EqualTo(edges));
        Assert.That(m.GrownNeurons, Is.EqualTo(0));
        Assert.That(m.GrownLayers, Is.EqualTo(0));
        Assert.That(m.HasSpatial, Is.False);
        m = region.StepInput("in", 1.5);
        Assert.That(m.Step, Is.EqualTo(1));
        Assert.That(m.TotalSlots, Is.EqualTo(12));
    }

    [Test]
    public void PixelLayer_FiresIffAbsGainTimesPixelReachesEpsilon()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int input = region.AddInputLayer2D(2, 3, -2.0, 0.5);
        region.BindInput2D("img", input);
        region.StepFrame("img", new double[,] { { 0, 0.25, 0.2 }, { -1, 0, 0.3 } });
        // |−2·0.25| = 0.5 ≥ 0.5, |−2·0.2| = 0.4 < 0.5, |−2·−1| = 2, |−2·0.3| = 0.6: three fires; zeros never fire.
        Assert.That(region.FiredCount(input), Is.EqualTo(3));
    }

    [Test]
    public void OutputLayer_FrameFollowsSmoothing()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int input = region.AddInputLayer2D(3, 3, 2.0, 0.01);
        int output = region.AddOutputLayer2D(3, 3, 0.5);
        region.ConnectLayersWindowed(input, output, 1, 1, 1, 1);
        region.BindInput2D("img", input);
        region.BindOutput("out", output);
        region.StepFrame("img", RegionTestWorlds.Frame(3, 3, (1, 2)));
        // One delivery of e = 2: frame = 0.5 * 0 + 0.5 * 2.
        Assert.That(region.GetFrame(output)[1, 2], Is.EqualTo(1.0));
        region.StepFrame("img", RegionTestWorlds.Frame(3, 3, (1, 2)));
        Assert.That(region.GetOutputFrame("out")[1, 2], Is.EqualTo(1.5));
        Assert.That(region.GetFrame(output)[0, 0], Is.EqualTo(0.0));
        Assert.That(region.Metrics.DeliveredEvents, Is.EqualTo(1));
    }

    [Test]
    public void SpatialMetrics_OutputFrame_ElseInputFrame()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        region.SetSpatialMetrics(true);
        int input = region.AddInputLayer2D(2, 3, 1.0, 0.01);
        region.BindInput2D("img", input);
        // grownet.md "The region tick": [[0,1,0],[0,0,0]] → 1 active pixel, centroid (0, 1), bbox (0,0,1,1).
        var m = region.StepFrame("img", new double[,] { { 0, 1, 0 }, { 0, 0, 0 } });
        Assert.That(m.HasSpatial, Is.True);
        Assert.That(m.Spatial.ActivePixels, Is.EqualTo(1));
        Assert.That((m.Spatial.CentroidRow, m.Spatial.CentroidCol), Is.EqualTo((0.0, 1.0)));
        Assert.That((m.Spatial.RowMin, m.Spatial.RowMax, m.Spatial.ColMin, m.Spatial.ColMax), Is.EqualTo((0, 0, 1, 1)));
        m = region.StepFrame("img", new double[2, 3]);
        Assert.That((m.Spatial.RowMin, m.Spatial.RowMax, m.Spatial.ColMin, m.Spatial.ColMax), Is.EqualTo((0, -1, 0, -1)));
        Assert.That((m.Spatial.CentroidRow, m.Spatial.CentroidCol), Is.EqualTo((0.0, 0.0)));

        // With an output layer that received something, its frame is measured instead.
        int output = region.AddOutputLayer2D(2, 3, 0.0);
        region.ConnectLayersWindowed(input, output, 1, 1, 1, 1);
        m = region.StepFrame("img", new double[,] { { 0, 0, 0 }, { 0, 0, 3 } });
        Assert.That((m.Spatial.RowMin, m.Spatial.ColMin), Is.EqualTo((1, 2)));
        m = region.StepFrame("img", new double[,] { { 1, 0, 0 }, { 0, 0, 0 } });
        Assert.That(m.Spatial.ActivePixels, Is.EqualTo(2));
    }

    [Test]
    public void TwoPorts_StagedInTheSameStep_FeedInPortOrder()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int a = region.AddLayer(1, 0, 0);
        int b = region.AddLayer(1, 0, 0);
        region.BindInput("first", a);
        region.BindInput("second", b);
        region.SetInput("second", 2.0);
        region.SetInput("first", 1.0);
        world.Step();
        Assert.That(region.Neuron(a, 0).LastInput, Is.EqualTo(1.0));
        Assert.That(region.Neuron(b, 0).LastInput, Is.EqualTo(2.0));
        world.Step();
        Assert.That(region.FiredCounts(), Is.EqualTo(new[] { 0, 0 }));
    }

    [Test]
    public void RegionAndPool_AdvanceInOneStep()
    {
        var (world, region, layer) = RegionTestWorlds.SingleLayer();
        using var _ = world;
        var pool = GrowNet.Ecs.Systems.Pool.NeuronPool.Create(world, "pool", GrowNet.Ecs.Systems.Pool.PoolDefinition.Empty(8, GrowNet.Ecs.Components.Pool.PoolConfig.Default));
        region.StepInput("in", 1.0);
        Assert.That(pool.TickCount, Is.EqualTo(1UL));
        Assert.That(region.Bus.CurrentStep, Is.EqualTo(1));
        Assert.That(region.SlotCount(layer, 0), Is.EqualTo(1));
    }

    [Test]
    public void FrameWithEdges_IsStagedAsPixels_WithoutEdges_AsACount()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int bare = region.AddInputLayer2D(2, 2, 1.0, 0.5);
        region.BindInput2D("bare", bare);
        region.SetFrame("bare", new double[,] { { 1, 0 }, { 0.6, 0.4 } });
        Assert.That(region.World.Get<LayerState>(region.LayerEntity(bare)).Staging, Is.EqualTo(FrameStaging.FireCountOnly));
        // Wiring a layer whose frame was staged without pixels would lose the frame: refused until the step.
        int sink = region.AddLayer(1, 0, 0);
        Assert.That(() => region.ConnectLayers(bare, sink, 1.0), Throws.InvalidOperationException);
        world.Step();
        Assert.That(region.FiredCount(bare), Is.EqualTo(2));
        region.ConnectLayers(bare, sink, 1.0);
        region.SetFrame("bare", new double[,] { { 1, 0 }, { 0.6, 0.4 } });
        Assert.That(region.World.Get<LayerState>(region.LayerEntity(bare)).Staging, Is.EqualTo(FrameStaging.Pixels));
        world.Step();
        Assert.That(region.FiredCount(bare), Is.EqualTo(2));
        // The fired pixels (0 and 2) updated their gates once; a fresh gate imprints above v and does not pass yet.
        Assert.That(Enumerable.Range(0, 4).Select(e => region.Gate(0, e).Hits), Is.EqualTo(new[] { 1, 0, 1, 0 }));
        Assert.That(region.Gate(0, 2).Threshold, Is.EqualTo(0.6 * 1.02 + 0.02 * (0 - 0.05)).Within(1e-15));
        Assert.That(region.Metrics.DeliveredEvents, Is.EqualTo(0));
    }
}
