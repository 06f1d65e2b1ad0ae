using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

/// <summary>grownet.md "Buses" and "Neuron" step 4: decay, region pulses, I/M pulses at phase boundaries.</summary>
public class BusTests
{
    [Test]
    public void Golden_PulseThenOneTick()
    {
        // grownet.md "Buses": pulse modulation 1.5 and inhibition 0.7, one tick → modulation 1.0, inhibition 0.63.
        var (world, region, layer) = RegionTestWorlds.SingleLayer();
        using var _ = world;
        region.PulseModulation(1.5);
        region.PulseInhibition(0.7);
        Assert.That(region.LayerBus(layer).Modulation, Is.EqualTo(1.5));
        region.StepInput("in", 1.0);
        Assert.That(region.Bus.Modulation, Is.EqualTo(1.0));
        Assert.That(region.Bus.Inhibition, Is.EqualTo(0.63).Within(1e-12));
        Assert.That(region.LayerBus(layer).Modulation, Is.EqualTo(1.0));
        Assert.That(region.LayerBus(layer).Inhibition, Is.EqualTo(0.63).Within(1e-12));
        Assert.That(region.Bus.CurrentStep, Is.EqualTo(1));
        Assert.That(region.LayerBus(layer).CurrentStep, Is.EqualTo(1));
    }

    [Test]
    public void PulsedModulation_ScalesReinforcementForOneTick()
    {
        var (world, region, layer) = RegionTestWorlds.SingleLayer();
        using var _ = world;
        region.PulseModulation(2.0);
        region.StepInput("in", 1.0);
        Assert.That(region.Slot(layer, 0, 0).Strength, Is.EqualTo(0.002).Within(1e-15));
        region.StepInput("in", 1.0);
        Assert.That(region.Slot(layer, 0, 0).Strength, Is.EqualTo(0.003).Within(1e-15));
    }

    [Test]
    public void InhibitoryFire_TakesEffectAtTheNextPhaseBoundary()
    {
        // Layer L = [E0, I0] and a source S (S→L, p = 1), both fed x = 0 (every weight fires from its first use).
        // Phase A: I0 fires, E0 reinforces with inhibition 0 (start-of-phase value). S→E0 delivers in
        // phase B, where E0 reinforces with inhibition 0.7: 0.001 + 0.001 * (1 − 0.7).
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int source = region.AddLayer(1, 0, 0);
        int layer = region.AddLayer(1, 1, 0);
        region.ConnectLayers(source, layer, 1.0);
        region.BindInput("in", source, layer);
        region.StepInput("in", 0.0);
        // E0 and I0 fire in phase A and again on their deliveries from S in phase B.
        Assert.That(region.FiredCount(layer), Is.EqualTo(4));
        Assert.That(region.Slot(layer, 0, 0).Strength, Is.EqualTo(0.001 + 0.001 * (1 - 0.7)).Within(1e-15));
        Assert.That(region.Slot(layer, 1, 0).Strength, Is.EqualTo(0.001 + 0.001 * (1 - 0.7)).Within(1e-15));
        Assert.That(region.Slot(source, 0, 0).Strength, Is.EqualTo(0.001).Within(1e-15));
        Assert.That(region.LayerBus(layer).Inhibition, Is.EqualTo(0.7 * 0.9).Within(1e-15));
        Assert.That(region.LayerBus(source).Inhibition, Is.EqualTo(0.0));
    }

    [Test]
    public void ModulatoryFire_PulsesModulation_AndDoesNotPropagate()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int layer = region.AddLayer(1, 0, 1);
        int sink = region.AddLayer(1, 0, 0);
        region.ConnectLayers(layer, sink, 1.0);
        region.BindInput("in", layer);
        var metrics = region.StepInput("in", 0.0);
        Assert.That(region.FiredCount(layer), Is.EqualTo(2));
        // Only the E neuron's edge delivers; the M neuron emits nothing.
        Assert.That(metrics.DeliveredEvents, Is.EqualTo(1));
        // Modulation 1.5 held for phase B, then reset by decay.
        Assert.That(region.LayerBus(layer).Modulation, Is.EqualTo(1.0));
    }
}
