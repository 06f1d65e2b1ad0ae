using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Region;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// The seed's growth demo (seed 002, <c>growth_demo</c>; grownet.md "Growth"): a 4×4 InputLayer2D
/// windowed (2×2, stride 2, VALID) into 4 hidden neurons that select 2D slots with 10 % bins,
/// slot limit 1 and fallback threshold 1; frames with a single lit pixel at (0,1), (0,2), (0,3)
/// (repeating) make the hidden neurons fall back at capacity, so the hidden layer grows.
/// </summary>
public static class GrowthDemo
{
    /// <summary>Ticks of the seed's demo (its three frames).</summary>
    public const int DefaultTicks = 3;

    /// <summary>The lit pixel of each frame, cycled.</summary>
    public static IReadOnlyList<(int Row, int Col)> LitPixels { get; } = [(0, 1), (0, 2), (0, 3)];

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
        var frame = new double[16];
        for (int t = 0; t < ticks; t++)
        {
            var (row, col) = LitPixels[t % LitPixels.Count];
            Array.Clear(frame);
            frame[row * 4 + col] = 1.0;
            int before = region.NeuronCount(hidden);
            region.SetFrame("img", frame);
            world.Step();
            var metrics = region.Metrics;
            yield return new GrowthDemoRow(t + 1, row, col, before, region.NeuronCount(hidden),
                metrics.DeliveredEvents, metrics.GrownNeurons, metrics.TotalSlots);
        }
    }
}
