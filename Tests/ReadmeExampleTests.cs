using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Systems.Region;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests;

/// <summary>The README's embedding example, as written there (fewer frames), so it keeps compiling and running.</summary>
public class ReadmeExampleTests
{
    [Test]
    public void EmbeddingExample_Runs_AndSavesALoadableWorld()
    {
        string path = Path.Combine(Path.GetTempPath(), $"grownet-readme-{Guid.NewGuid():N}.gnw");
        try
        {
            using var world = Pipeline.CreateWorld(seed: 42);
            var pool = NeuronPool.Create(world, "cortex", PoolDefinition.Compat(4096, 0.02f, PoolConfig.Default));
            pool.SetInputRange(0, 100, 10000);
            var region = Region.Create(world, "vision");
            int input = region.AddLayer(excitatory: 40, inhibitory: 8, modulatory: 4);
            int hidden = region.AddLayer(30, 6, 3);
            region.ConnectLayers(input, hidden, probability: 0.10);
            region.BindInput("pixels", input);
            var block = TopologyBlock.Create(world, "assoc", TopologyDefinition.Random(256, 0.05, TopologyParameters.Default));
            var tick = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 60);
            // The README's clock; frames here report exactly one tick interval each, so the run is deterministic.
            var clock = new FixedTickClock(world, tick, maxTicksPerFrame: 4, frameBudget: TimeSpan.FromSeconds(10));
            while (world.Tick < 50)
            {
                region.SetInput("pixels", 0.42);
                clock.Advance(tick);
                if (pool.CountSpikes(3800, 4096) > 10)
                    pool.ApplyModulation(dopamine: 200, cortisol: 30, acetylcholine: 100);
            }

            Assert.That(clock.DroppedTicks, Is.Zero);
            Assert.That(pool.TickCount, Is.EqualTo(50UL));
            Assert.That(block.TickCount, Is.EqualTo(50UL));
            Assert.That(world.Scheduler.Timings.All(t => t.Calls == 50), Is.True);
            WorldCodec.SaveFile(world, path);
            using var loaded = WorldCodec.LoadFile(path);
            Assert.That(loaded.Tick, Is.EqualTo(50UL));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The example's world, stepped 4 000 ticks: after the first ten nothing is allocated inside
    /// <c>Step()</c>, also not when the region's layers first fire and deliver (around tick 3 600,
    /// where lazily grown tract queues and flush scratch used to allocate 26 720 B) or when the
    /// pool's first parallel propagation makes the caller block on its helpers.
    /// </summary>
    [Test]
    public void EmbeddingExampleWorld_AllocatesNothingPerTick_OnceStarted()
    {
        using var world = Pipeline.CreateWorld(seed: 42);
        var pool = NeuronPool.Create(world, "cortex", PoolDefinition.Compat(4096, 0.02f, PoolConfig.Default));
        pool.SetInputRange(0, 100, 10000);
        var region = Region.Create(world, "vision");
        int input = region.AddLayer(excitatory: 40, inhibitory: 8, modulatory: 4);
        int hidden = region.AddLayer(30, 6, 3);
        region.ConnectLayers(input, hidden, probability: 0.10);
        region.BindInput("pixels", input);
        TopologyBlock.Create(world, "assoc", TopologyDefinition.Random(256, 0.05, TopologyParameters.Default));
        var allocations = new List<(ulong Tick, long Bytes)>();
        long deliveredTotal = 0;
        for (int t = 0; t < 4000; t++)
        {
            region.SetInput("pixels", 0.42);
            long before = GC.GetAllocatedBytesForCurrentThread();
            world.Step();
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            if (t >= 10 && bytes != 0)
                allocations.Add((world.Tick, bytes));
            deliveredTotal += region.Metrics.DeliveredEvents;
            if (pool.CountSpikes(3800, 4096) > 10)
                pool.ApplyModulation(dopamine: 200, cortisol: 30, acetylcholine: 100);
        }

        // The run must reach the deliveries, or the test would not cover the first flush.
        Assert.That(deliveredTotal, Is.GreaterThan(0));
        Assert.That(allocations, Is.Empty);
    }
}
