using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Network;

/// <summary>architecture.md, "Storage": no allocation per tick in steady state, with sources, links, projections and modulators.</summary>
public class NetworkAllocationTests
{
    [Test]
    public void SteadyTicks_WithSourcesLinksAndProjections_AllocateNothing()
    {
        // One thread: GC.GetAllocatedBytesForCurrentThread then sees every allocation of the tick.
        using var world = SmallNetwork();
        world.SetThreadCount(1);
        for (int t = 0; t < 100; t++)
            world.Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 500; t++)
            world.Step();
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
    }

    private static World SmallNetwork()
    {
        var world = Pipeline.CreateWorld(seed: 1);
        NeuronPool.Create(world, "p", PoolDefinition.Standard(4096, 0.02));
        NeuronPool.Create(world, "q", PoolDefinition.Empty(2000));
        NetworkBuilder.AddSource(world, "d", SourceDefinition.Poisson("p/current", 0.02, scale: 12000));
        NetworkBuilder.Connect(world, "pq", "p", "q", ProjectionDefinition.FixedInDegree(10));
        NetworkBuilder.Link(world, new LinkDefinition { From = "q/spikes", To = "p/current[0..2000]", Gain = 100, Ema = 0.5, Write = WriteMode.Add });
        NetworkBuilder.Link(world, new LinkDefinition { From = "p/spikes", To = "q/current[0..1]", Map = LinkMap.PoolBroadcast });
        NetworkBuilder.AddModulator(world, new ModulatorDefinition
        {
            Target = "pq", Constant0 = 128, Constant1 = 30, Every = 10,
            Terms = [new ModulatorTermDefinition(0, 40, "d/value", Reduction.Mean, "q/spikes", Reduction.Mean)],
        });
        return world;
    }
}
