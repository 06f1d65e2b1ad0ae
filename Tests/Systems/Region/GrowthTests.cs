using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Components.Region;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>grownet.md "Growth": neuron growth, autowiring, layer growth, the region growth policy.</summary>
public class GrowthTests
{
    private static readonly SlotConfig OnePercent = SlotConfig.Default with { BinWidthPct = 1.0 };

    [Test]
    public void Golden_FallbackStreakGrowsALayer()
    {
        // grownet.md "Growth": Layer(2 E), one neuron with slot limit 1, bin width 1 %, threshold 2,
        // cooldown 0; feed 1.0, 1.02, 1.04 on three ticks → the layer has 3 neurons after the third tick.
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int layer = region.AddLayer(2, 0, 0, OnePercent with { FallbackGrowthThreshold = 2, NeuronGrowthCooldownTicks = 0 });
        region.SetNeuronSlotLimit(layer, 0, 1);
        region.BindInput("in", layer);
        int[] counts = new int[3];
        double[] inputs = [1.0, 1.02, 1.04];
        for (int t = 0; t < 3; t++)
        {
            var metrics = region.StepInput("in", inputs[t]);
            counts[t] = region.NeuronCount(layer);
            Assert.That(metrics.GrownNeurons, Is.EqualTo(t == 2 ? 1 : 0));
        }

        Assert.That(counts, Is.EqualTo(new[] { 2, 2, 3 }));
        // The new neuron copies the seed's kind and slot limit.
        Assert.That(region.Neuron(layer, 2).Kind, Is.EqualTo(NeuronKind.Excitatory));
        Assert.That(region.Neuron(layer, 2).SlotLimit, Is.EqualTo(1));
        Assert.That(region.Neuron(layer, 0).FallbackStreak, Is.EqualTo(0));
    }

    [Test]
    public void Golden_SeedGrowthDemo_HiddenLayerGrows()
    {
        // grownet.md "Growth": the seed's growth demo — 4×4 input, 4 hidden, windowed 2×2 s2 VALID,
        // spatial 10 % bins, slot limit 1, threshold 1; lit pixels (0,1), (0,2), (0,3) → the hidden count increases.
        var counts = GrowthDemo.Run(ticks: 3, seed: 1).Select(r => r.HiddenNeurons).ToArray();
        Assert.That(counts[^1], Is.GreaterThan(4));
        Assert.That(counts.Zip(counts.Skip(1)).All(p => p.Second - p.First is 0 or 1), Is.True);
    }

    [Test]
    public void Golden_PolicyEveryTick_AtMostOneLayerPerTick()
    {
        // grownet.md "Growth": policy triggering every tick (avg 0, cooldown 0) → layer count grows by at most one per tick.
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int layer = region.AddLayer(4, 0, 0);
        region.BindInput("in", layer);
        region.SetGrowthPolicy(RegionGrowthPolicy.Default with { Enabled = true, AvgSlotsThreshold = 0, LayerCooldownTicks = 0, MaxLayers = 6 });
        int before = region.LayerCount;
        for (int t = 0; t < 8; t++)
        {
            var metrics = region.StepInput("in", 1.0 + t);
            Assert.That(region.LayerCount - before, Is.InRange(0, 1));
            Assert.That(metrics.GrownLayers, Is.EqualTo(region.LayerCount - before));
            before = region.LayerCount;
        }

        Assert.That(region.LayerCount, Is.EqualTo(6));
        // Every spillover layer has max(4, E/2) = 4 excitatory neurons and a p = 1 mesh from layer 0.
        Assert.That(region.NeuronCount(1), Is.EqualTo(4));
        Assert.That(region.MeshRules().Select(r => (r.Source, r.Destination, r.Probability)),
            Is.EqualTo(Enumerable.Range(1, 5).Select(i => (0, i, 1.0))));
        Assert.That(region.EdgeCount(0), Is.EqualTo(16));
    }

    [Test]
    public void Policy_RespectsCooldown()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        region.BindInput("in", region.AddLayer(4, 0, 0));
        region.SetGrowthPolicy(RegionGrowthPolicy.Default with { Enabled = true, AvgSlotsThreshold = 0, LayerCooldownTicks = 3 });
        var grown = new List<int>();
        for (int t = 0; t < 10; t++)
            grown.Add(region.StepInput("in", 1.0).GrownLayers);
        Assert.That(grown, Is.EqualTo(new[] { 1, 0, 0, 1, 0, 0, 1, 0, 0, 1 }));
    }

    [Test]
    public void ManyRequests_AtMostOneNeuronPerLayerPerTick()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        var config = OnePercent with { SlotLimit = 1, FallbackGrowthThreshold = 1 };
        int a = region.AddLayer(6, 0, 0, config);
        int b = region.AddLayer(3, 0, 0, config);
        region.BindInput("in", a, b);
        region.StepInput("in", 1.0);
        for (int t = 1; t <= 5; t++)
        {
            var metrics = region.StepInput("in", 1.0 + t);
            // Every neuron of both layers asks each tick; each layer gains exactly one.
            Assert.That(metrics.GrownNeurons, Is.EqualTo(2));
            Assert.That(region.NeuronCount(a), Is.EqualTo(6 + t));
            Assert.That(region.NeuronCount(b), Is.EqualTo(3 + t));
        }
    }

    [Test]
    public void Cooldown_SpacesANeuronsRequests()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int a = region.AddLayer(1, 0, 0, OnePercent with { SlotLimit = 1, FallbackGrowthThreshold = 1, NeuronGrowthCooldownTicks = 3 });
        region.BindInput("in", a);
        region.StepInput("in", 1.0);
        var grown = new List<int>();
        for (int t = 1; t <= 7; t++)
            grown.Add(region.StepInput("in", 1.0 + t).GrownNeurons);
        // Neuron 0 asks at steps 1, 4, 7; the neurons it grows (copies) ask on their own schedule from their second input.
        Assert.That(grown[0], Is.EqualTo(1));
        Assert.That(grown.Sum(), Is.LessThanOrEqualTo(7));
    }

    [Test]
    public void Seed_IsTheFirstRequestInCanonicalOrder()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int a = region.AddLayer(1, 2, 0, OnePercent with { FallbackGrowthThreshold = 1 });
        region.SetNeuronSlotLimit(a, 1, 1);
        region.SetNeuronSlotLimit(a, 2, 1);
        region.BindInput("in", a);
        region.StepInput("in", 1.0);
        region.StepInput("in", 2.0);
        Assert.That(region.NeuronCount(a), Is.EqualTo(4));
        Assert.That(region.Neuron(a, 3).Kind, Is.EqualTo(NeuronKind.Inhibitory));
        Assert.That(region.Neuron(a, 3).SlotLimit, Is.EqualTo(1));
    }

    [Test]
    public void Autowiring_ReplaysMeshRulesWithTheRecordedDraws()
    {
        var (world, region) = RegionTestWorlds.Empty(seed: 99);
        using var _ = world;
        int l0 = region.AddLayer(3, 0, 0);
        int l1 = region.AddLayer(4, 0, 0, OnePercent with { FallbackGrowthThreshold = 1 });
        int l2 = region.AddLayer(2, 0, 0);
        region.SetNeuronSlotLimit(l1, 0, 1);
        region.ConnectLayers(l0, l1, 0.5);
        region.ConnectLayers(l1, l2, 0.6);
        region.ConnectLayers(l1, l1, 0.3, feedback: true);
        region.ConnectLayers(l2, l1, 0.7, feedback: true);
        region.BindInput("in", l1);
        region.StepInput("in", 1.0);
        var before = Enumerable.Range(0, 4).Select(region.Edges).ToArray();
        ulong position = world.Get<RegionState>(region.Entity).WiringDraws;
        region.StepInput("in", 2.0);
        Assert.That(region.NeuronCount(l1), Is.EqualTo(5));

        // Replay: outbound rules (L1→L2, then L1→L1) one draw per destination neuron, then inbound
        // rules (L0→L1, L1→L1, L2→L1) one draw per source neuron; the new neuron (row 4) never pairs with itself.
        var random = RegionRandom.Wiring(world, region.Entity, position);
        var outL2 = Enumerable.Range(0, 2).Where(_ => random.NextDouble() < 0.6).ToList();
        var outSelf = Enumerable.Range(0, 5).Where(d => d != 4).Where(_ => random.NextDouble() < 0.3).ToList();
        var inL0 = Enumerable.Range(0, 3).Where(_ => random.NextDouble() < 0.5).ToList();
        var inSelf = Enumerable.Range(0, 5).Where(s => s != 4).Where(_ => random.NextDouble() < 0.3).ToList();
        var inL2 = Enumerable.Range(0, 2).Where(_ => random.NextDouble() < 0.7).ToList();
        Assert.That(world.Get<RegionState>(region.Entity).WiringDraws, Is.EqualTo(random.Position));

        Assert.That(region.Edges(0), Is.EqualTo(Insert(before[0], inL0, 4)));
        Assert.That(region.Edges(1), Is.EqualTo(before[1].Concat(outL2.Select(d => (4, d)))));
        Assert.That(region.Edges(2), Is.EqualTo(Insert(before[2], inSelf, 4).Concat(outSelf.Select(d => (4, d)))));
        Assert.That(region.Edges(3), Is.EqualTo(Insert(before[3], inL2, 4)));
        // New edges carry fresh gates stamped with the growth step.
        int edge = Array.IndexOf(region.Edges(1), (4, outL2.FirstOrDefault()));
        if (outL2.Count > 0)
        {
            Assert.That(region.Gate(1, edge).Hits, Is.EqualTo(0));
            Assert.That(region.EdgeLastStep(1, edge), Is.EqualTo(1));
        }
    }

    /// <summary>Appends (s, target) at the end of each listed source's row.</summary>
    private static List<(int, int)> Insert((int Source, int Target)[] edges, List<int> sources, int target)
    {
        var result = new List<(int, int)>();
        int maxSource = Math.Max(edges.Length == 0 ? -1 : edges.Max(e => e.Source), sources.Count == 0 ? -1 : sources.Max());
        for (int s = 0; s <= maxSource; s++)
        {
            result.AddRange(edges.Where(e => e.Source == s).Select(e => (e.Source, e.Target)));
            if (sources.Contains(s))
                result.Add((s, target));
        }

        return result;
    }

    [Test]
    public void NeuronLimit_SpillsIntoANewLayer_WhenLayerGrowthIsOn()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        var config = OnePercent with { SlotLimit = 1, FallbackGrowthThreshold = 1, LayerGrowthEnabled = true };
        int a = region.AddLayer(10, 0, 0, config, neuronLimit: 10);
        region.BindInput("in", a);
        region.StepInput("in", 1.0);
        var metrics = region.StepInput("in", 2.0);
        Assert.That(metrics.GrownNeurons, Is.EqualTo(0));
        Assert.That(metrics.GrownLayers, Is.EqualTo(1));
        Assert.That(region.LayerCount, Is.EqualTo(2));
        Assert.That(region.NeuronCount(1), Is.EqualTo(5));
        Assert.That(region.EdgeCount(0), Is.EqualTo(50));
        Assert.That(region.MeshRules().Single().Probability, Is.EqualTo(1.0));

        // Without layer growth a full layer simply stops growing.
        var (world2, region2) = RegionTestWorlds.Empty();
        using var __ = world2;
        int b = region2.AddLayer(3, 0, 0, config with { LayerGrowthEnabled = false }, neuronLimit: 3);
        region2.BindInput("in", b);
        region2.StepInput("in", 1.0);
        region2.StepInput("in", 2.0);
        Assert.That((region2.LayerCount, region2.NeuronCount(b)), Is.EqualTo((1, 3)));
    }

    [Test]
    public void GrowthDisabled_NeverRequests()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int a = region.AddLayer(2, 0, 0, OnePercent with { SlotLimit = 1, FallbackGrowthThreshold = 1, NeuronGrowthEnabled = false });
        region.BindInput("in", a);
        for (int t = 0; t < 4; t++)
            region.StepInput("in", 1.0 + t);
        Assert.That(region.NeuronCount(a), Is.EqualTo(2));
        Assert.That(region.Neuron(a, 0).FallbackStreak, Is.EqualTo(0));
    }

    [Test]
    public void GrownNeuron_JoinsBroadcastWindowedTracts()
    {
        var rows = GrowthDemo.Run(ticks: 4, seed: 1).ToArray();
        // After growing, the hidden layer's new neurons receive the pixel events too.
        Assert.That(rows[^1].Delivered, Is.EqualTo(rows[^1].HiddenNeuronsBeforeTick));
    }
}
