using GrowNet.Ecs.Distributed.Exchange;
using GrowNet.Ecs.Distributed.Network;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Distributed.Network;

/// <summary>The per-tick exchange allocates nothing once its buffers have grown (architecture.md: no allocation per tick).</summary>
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
}
