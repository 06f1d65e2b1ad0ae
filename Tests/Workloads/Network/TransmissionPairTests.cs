using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Workloads.Network;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Workloads.Network;

/// <summary>The transmission pair of Perf/Network: a pool's own synapses and the same synapses as a projection onto it run bit for bit alike.</summary>
public class TransmissionPairTests
{
    [Test]
    public void IntraAndProjectionWorlds_SpikeAlike_WithTheSameEventsEveryTick()
    {
        using var intra = TransmissionPair.Create(TransmissionShape.Intra, 2048, 50);
        using var projection = TransmissionPair.Create(TransmissionShape.Projection, 2048, 50);
        var intraPool = NeuronPool.All(intra)[0];
        var projectionPool = NeuronPool.All(projection)[0];
        var intraEvents = new SynapticEventCounter(intra);
        var projectedEvents = new SynapticEventCounter(projection);
        long events = 0;
        for (int t = 0; t < 150; t++)
        {
            intra.Step();
            projection.Step();
            Assert.That(projectionPool.View().Membrane.ToArray(), Is.EqualTo(intraPool.View().Membrane.ToArray()), $"tick {t}");
            Assert.That(projectedEvents.LastProjectionEvents(), Is.EqualTo(intraEvents.LastIntraPoolEvents()), $"tick {t}");
            Assert.That(projectedEvents.LastIntraPoolEvents(), Is.Zero);
            events += intraEvents.LastIntraPoolEvents();
        }

        Assert.That(events, Is.GreaterThan(100_000), "the drive keeps the pool spiking");
    }
}
