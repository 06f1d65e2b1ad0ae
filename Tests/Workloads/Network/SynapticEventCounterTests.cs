using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Workloads.Network;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Workloads.Network;

/// <summary>The event counter the network benchmarks run inside their ops (docs/network-performance.md).</summary>
public class SynapticEventCounterTests
{
    [Test]
    public void LastTickEvents_AllocateNothing()
    {
        using var world = Pipeline.CreateWorld(seed: 4);
        ScaleNetwork.Build(world, cells: 512);
        var counter = new SynapticEventCounter(world);
        for (int t = 0; t < 5; t++)
            world.Step();
        long warm = counter.LastIntraPoolEvents() + counter.LastProjectionEvents();

        long before = GC.GetAllocatedBytesForCurrentThread();
        long events = counter.LastIntraPoolEvents() + counter.LastProjectionEvents();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(events, Is.EqualTo(warm));
        Assert.That(events, Is.GreaterThan(0));
        Assert.That(allocated, Is.EqualTo(0));
    }
}
