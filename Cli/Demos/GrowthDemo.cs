using GrowNet.Ecs.Cli.Runner;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Region;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// The seed's growth demo (seed 002, <c>growth_demo</c>; grownet.md "Growth"): a 4×4 InputLayer2D
/// windowed (2×2, stride 2, VALID) into 4 hidden neurons that select 2D slots with 10 % bins,
/// slot limit 1 and fallback threshold 1; frames with a single lit pixel at (0,1), (0,2), (0,3)
/// (repeating) make the hidden neurons fall back at capacity, so the hidden layer grows. The run
/// is the scenario file <c>scenarios/growth.json</c>; the frames are a sequence source in the
/// world (network.md, "Sources"), so a saved demo world resumes exactly.
/// </summary>
public static class GrowthDemo
{
    /// <summary>Ticks of the seed's demo (its three frames).</summary>
    public const int DefaultTicks = 3;

    /// <summary>Seed of the scenario file.</summary>
    public const ulong DefaultSeed = 1;

    /// <summary>Name of the built-in scenario file (<c>scenarios/growth.json</c>).</summary>
    public const string ScenarioName = "growth";

    /// <summary>Name of the sequence source that feeds the region's <c>img</c> port.</summary>
    public const string InputSource = "growth-frames";

    private const int HiddenLayer = 1;

    /// <summary>The lit pixel of each frame, cycled.</summary>
    public static IReadOnlyList<(int Row, int Col)> LitPixels { get; } = [(0, 1), (0, 2), (0, 3)];

    /// <summary>The region's config record: the 4×4 image (layer 0), the 4 spatial hidden neurons (layer 1), the window, port <c>img</c>.</summary>
    public static RegionDefinition Definition { get; } = new()
    {
        Layers =
        [
            LayerDefinition.Input2D(4, 4, 1.0, 0.01),
            LayerDefinition.Standard(4, 0, 0, SlotConfig.Default with
            {
                SpatialEnabled = true,
                RowBinWidthPct = 10.0,
                ColBinWidthPct = 10.0,
                SlotLimit = 1,
                FallbackGrowthThreshold = 1,
                GrowthEnabled = true,
                NeuronGrowthEnabled = true,
            }),
        ],
        Tracts = [TractDefinition.Windowed(0, HiddenLayer, 2, 2, 2, 2, WindowPadding.Valid)],
        Ports = [PortBindingDefinition.Input2D("img", 0)],
    };

    /// <summary>The demo's scenario (what <c>scenarios/growth.json</c> holds for the defaults).</summary>
    public static ScenarioDocument Scenario(long ticks = DefaultTicks, ulong seed = DefaultSeed)
        => new ScenarioDocument(ticks, seed, "out/growth")
            .Population("growth", Definition)
            .Source(InputSource, SourceDefinition.Sequence("growth/img", Frames()));

    /// <summary>
    /// Runs the scenario file for <paramref name="ticks"/> ticks from <paramref name="seed"/> and
    /// returns one row per tick; <paramref name="atEnd"/> sees the final world (to save it).
    /// </summary>
    public static IReadOnlyList<GrowthDemoRow> Run(int ticks = DefaultTicks, ulong seed = DefaultSeed, Action<World>? atEnd = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        var scenario = DemoScenarios.Load(ScenarioName, $"run.ticks={ticks}", $"run.seed={seed}");
        var rows = new List<GrowthDemoRow>();
        int before = Definition.Layers[HiddenLayer].Excitatory;
        DemoScenarios.Run(scenario, (world, tick) =>
        {
            var region = (Region)ModelFamilies.Catalog.Get(world, "growth");
            // The lit pixel is read back from the frame the source wrote this tick.
            var frame = ModelFamilies.Catalog.Get(world, InputSource).ReadPort("value");
            int lit = Array.IndexOf(frame, 1.0);
            var metrics = region.Metrics;
            int after = region.NeuronCount(HiddenLayer);
            rows.Add(new GrowthDemoRow((int)tick, lit / 4, lit % 4, before, after, metrics.DeliveredEvents, metrics.GrownNeurons, metrics.TotalSlots));
            before = after;
        }, atEnd);
        return rows;
    }

    /// <summary>Builds the scenario's world (region and frame source) into <paramref name="world"/> and returns the region.</summary>
    public static Region Build(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        ScenarioRunner.Populate(world, DemoScenarios.Load(ScenarioName));
        return (Region)ModelFamilies.Catalog.Get(world, "growth");
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
