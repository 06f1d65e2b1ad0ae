using GrowNet.Ecs.Components.Region;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>
/// grownet.md "Layers, tracts, wiring": on a fire, each gate reinforces and updates its threshold in
/// edge order. Gates run eight at a time in vector lanes; every gate must match the scalar Weight rule
/// bit for bit (37 edges: four vector groups and a scalar tail; saturation and imprint paths included).
/// </summary>
public class GateKernelTests
{
    [Test]
    public void VectorGates_MatchTheScalarRule()
    {
        var config = RegionConfig.Default with { Weight = WeightConfig.Default with { HitSaturation = 7, Step = 0.05 } };
        var (world, region) = RegionTestWorlds.Empty(config: config);
        using var _ = world;
        int pixel = region.AddInputLayer2D(1, 1, 1.0, 0.01);
        int targets = region.AddLayer(37, 0, 0);
        Assert.That(region.ConnectLayers(pixel, targets, 1.0), Is.EqualTo(37));
        region.BindInput2D("p", pixel);
        var reference = new Weight();
        for (int t = 0; t < 60; t++)
        {
            double v = 0.2 + 0.15 * Math.Sin(t * 0.7);
            if (t % 9 == 4)
                region.PulseModulation(1.7);
            double modulation = t % 9 == 4 ? 1.7 : 1.0;
            double inhibition = region.Bus.Inhibition;
            var metrics = region.StepFrame("p", new[] { v });
            reference.Reinforce(modulation, inhibition, config.Weight);
            bool passed = reference.UpdateThreshold(v, config.Weight);
            for (int e = 0; e < 37; e++)
            {
                var gate = region.Gate(0, e);
                Assert.That(gate.Strength, Is.EqualTo(reference.Strength), $"tick {t}, edge {e}");
                Assert.That(gate.Threshold, Is.EqualTo(reference.Threshold), $"tick {t}, edge {e}");
                Assert.That(gate.EmaRate, Is.EqualTo(reference.EmaRate), $"tick {t}, edge {e}");
                Assert.That(gate.Hits, Is.EqualTo(reference.Hits), $"tick {t}, edge {e}");
            }

            // Events queued in phase A are delivered by the same tick's flush.
            Assert.That(metrics.DeliveredEvents, Is.EqualTo(passed ? 37 : 0), $"tick {t}");
            if (passed)
                Assert.That(region.EdgeLastStep(0, 36), Is.EqualTo(t));
        }
    }
}
