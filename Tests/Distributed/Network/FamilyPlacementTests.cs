using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Distributed.Exchange;
using GrowNet.Ecs.Distributed.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Systems.Region;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Distributed.Network;

/// <summary>
/// Issue 16 / docs/distributed.md, "Placement" and "The exchanges": populations of every family
/// placed on different ranks, with links and modulator terms reading ports of other families
/// across ranks, give every population's output ports tick by tick and the final world of one
/// process — on 2 and 3 ranks, 1 and 2 threads per rank, and across per-rank checkpoints.
/// </summary>
[TestFixture]
public sealed class FamilyPlacementTests
{
    private const ulong Seed = 21;
    private const int Ticks = 100;

    private static readonly Dictionary<string, int> TwoRanks = new() { ["retina"] = 1, ["cortex"] = 0, ["body"] = 1, ["predictor"] = 0, ["p0"] = 1 };

    private static readonly Dictionary<string, int> ThreeRanks = new() { ["retina"] = 1, ["cortex"] = 2, ["body"] = 0, ["predictor"] = 1, ["p0"] = 2 };

    [TestCase(2, 1)]
    [TestCase(2, 2)]
    [TestCase(3, 1)]
    [TestCase(3, 2)]
    public void EveryFamilyOnAnotherRankEqualsOneProcess(int ranks, int threads)
    {
        var (expectedPorts, expectedWorld) = OneProcess(Ticks);
        var (ports, world) = Distributed(ranks, threads, ranks == 2 ? TwoRanks : ThreeRanks, Ticks, 0);
        Assert.That(ports.Keys, Is.EqualTo(expectedPorts.Keys));
        foreach (var (name, values) in expectedPorts)
            Assert.That(ports[name], Is.EqualTo(values), name);
        Assert.That(world, Is.EqualTo(expectedWorld));
    }

    [Test]
    public void DefaultPlacementOfEveryFamilyEqualsOneProcess()
    {
        var (expectedPorts, expectedWorld) = OneProcess(Ticks);
        var (ports, world) = Distributed(3, 1, null, Ticks, 0);
        Assert.That(ports, Is.EqualTo(expectedPorts));
        Assert.That(world, Is.EqualTo(expectedWorld));
    }

    [TestCase(2)]
    [TestCase(3)]
    public void RankCheckpointsResumeToTheUninterruptedRun(int ranks)
    {
        var (expectedPorts, expectedWorld) = OneProcess(Ticks);
        var (ports, world) = Distributed(ranks, 1, ranks == 2 ? TwoRanks : ThreeRanks, Ticks, 45);
        Assert.That(ports, Is.EqualTo(expectedPorts));
        Assert.That(world, Is.EqualTo(expectedWorld));
    }

    [Test]
    public void RemoteShellsOfEveryFamilyDoNotTick()
    {
        var unchanged = new List<string>();
        InProcessRanks.Run(3, exchange =>
        {
            var plan = DistributedTestNetworks.Families();
            using var rankWorld = RankWorld.Build(plan, PopulationRanks.Assign(plan.Populations, 3, ThreeRanks), new RankChannel(exchange), Seed, 1);
            var world = rankWorld.World;
            var remote = ModelFamilies.Catalog.Populations(world).Where(p => p is not SignalSource && world.IsRemote(p.Entity)).ToList();
            var before = remote.Select(Clock).ToList();
            for (int t = 0; t < 40; t++)
                rankWorld.Step();
            lock (unchanged)
            {
                for (int i = 0; i < remote.Count; i++)
                    if (Clock(remote[i]).SequenceEqual(before[i]))
                        unchanged.Add($"{remote[i].Family} {remote[i].Name} on rank {exchange.Rank}");
            }
        });
        // Each rank holds the other ranks' populations as shells that never tick: every family, every rank.
        Assert.That(unchanged.Order().ToArray(), Is.EqualTo(new[]
        {
            "graph predictor on rank 0", "graph predictor on rank 2", "pool cortex on rank 0", "pool cortex on rank 1",
            "pool p0 on rank 0", "pool p0 on rank 1", "region retina on rank 0", "region retina on rank 2",
            "topology body on rank 1", "topology body on rank 2",
        }));
    }

    /// <summary>The population's clock metric (regions count steps, the other families ticks); shells still get exchanged outputs.</summary>
    private static double[] Clock(Population population)
    {
        var values = new double[population.MetricNames.Count];
        population.ReadMetrics(values);
        int clock = population.MetricNames.ToList().FindIndex(name => name is "tick" or "step");
        return [values[clock]];
    }

    [Test]
    public void TheNetworkCrossesRanksWithPortsOfEveryFamily()
    {
        using var world = Pipeline.CreateWorld(Seed);
        var plan = DistributedTestNetworks.Families();
        plan.Build(world);
        var layout = new RankLayout(world, PopulationRanks.Assign(plan.Populations, 3, ThreeRanks));
        var families = layout.Exports.Where(e => e.Kind == ExportKind.Port)
            .Select(e => ModelFamilies.Catalog.Populations(world).Single(p => p.Entity == e.Population).Family).Distinct().Order();
        Assert.That(families, Is.EqualTo(new[] { "graph", "region", "topology" }));
        var (ports, _) = OneProcess(Ticks);
        Assert.That(ports["predictor/prediction"].Count(v => v != 0), Is.GreaterThan(Ticks / 2));
        Assert.That(ports["cortex/spikes"].Count(v => v != 0), Is.GreaterThan(100));
    }

    [Test]
    public void ARegionThatAddsLayersStaysOnRankZero()
    {
        var growing = new RegionDefinition
        {
            Config = RegionConfig.Default with { Growth = RegionGrowthPolicy.Default with { Enabled = true } },
            Layers = [LayerDefinition.Input2D(4, 4, 1.0, 0.01)],
        };
        (string, IPopulationDefinition)[] populations = [("a", PoolDefinition.Empty(100)), ("grower", growing)];
        var error = Assert.Throws<ModelConfigException>(() => PopulationRanks.Assign(populations, 2, new Dictionary<string, int> { ["grower"] = 1 }));
        Assert.That(error!.Field, Is.EqualTo("placement.grower"));
        Assert.That(error.Message, Does.Contain("can add layers during a tick").And.Contain("stays on rank 0"));
        Assert.That(PopulationRanks.Assign(populations, 2, new Dictionary<string, int> { ["a"] = 0 }).RankOf("grower"), Is.EqualTo(0));
    }

    /// <summary>Every output port of every population after every tick, one process.</summary>
    private static (SortedDictionary<string, List<double>> Ports, byte[] World) OneProcess(int ticks)
    {
        using var world = Pipeline.CreateWorld(Seed);
        world.SetThreadCount(1);
        DistributedTestNetworks.Families().Build(world);
        var ports = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        for (int t = 0; t < ticks; t++)
        {
            world.Step();
            Record(world, ports, _ => true);
        }

        return (ports, WorldCodec.ToBytes(world));
    }

    /// <summary>
    /// The same on <paramref name="ranks"/> in-process ranks, each rank recording its own
    /// populations; with <paramref name="checkpointAt"/> &gt; 0 every rank saves its world at that
    /// tick, and the run continues from the loaded files on new rank worlds.
    /// </summary>
    private static (SortedDictionary<string, List<double>> Ports, byte[] World) Distributed(int ranks, int threads,
        IReadOnlyDictionary<string, int>? placement, int ticks, int checkpointAt)
    {
        var ports = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        byte[]? bytes = null;
        InProcessRanks.Run(ranks, exchange =>
        {
            var plan = DistributedTestNetworks.Families();
            var channel = new RankChannel(exchange);
            var placed = PopulationRanks.Assign(plan.Populations, ranks, placement);
            var rankWorld = RankWorld.Build(plan, placed, channel, Seed, threads);
            var mine = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
            try
            {
                for (int t = 0; t < ticks; t++)
                {
                    if (t == checkpointAt && t > 0)
                    {
                        byte[] checkpoint = WorldCodec.ToBytes(rankWorld.World);
                        rankWorld.Dispose();
                        var loaded = WorldCodec.Load(new MemoryStream(checkpoint));
                        loaded.SetThreadCount(threads);
                        rankWorld = RankWorld.Attach(loaded, placed, channel);
                    }

                    rankWorld.Step();
                    var world = rankWorld.World;
                    Record(world, mine, entity => !world.IsRemote(entity));
                }

                rankWorld.GatherToRankZero();
                lock (ports)
                {
                    foreach (var (name, list) in mine)
                        ports.Add(name, list);
                    if (exchange.Rank == 0)
                        bytes = WorldCodec.ToBytes(rankWorld.World);
                }
            }
            finally
            {
                rankWorld.Dispose();
            }
        });
        return (ports, bytes!);
    }

    private static void Record(World world, SortedDictionary<string, List<double>> ports, Func<Entity, bool> include)
    {
        foreach (var population in ModelFamilies.Catalog.Populations(world))
        {
            if (population is SignalSource || !include(population.Entity))
                continue;
            for (int port = 0; port < population.PortCount; port++)
            {
                var descriptor = population.Port(port);
                if (descriptor.Direction != PortDirection.Output)
                    continue;
                string key = $"{population.Name}/{descriptor.Name}";
                if (!ports.TryGetValue(key, out var list))
                    ports[key] = list = new List<double>();
                var values = new double[descriptor.Length];
                population.ReadPort(port, 0, values);
                list.Add(values.Length);
                list.AddRange(values);
            }
        }
    }
}
