using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Perf.Region;

/// <summary>
/// Image frame: a 64×64 InputLayer2D → windowed 3×3 SAME (every pixel reaches every neuron) → a
/// layer of 512 E, 64 I, 16 M → gated tract p 0.02 → a 64×64 OutputLayer2D. Frames of uniform
/// noise (a ring of precomputed frames). One invocation is one <c>SetFrame</c> + <c>World.Step</c>: ~2.4 M slot
/// deliveries, ~8 M gate updates and ~0.4 M gated events per frame in the steady state. Neuron
/// growth is off so the layer stays 592 neurons (the steady state the goal is about).
/// Goal: ≤ 10 ms per frame, 0 bytes per frame.
/// </summary>
public class RegionImageFrameBenchmarks : RegionBenchmarkBase
{
    private const int Frames = 8;
    private readonly double[][] frames = new double[Frames][];
    private int next;

    /// <summary>Builds the region and runs it into its steady state (gates saturated, rates settled).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var region = CreateRegion("image");
        int input = region.AddInputLayer2D(64, 64, 1.0, 0.01);
        int hidden = region.AddLayer(512, 64, 16, SlotConfig.Default with { NeuronGrowthEnabled = false });
        int output = region.AddOutputLayer2D(64, 64, 0.0);
        region.ConnectLayersWindowed(input, hidden, 3, 3, 1, 1, WindowPadding.Same);
        region.ConnectLayers(hidden, output, 0.02);
        region.BindInput2D("img", input);
        region.BindOutput("out", output);
        for (int f = 0; f < Frames; f++)
        {
            frames[f] = new double[64 * 64];
            for (int i = 0; i < frames[f].Length; i++)
                frames[f][i] = CounterRandom.NextDouble(1, 0x1A6E, (ulong)f, (ulong)i);
        }

        for (int t = 0; t < 80; t++)
            Frame();
    }

    /// <summary>One 2D region tick.</summary>
    [Benchmark(Description = "Region.Tick2D (64x64 -> 592 -> 64x64)")]
    public long Frame()
    {
        var frame = frames[next];
        next = (next + 1) % Frames;
        Region.SetFrame("img", frame);
        Region.World.Step();
        return Region.Metrics.DeliveredEvents;
    }
}
