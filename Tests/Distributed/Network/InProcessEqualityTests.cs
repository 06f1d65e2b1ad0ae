using GrowNet.Ecs.Distributed.Exchange;
using GrowNet.Ecs.Distributed.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Distributed.Network;

/// <summary>
/// Issue 16 / docs/distributed.md: a network on 2 or 3 in-process ranks gives, tick by tick, the
/// spikes of one process, and the world gathered to rank 0 saves to the same bytes — on 1 and 2
/// threads per rank.
/// </summary>
[TestFixture]
public sealed class InProcessEqualityTests
{
    private const ulong Seed = 16;
    private const int Ticks = 60;

    [TestCase(2, 1)]
    [TestCase(2, 2)]
    [TestCase(3, 1)]
    [TestCase(3, 2)]
    public void MixedNetworkEqualsOneProcess(int ranks, int threads)
    {
        var (expectedSpikes, expectedWorld) = OneProcess(() => DistributedTestNetworks.Mixed(), Ticks);
        var (spikes, world) = Distributed(() => DistributedTestNetworks.Mixed(), ranks, threads, Ticks, null);
        Assert.That(spikes, Is.EqualTo(expectedSpikes));
        Assert.That(world, Is.EqualTo(expectedWorld));
    }

    [Test]
    public void ExplicitPlacementEqualsOneProcess()
    {
        var placement = new Dictionary<string, int> { ["p0"] = 1, ["p1"] = 1, ["p2"] = 0, ["p3"] = 0 };
        var (expectedSpikes, expectedWorld) = OneProcess(() => DistributedTestNetworks.Mixed(), Ticks);
        var (spikes, world) = Distributed(() => DistributedTestNetworks.Mixed(), 2, 1, Ticks, placement);
        Assert.That(spikes, Is.EqualTo(expectedSpikes));
        Assert.That(world, Is.EqualTo(expectedWorld));
    }

    [Test]
    public void ScaleNetworkOnTwoRanksEqualsOneProcess()
    {
        var (expectedSpikes, expectedWorld) = OneProcess(() => DistributedTestNetworks.Scale(512), 40);
        var (spikes, world) = Distributed(() => DistributedTestNetworks.Scale(512), 2, 2, 40, null);
        Assert.That(spikes, Is.EqualTo(expectedSpikes));
        Assert.That(world, Is.EqualTo(expectedWorld));
    }

    [Test]
    public void TheTestNetworkSpikesAndCrossesRanks()
    {
        var (spikes, _) = OneProcess(() => DistributedTestNetworks.Mixed(), Ticks);
        Assert.That(spikes.Values.Sum(ticks => ticks.Sum(t => t.Length)), Is.GreaterThan(1000));
        using var world = Pipeline.CreateWorld(Seed);
        var plan = DistributedTestNetworks.Mixed();
        plan.Build(world);
        var layout = new RankLayout(world, PopulationRanks.Assign(plan.Populations, 2));
        Assert.That(layout.Exports.Select(e => e.Kind).Distinct().Order(), Is.EqualTo(new[] { ExportKind.Spikes, ExportKind.Trace, ExportKind.SourceValue }));
    }

    internal static (SortedDictionary<string, List<int[]>> Spikes, byte[] World) OneProcess(Func<NetworkPlan> plan, int ticks)
    {
        using var world = Pipeline.CreateWorld(Seed);
        world.SetThreadCount(1);
        plan().Build(world);
        var spikes = new SortedDictionary<string, List<int[]>>(StringComparer.Ordinal);
        for (int t = 0; t < ticks; t++)
        {
            world.Step();
            Record(world, spikes, _ => true);
        }

        return (spikes, WorldCodec.ToBytes(world));
    }

    internal static (SortedDictionary<string, List<int[]>> Spikes, byte[] World) Distributed(Func<NetworkPlan> plan, int ranks, int threads,
        int ticks, IReadOnlyDictionary<string, int>? placement)
    {
        var spikes = new SortedDictionary<string, List<int[]>>(StringComparer.Ordinal);
        byte[]? bytes = null;
        InProcessRanks.Run(ranks, exchange =>
        {
            var network = plan();
            var channel = new RankChannel(exchange);
            using var rankWorld = RankWorld.Build(network, PopulationRanks.Assign(network.Populations, ranks, placement), channel, Seed, threads);
            var mine = new SortedDictionary<string, List<int[]>>(StringComparer.Ordinal);
            for (int t = 0; t < ticks; t++)
            {
                rankWorld.Step();
                Record(rankWorld.World, mine, entity => !rankWorld.World.IsRemote(entity));
            }

            rankWorld.GatherToRankZero();
            lock (spikes)
            {
                foreach (var (name, list) in mine)
                    spikes.Add(name, list);
                if (exchange.Rank == 0)
                    bytes = WorldCodec.ToBytes(rankWorld.World);
            }
        });
        return (spikes, bytes!);
    }

    private static void Record(World world, SortedDictionary<string, List<int[]>> spikes, Func<Entity, bool> include)
    {
        foreach (var pool in ModelFamilies.Catalog.Populations(world).OfType<NeuronPool>())
        {
            if (!include(pool.Entity))
                continue;
            if (!spikes.TryGetValue(pool.Name, out var list))
                spikes[pool.Name] = list = new List<int[]>();
            list.Add(pool.View().SpikeList[..pool.State.LastSpikeCount].ToArray());
        }
    }
}
