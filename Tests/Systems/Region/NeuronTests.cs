using GrowNet.Ecs.Components.Region;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>grownet.md "Neuron": freeze/unfreeze with prefer-once, NeuronValue, kinds and row order.</summary>
public class NeuronTests
{
    [Test]
    public void LayerRows_AreEThenIThenM()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int layer = region.AddLayer(2, 1, 2);
        var kinds = Enumerable.Range(0, 5).Select(n => region.Neuron(layer, n).Kind);
        Assert.That(kinds, Is.EqualTo(new[]
        {
            NeuronKind.Excitatory, NeuronKind.Excitatory, NeuronKind.Inhibitory, NeuronKind.Modulatory, NeuronKind.Modulatory,
        }));
    }

    [Test]
    public void FreezeLastSlot_StopsLearning_UnfreezeReusesItOnce()
    {
        var (world, region, layer) = RegionTestWorlds.SingleLayer();
        using var _ = world;
        Assert.That(region.FreezeLastSlot(layer, 0), Is.False);
        region.StepInput("in", 1.0);
        var before = region.Slot(layer, 0, 0);
        Assert.That(region.FreezeLastSlot(layer, 0), Is.True);
        region.StepInput("in", 1.0);
        Assert.That(region.Slot(layer, 0, 0).Frozen, Is.True);
        Assert.That(region.Slot(layer, 0, 0).Strength, Is.EqualTo(before.Strength));
        Assert.That(region.Slot(layer, 0, 0).Threshold, Is.EqualTo(before.Threshold));

        Assert.That(region.UnfreezeLastSlot(layer, 0), Is.True);
        // 1.5 would select bin 5, but the next input reuses slot 0 exactly once.
        region.StepInput("in", 1.5);
        Assert.That(region.SlotIds(layer, 0), Is.EqualTo(new long[] { 0 }));
        Assert.That(region.Slot(layer, 0, 0).Hits, Is.EqualTo(before.Hits + 1));
        region.StepInput("in", 1.5);
        Assert.That(region.SlotIds(layer, 0), Is.EqualTo(new long[] { 0, 5 }));
    }

    [Test]
    public void NeuronValue_Modes()
    {
        var (world, region, layer) = RegionTestWorlds.SingleLayer();
        using var _ = world;
        Assert.That(region.NeuronValue(layer, 0, "readiness"), Is.EqualTo(0.0));
        foreach (double x in new[] { 1.0, 1.5, 1.0, 2.0, 0.0 })
            region.StepInput("in", x);
        var slots = Enumerable.Range(0, region.SlotCount(layer, 0)).Select(i => region.Slot(layer, 0, i)).ToArray();
        Assert.That(region.NeuronValue(layer, 0, "readiness"), Is.EqualTo(slots.Max(s => s.Strength - s.Threshold)));
        Assert.That(region.NeuronValue(layer, 0, "firing_rate"), Is.EqualTo(slots.Average(s => s.EmaRate)).Within(1e-15));
        Assert.That(region.NeuronValue(layer, 0, NeuronValueMode.Memory), Is.EqualTo(slots.Sum(s => Math.Abs(s.Strength))).Within(1e-15));
        Assert.That(() => region.NeuronValue(layer, 0, "happiness"),
            Throws.ArgumentException.With.Message.Contains("happiness"));
    }

    [Test]
    public void Neuron_RemembersLastInputAndFire()
    {
        var (world, region, layer) = RegionTestWorlds.SingleLayer();
        using var _ = world;
        region.StepInput("in", 0.0);
        var n = region.Neuron(layer, 0);
        Assert.That((n.LastInput, n.FiredLast), Is.EqualTo((0.0, true)));
        region.StepInput("in", 3.0);
        n = region.Neuron(layer, 0);
        Assert.That((n.LastInput, n.FiredLast), Is.EqualTo((3.0, false)));
    }
}
