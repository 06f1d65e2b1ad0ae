using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Workloads.Region;

/// <summary>
/// Image frame: a 64×64 InputLayer2D → windowed 3×3 SAME (every pixel reaches every neuron) → a
/// layer of 512 E, 64 I, 16 M → gated tract p 0.02 → a 64×64 OutputLayer2D, fed a ring of eight
/// precomputed uniform-noise frames. One <see cref="Step"/> is one <c>Region.Tick2D</c> (~2.4 M slot
/// deliveries, ~8 M gate updates, ~0.4 M gated events in the steady state). Neuron growth is off, so
/// the layer stays 592 neurons; set-up runs 80 frames into the steady state.
/// </summary>
public sealed class RegionImageWorkload : RegionWorkload
{
    private const int Frames = 8;
    private readonly double[][] frames = new double[Frames][];
    private int next;

    private RegionImageWorkload(int threads)
        : base("image", threads)
    {
        int input = Region.AddInputLayer2D(64, 64, 1.0, 0.01);
        int hidden = Region.AddLayer(512, 64, 16, SlotConfig.Default with { NeuronGrowthEnabled = false });
        int output = Region.AddOutputLayer2D(64, 64, 0.0);
        Region.ConnectLayersWindowed(input, hidden, 3, 3, 1, 1, WindowPadding.Same);
        Region.ConnectLayers(hidden, output, 0.02);
        Region.BindInput2D("img", input);
        Region.BindOutput("out", output);
        for (int f = 0; f < Frames; f++)
        {
            frames[f] = new double[64 * 64];
            for (int i = 0; i < frames[f].Length; i++)
                frames[f][i] = CounterRandom.NextDouble(1, 0x1A6E, (ulong)f, (ulong)i);
        }
    }

    /// <summary>Builds the region and runs it into its steady state. <paramref name="threads"/> ≤ 0: one worker per core.</summary>
    public static RegionImageWorkload Create(int threads)
    {
        var workload = new RegionImageWorkload(threads);
        workload.Run(80);
        return workload;
    }

    /// <inheritdoc />
    public override long Step()
    {
        var frame = frames[next];
        next = (next + 1) % Frames;
        Region.SetFrame("img", frame);
        Region.World.Step();
        return Region.Metrics.DeliveredEvents;
    }
}
