using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Systems.Region;
using GrowNet.Ecs.Systems.Topology;
using GrowNet.Ecs.Tests.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests;

/// <summary>What a host's frame loop relies on: host threads give the same bytes, and a frame allocates nothing.</summary>
[TestFixture]
public class HostLoopTests
{
    /// <summary>A world with every model: a pool big enough to run its parallel paths, a region and a topology block.</summary>
    private static (World World, Region Region) CreateWorld()
    {
        var world = Pipeline.CreateWorld(seed: 7);
        var pool = NeuronPool.Create(world, "cortex", PoolDefinition.Compat(4096, 0.02f, PoolConfig.Default));
        pool.SetInputRange(0, 200, 10000);
        var region = Region.Create(world, "vision");
        int input = region.AddLayer(excitatory: 40, inhibitory: 8, modulatory: 4);
        int hidden = region.AddLayer(30, 6, 3);
        region.ConnectLayers(input, hidden, probability: 0.10);
        region.BindInput("pixels", input);
        TopologyBlock.Create(world, "assoc", TopologyDefinition.Random(512, 0.05, TopologyParameters.Default));
        return (world, region);
    }

    private static byte[] RunAndSave(Action<World> useThreads, int ticks)
    {
        var (world, region) = CreateWorld();
        using (world)
        {
            useThreads(world);
            for (int tick = 0; tick < ticks; tick++)
            {
                region.SetInput("pixels", 0.2 + 0.01 * (tick % 50));
                world.Step();
            }

            return WorldCodec.ToBytes(world);
        }
    }

    [Test]
    public void HostThreadDispatcher_GivesTheSameWorldBytes_AsTheBuiltInThreads()
    {
        byte[] builtIn = RunAndSave(world => world.SetThreadCount(2), 60);
        using var threadPool = new ThreadPoolDispatcher(3);
        byte[] hosted = RunAndSave(world => world.SetThreadDispatcher(threadPool), 60);
        byte[] serial = RunAndSave(world => world.SetThreadCount(1), 60);

        Assert.That(hosted, Is.EqualTo(builtIn));
        Assert.That(serial, Is.EqualTo(builtIn));
    }

    [Test]
    public void FixedTickClockFrames_AllocateNothing()
    {
        var (world, region) = CreateWorld();
        using (world)
        {
            world.SetThreadCount(2);
            var frame = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 60);
            var clock = new FixedTickClock(world, frame, maxTicksPerFrame: 4, frameBudget: TimeSpan.FromSeconds(5));
            for (int i = 0; i < 100; i++)
            {
                region.SetInput("pixels", 0.42);
                clock.Advance(frame);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            int ticks = 0;
            for (int i = 0; i < 200; i++)
            {
                region.SetInput("pixels", 0.42);
                ticks += clock.Advance(frame);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.That(ticks, Is.EqualTo(200));
            Assert.That(allocated, Is.Zero);
        }
    }
}
