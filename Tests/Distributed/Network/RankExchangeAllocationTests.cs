using GrowNet.Ecs.Distributed.Exchange;
using GrowNet.Ecs.Distributed.Network;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Distributed.Network;

/// <summary>The per-tick exchanges allocate nothing once its buffers have grown (architecture.md: no allocation per tick).</summary>
[TestFixture]
public sealed class RankExchangeAllocationTests
{
    [Test]
    public void The_exchange_allocates_nothing_per_tick()
    {
        var allocated = new long[2];
        InProcessRanks.Run(2, exchange =>
        {
            var plan = DistributedTestNetworks.Mixed();
            using var rankWorld = RankWorld.Build(plan, PopulationRanks.Assign(plan.Populations, 2), new RankChannel(exchange), 16);
            for (int t = 0; t < 30; t++)
                rankWorld.Step();
            // The exchange of the same tick, again and again: every rank packs and unpacks the same messages.
            for (int k = 0; k < 10; k++)
                rankWorld.Exchange.Update(rankWorld.World);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < 200; k++)
                rankWorld.Exchange.Update(rankWorld.World);
            allocated[exchange.Rank] = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.That(rankWorld.Exchange.SpikesSent, Is.GreaterThan(0));
        });
        Assert.That(allocated, Is.EqualTo(new long[] { 0, 0 }));
    }

    [Test]
    public void The_port_exchange_allocates_nothing_per_tick()
    {
        var allocated = new long[3];
        var sent = new long[3];
        var placement = new Dictionary<string, int> { ["retina"] = 1, ["cortex"] = 2, ["body"] = 0, ["predictor"] = 1, ["p0"] = 2 };
        InProcessRanks.Run(3, exchange =>
        {
            var plan = DistributedTestNetworks.Families();
            using var rankWorld = RankWorld.Build(plan, PopulationRanks.Assign(plan.Populations, 3, placement), new RankChannel(exchange), 16);
            for (int t = 0; t < 30; t++)
                rankWorld.Step();
            var ports = rankWorld.PortExchange!;
            for (int k = 0; k < 10; k++)
                ports.Update(rankWorld.World);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < 200; k++)
                ports.Update(rankWorld.World);
            allocated[exchange.Rank] = GC.GetAllocatedBytesForCurrentThread() - before;
            sent[exchange.Rank] = ports.BytesSent / 240 - RankPortExchangeSystem.HeaderBytes;
        });
        Assert.That(allocated, Is.EqualTo(new long[] { 0, 0, 0 }));
        // Bytes per tick after the header, 8 per element: rank 0 body/activation (16), rank 1 retina's
        // L1.frame (64) and L1.fires (1) and the predictor's prediction and error (1 each); rank 2 has
        // only pools, whose outputs cross in the other exchange.
        Assert.That(sent, Is.EqualTo(new long[] { 16 * 8, (64 + 1 + 1 + 1) * 8, 0 }));
    }
}
