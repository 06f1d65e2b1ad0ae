using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>
/// Pins the exact state of image-frame runs (the shape of <c>RegionImageFrameBenchmarks</c>) to
/// hashes recorded before the slot and gate kernels were restructured for speed: every slot,
/// gate, neuron column, queue and output pixel, byte for byte, plus the metrics, after a number
/// of frames, on one and on two threads. A kernel change that moves a single bit fails here.
/// </summary>
public class ImageFrameGoldenTests
{
    /// <summary>
    /// 64×64 noise frames → windowed 3×3 SAME → <paramref name="excitatory"/>/64/16 slot layer →
    /// gated p 0.02 → 64×64 output. Returns the world hash after every <paramref name="every"/>
    /// frames and the summed metrics.
    /// </summary>
    private static (List<ulong> Hashes, long Delivered, long Fired, int Neurons) Run(int threads, int frames, int every, RegionConfig? config, SlotConfig slots)
    {
        using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld(seed: 1);
        world.SetThreadCount(threads);
        var region = Region.Create(world, "image", new RegionDefinition { Config = config ?? RegionConfig.Default });
        int input = region.AddInputLayer2D(64, 64, 1.0, 0.01);
        int hidden = region.AddLayer(512, 64, 16, slots);
        int output = region.AddOutputLayer2D(64, 64, 0.3);
        region.ConnectLayersWindowed(input, hidden, 3, 3, 1, 1, WindowPadding.Same);
        region.ConnectLayers(hidden, output, 0.02);
        region.BindInput2D("img", input);
        region.BindOutput("out", output);
        var hashes = new List<ulong>();
        var frame = new double[64 * 64];
        long delivered = 0, fired = 0;
        for (int f = 0; f < frames; f++)
        {
            for (int i = 0; i < frame.Length; i++)
                frame[i] = CounterRandom.NextDouble(1, 0x1A6E, (ulong)(f % 8), (ulong)i);
            var metrics = region.StepFrame("img", frame);
            delivered += metrics.DeliveredEvents;
            fired += region.FiredCount(hidden);
            if ((f + 1) % every == 0)
                hashes.Add(RegionTestWorlds.Hash(world));
        }

        return (hashes, delivered, fired, region.NeuronCount(hidden));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void BenchmarkShape_StateMatchesRecordedHashes(int threads)
    {
        var (hashes, delivered, fired, neurons) = Run(threads, 12, 4, null, SlotConfig.Default with { NeuronGrowthEnabled = false });
        Assert.Multiple(() =>
        {
            Assert.That(string.Join(" ", hashes.Select(h => h.ToString("x16"))), Is.EqualTo("92dc755030862a45 ce2523df94936095 05b504b49209b38d"));
            Assert.That((delivered, fired, neurons), Is.EqualTo((36238168L, 1620896L, 592)));
        });
    }

    /// <summary>
    /// Low hit saturation (slots and gates saturate within a few frames), a slot limit of 3 (many
    /// inputs fall back), and neuron growth on (fallback streaks ask for neurons), so the
    /// saturated, fallback and growth paths of the kernels all run.
    /// </summary>
    [TestCase(1)]
    [TestCase(2)]
    public void SaturatedFallbackGrowth_StateMatchesRecordedHashes(int threads)
    {
        var config = RegionConfig.Default;
        config.Weight.HitSaturation = 40;
        var (hashes, delivered, fired, neurons) = Run(threads, 12, 4, config, SlotConfig.Default with { SlotLimit = 3 });
        Assert.Multiple(() =>
        {
            Assert.That(string.Join(" ", hashes.Select(h => h.ToString("x16"))), Is.EqualTo("1b58fe61c3829f8a cd7c47e60dc094ff 9fe567b3b83e504d"));
            Assert.That((delivered, fired), Is.EqualTo((32761976L, 1406770L)));
            Assert.That(neurons, Is.GreaterThan(592), "growth ran");
        });
    }

    /// <summary>
    /// Every kind of slot layer the flush kernels distinguish, in one region: a windowed image
    /// layer with per-neuron slot limits, a layer fed by a gated tract (bucketed deliveries) with
    /// feedback into the first, a spatial layer and a Last-anchor layer; frames with values above
    /// 1 every fifth tick. The hashes were recorded from the input-order kernel (and reproduced by
    /// the restructured one) on one and two threads.
    /// </summary>
    [TestCase(false, 1, "ae57c55fa3b5beb5")]
    [TestCase(false, 2, "ae57c55fa3b5beb5")]
    [TestCase(true, 1, "12eef7af111fb590")]
    [TestCase(true, 2, "12eef7af111fb590")]
    public void MixedLayers_StateMatchesRecordedHash(bool growth, int threads, string expected)
    {
        using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld(seed: 7);
        world.SetThreadCount(threads);
        var config = RegionConfig.Default;
        config.Weight.HitSaturation = 300;
        var region = Region.Create(world, "x", new RegionDefinition { Config = config });
        int input = region.AddInputLayer2D(24, 24, 1.0, 0.05);
        int a = region.AddLayer(150, 20, 10, SlotConfig.Default with { SlotLimit = 8, NeuronGrowthEnabled = growth });
        int b = region.AddLayer(100, 10, 5, SlotConfig.Default with { NeuronGrowthEnabled = growth, BinWidthPct = 7 });
        int c = region.AddLayer(60, 0, 0, SlotConfig.Default with { SpatialEnabled = true, SlotLimit = 6 });
        int d = region.AddLayer(60, 0, 0, SlotConfig.Default with { Anchor = SlotAnchor.Last });
        int output = region.AddOutputLayer2D(24, 24, 0.2);
        region.ConnectLayersWindowed(input, a, 3, 3, 1, 1, WindowPadding.Same);
        region.ConnectLayersWindowed(input, c, 3, 3, 1, 1, WindowPadding.Same);
        region.ConnectLayers(a, b, 0.3);
        region.ConnectLayers(b, d, 0.3);
        region.ConnectLayers(b, a, 0.05, feedback: true);
        region.ConnectLayers(b, output, 0.05);
        region.BindInput2D("img", input);
        for (int n = 0; n < 10; n++)
            region.SetNeuronSlotLimit(a, n * 7, 3 + n % 5);
        var frame = new double[24 * 24];
        for (int t = 0; t < 60; t++)
        {
            for (int i = 0; i < frame.Length; i++)
                frame[i] = CounterRandom.NextDouble(7, 3, (ulong)t, (ulong)i) * (t % 5 == 0 ? 3 : 1);
            region.StepFrame("img", frame);
        }

        Assert.That(RegionTestWorlds.Hash(world).ToString("x16"), Is.EqualTo(expected));
    }
}
