using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Region;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// The seed's growth demo (seed 002, <c>growth_demo</c>; grownet.md "Growth"): a 4×4 InputLayer2D
/// windowed (2×2, stride 2, VALID) into 4 hidden neurons that select 2D slots with 10 % bins,
/// slot limit 1 and fallback threshold 1; frames with a single lit pixel at (0,1), (0,2), (0,3)
/// (repeating) make the hidden neurons fall back at capacity, so the hidden layer grows. The frames
/// are a sequence source in the world (network.md, "Sources"), so a saved demo world resumes exactly.
/// </summary>
public static class GrowthDemo
{
    /// <summary>Ticks of the seed's demo (its three frames).</summary>
    public const int DefaultTicks = 3;

    /// <summary>The lit pixel of each frame, cycled.</summary>
    public static IReadOnlyList<(int Row, int Col)> LitPixels { get; } = [(0, 1), (0, 2), (0, 3)];

    /// <summary>Name of the sequence source that feeds the region's <c>img</c> port.</summary>
    public const string InputSource = "growth-frames";

    /// <summary>Runs the demo in a world of its own and yields one row per tick.</summary>
    public static IEnumerable<GrowthDemoRow> Run(int ticks = DefaultTicks, ulong seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        return RunOwned(ticks, seed);
    }

    /// <summary>Builds the demo's region in <paramref name="world"/> and yields one row per tick as it runs.</summary>
    public static IEnumerable<GrowthDemoRow> Run(World world, int ticks)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        return RunIn(world, ticks);
    }

    private static IEnumerable<GrowthDemoRow> RunOwned(int ticks, ulong seed)
    {
        using var world = Pipeline.CreateWorld(seed);
        foreach (var row in RunIn(world, ticks))
            yield return row;
    }

    private static IEnumerable<GrowthDemoRow> RunIn(World world, int ticks)
    {
        var region = Build(world);
        int hidden = 1;
        for (int t = 0; t < ticks; t++)
        {
            var (row, col) = LitPixels[(int)(world.Tick % (ulong)LitPixels.Count)];
            int before = region.NeuronCount(hidden);
            world.Step();
            var metrics = region.Metrics;
            yield return new GrowthDemoRow(t + 1, row, col, before, region.NeuronCount(hidden),
                metrics.DeliveredEvents, metrics.GrownNeurons, metrics.TotalSlots);
        }
    }

    /// <summary>
    /// The demo's region in <paramref name="world"/> (layer 0 the 4×4 image, layer 1 the hidden
    /// layer) with the sequence source of its frames on port <c>img</c>, one frame per tick.
    /// </summary>
    public static Region Build(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var region = Region.Create(world, "growth");
        int input = region.AddInputLayer2D(4, 4, 1.0, 0.01);
        var hiddenSlots = SlotConfig.Default with
        {
            SpatialEnabled = true,
            RowBinWidthPct = 10.0,
            ColBinWidthPct = 10.0,
            SlotLimit = 1,
            FallbackGrowthThreshold = 1,
            GrowthEnabled = true,
            NeuronGrowthEnabled = true,
        };
        int hidden = region.AddLayer(4, 0, 0, hiddenSlots);
        region.ConnectLayersWindowed(input, hidden, 2, 2, 2, 2, WindowPadding.Valid);
        region.BindInput2D("img", input);
        NetworkBuilder.AddSource(world, InputSource, SourceDefinition.Sequence("growth/img", Frames()));
        return region;
    }

    /// <summary>The frames of <see cref="LitPixels"/>: 4×4, row-major, one pixel at 1.</summary>
    public static double[][] Frames()
    {
        var frames = new double[LitPixels.Count][];
        for (int f = 0; f < frames.Length; f++)
        {
            frames[f] = new double[16];
            frames[f][LitPixels[f].Row * 4 + LitPixels[f].Col] = 1.0;
        }

        return frames;
    }
}
