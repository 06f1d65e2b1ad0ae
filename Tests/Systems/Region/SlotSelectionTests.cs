using GrowNet.Ecs.Components.Region;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>grownet.md "Slot selection (scalar)" and "Slot selection (2D)": bins, anchors, strict capacity, fallback.</summary>
public class SlotSelectionTests
{
    private static long[] Feed(SlotConfig slots, params double[] inputs)
    {
        var (world, region, layer) = RegionTestWorlds.SingleLayer(1, slots);
        using var _ = world;
        foreach (double x in inputs)
            region.StepInput("in", x);
        return region.SlotIds(layer, 0);
    }

    [Test]
    public void Golden_10_11_11point2_CountsAndIds()
    {
        // grownet.md "Slot selection (scalar)": 10.0, 11.0, 11.2 → slot counts 1, 2, 2, ids {0, 1}.
        var (world, region, layer) = RegionTestWorlds.SingleLayer();
        using var _ = world;
        int[] counts = new int[3];
        double[] inputs = [10.0, 11.0, 11.2];
        for (int i = 0; i < 3; i++)
        {
            region.StepInput("in", inputs[i]);
            counts[i] = region.SlotCount(layer, 0);
        }

        Assert.That(counts, Is.EqualTo(new[] { 1, 2, 2 }));
        Assert.That(region.SlotIds(layer, 0), Is.EquivalentTo(new long[] { 0, 1 }));
    }

    [Test]
    public void Golden_FirstAnchor_Ids013()
    {
        // grownet.md "Slot selection (scalar)": 10, 11, 11.2, 13, 13.1 → {0, 1, 3}.
        Assert.That(Feed(SlotConfig.Default, 10, 11, 11.2, 13, 13.1), Is.EquivalentTo(new long[] { 0, 1, 3 }));
    }

    [Test]
    public void Golden_LastAnchor_Ids01()
    {
        // grownet.md "Slot selection (scalar)": with the Last anchor → {0, 1}.
        var config = SlotConfig.Default with { Anchor = SlotAnchor.Last };
        Assert.That(Feed(config, 10, 11, 11.2, 13, 13.1), Is.EquivalentTo(new long[] { 0, 1 }));
    }

    [Test]
    public void Golden_FloatingPointRamp()
    {
        // grownet.md "Slot selection (scalar)": 1.0, 1.1, … 4.9 as decimal literals, limit 16.
        double[] ramp =
        [
            1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9,
            3.0, 3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7, 3.8, 3.9, 4.0, 4.1, 4.2, 4.3, 4.4, 4.5, 4.6, 4.7, 4.8, 4.9,
        ];
        Assert.That(Feed(SlotConfig.Default, ramp), Is.EquivalentTo(new long[] { 0, 1, 3, 5, 6, 7, 8, 10, 11, 12, 14, 15 }));
    }

    [Test]
    public void StrictCapacity_FullNeuronNeverAllocates_AndFallsBack()
    {
        var config = SlotConfig.Default with { SlotLimit = 2 };
        var (world, region, layer) = RegionTestWorlds.SingleLayer(1, config);
        using var _ = world;
        region.StepInput("in", 10);   // bin 0
        region.StepInput("in", 10.5); // bin 0
        Assert.That(region.Neuron(layer, 0).LastSlotUsedFallback, Is.False);
        region.StepInput("in", 11);   // bin 1 → 2 slots, at capacity now
        Assert.That(region.SlotIds(layer, 0), Is.EqualTo(new long[] { 0, 1 }));
        region.StepInput("in", 15);   // bin 5 ≥ limit: out of domain → fallback id 1
        var neuron = region.Neuron(layer, 0);
        Assert.That(neuron.LastSlotUsedFallback, Is.True);
        Assert.That(neuron.LastSlotKey, Is.EqualTo(1));
        Assert.That(region.SlotCount(layer, 0), Is.EqualTo(2));
    }

    [Test]
    public void FallbackIdCreatedWhenRoomIsLeft_ReusedWhenFull()
    {
        var config = SlotConfig.Default with { SlotLimit = 3 };
        var (world, region, layer) = RegionTestWorlds.SingleLayer(1, config);
        using var _ = world;
        region.StepInput("in", 10);   // bin 0
        region.StepInput("in", 11);   // bin 1
        region.StepInput("in", 12);   // bin 2 → full {0, 1, 2}
        region.StepInput("in", 19);   // bin 9 ≥ 3: fallback id 2 (present)
        Assert.That(region.Neuron(layer, 0).LastSlotKey, Is.EqualTo(2));

        var (world2, region2, layer2) = RegionTestWorlds.SingleLayer(1, config);
        using var __ = world2;
        region2.StepInput("in", 10);  // bin 0
        region2.StepInput("in", 11);  // bin 1
        region2.StepInput("in", 10.05); // bin 0
        region2.StepInput("in", 14);  // bin 4 ≥ 3: out of domain, not full → creates fallback id 2
        Assert.That(region2.SlotIds(layer2, 0), Is.EqualTo(new long[] { 0, 1, 2 }));

        var limit2 = SlotConfig.Default with { SlotLimit = 2 };
        var (world3, region3, layer3) = RegionTestWorlds.SingleLayer(1, limit2);
        using var ___ = world3;
        region3.StepInput("in", 10);  // bin 0
        region3.StepInput("in", 12.5); // bin 2 ≥ 2: out of domain → creates fallback id 1
        region3.StepInput("in", 10.5); // bin 0 present
        Assert.That(region3.SlotIds(layer3, 0), Is.EqualTo(new long[] { 0, 1 }));
        // Now full. Desired bin 1 (11.0) is present: no fallback.
        region3.StepInput("in", 11);
        Assert.That(region3.Neuron(layer3, 0).LastSlotUsedFallback, Is.False);
    }

    [Test]
    public void FullNeuronWithoutTheFallbackId_ReusesItsFirstCreatedSlot()
    {
        // Ids {0, 4, 7} grown without a limit; then a limit of 2: the neuron is full and has no id 1.
        var (world, region, layer) = RegionTestWorlds.SingleLayer(1, SlotConfig.Default with { SlotLimit = 0 });
        using var _ = world;
        foreach (double x in new[] { 10.0, 14.0, 17.0 })
            region.StepInput("in", x);
        region.SetNeuronSlotLimit(layer, 0, 2);
        int hits = region.Slot(layer, 0, 0).Hits;
        region.StepInput("in", 11.0);
        var neuron = region.Neuron(layer, 0);
        Assert.That(neuron.LastSlotUsedFallback, Is.True);
        Assert.That(neuron.LastSlotKey, Is.EqualTo(0));
        Assert.That(region.SlotIds(layer, 0), Is.EqualTo(new long[] { 0, 4, 7 }));
        Assert.That(region.Slot(layer, 0, 0).Hits, Is.EqualTo(hits + 1));
    }

    [Test]
    public void UnlimitedSlots_GrowBeyondTheDefaultBlock()
    {
        var config = SlotConfig.Default with { SlotLimit = 0 };
        var (world, region, layer) = RegionTestWorlds.SingleLayer(2, config);
        using var _ = world;
        for (int i = 0; i < 40; i++)
            region.StepInput("in", 1.0 + i * 0.25);
        var ids = region.SlotIds(layer, 0);
        Assert.That(ids.Length, Is.GreaterThan(SlotRanges.DefaultCapacity));
        Assert.That(ids, Is.Unique);
        Assert.That(region.SlotIds(layer, 1), Is.EqualTo(ids));
        Assert.That(region.Slot(layer, 0, 0).Hits, Is.GreaterThan(0));
    }

    [Test]
    public void PerNeuronLimitOverride_Wins()
    {
        var (world, region, layer) = RegionTestWorlds.SingleLayer(2);
        using var _ = world;
        region.SetNeuronSlotLimit(layer, 1, 1);
        foreach (double x in new[] { 10.0, 11.0, 12.0 })
            region.StepInput("in", x);
        Assert.That(region.SlotIds(layer, 0), Is.EqualTo(new long[] { 0, 1, 2 }));
        Assert.That(region.SlotIds(layer, 1), Is.EqualTo(new long[] { 0 }));
        Assert.That(region.Neuron(layer, 1).SlotLimit, Is.EqualTo(1));
    }
}
