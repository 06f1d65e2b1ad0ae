using GrowNet.Ecs.Cli.Runner;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Region;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// The tutorial's region demo (seed 000, Appendix B; grownet.md "Scenarios that must run"): region
/// "vision" with layers 40/8/4 and 30/6/3, p 0.10 forward and 0.01 feedback, port "pixels" on
/// the first layer fed a uniform random scalar each tick, metrics every <c>every</c> ticks, then
/// <c>Prune()</c>. The run is the scenario file <c>scenarios/region.json</c> (<see cref="Scenario"/>
/// for the default ticks and seed); the input is a uniform source in the world, so a saved demo
/// world resumes exactly, its input included.
/// </summary>
public static class RegionDemo
{
    /// <summary>Ticks of the tutorial.</summary>
    public const int DefaultTicks = 2000;

    /// <summary>Reporting interval of the tutorial.</summary>
    public const int DefaultEvery = 200;

    /// <summary>Seed of the scenario file.</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>Name of the built-in scenario file (<c>scenarios/region.json</c>).</summary>
    public const string ScenarioName = "region";

    /// <summary>Name of the source that feeds the region's <c>pixels</c> port.</summary>
    public const string InputSource = "vision-pixels";

    /// <summary>The region's config record: layers 40/8/4 and 30/6/3, gated tracts p 0.10 forward and 0.01 feedback, port <c>pixels</c> on layer 0.</summary>
    public static RegionDefinition Definition { get; } = new()
    {
        Layers = [LayerDefinition.Standard(40, 8, 4), LayerDefinition.Standard(30, 6, 3)],
        Tracts = [TractDefinition.Gated(0, 1, 0.10), TractDefinition.Gated(1, 0, 0.01, feedback: true)],
        Ports = [PortBindingDefinition.Input("pixels", 0)],
    };

    /// <summary>The demo's scenario (what <c>scenarios/region.json</c> holds for the defaults).</summary>
    public static ScenarioDocument Scenario(long ticks = DefaultTicks, ulong seed = DefaultSeed)
        => new ScenarioDocument(ticks, seed, "out/region")
            .Population("vision", Definition)
            .Source(InputSource, SourceDefinition.Uniform("vision/pixels", 0, 1));

    /// <summary>
    /// Runs the scenario file for <paramref name="ticks"/> ticks from <paramref name="seed"/>:
    /// <paramref name="onRow"/> sees a row every <paramref name="every"/> ticks (deliveries since the
    /// previous row), <paramref name="onTick"/> one after every tick (that tick's deliveries), then the
    /// region is pruned and <paramref name="atEnd"/> sees the final world (to save it).
    /// </summary>
    public static RegionDemoResult Run(int ticks = DefaultTicks, ulong seed = DefaultSeed, int every = DefaultEvery, Action<RegionDemoRow>? onRow = null,
        Action<RegionDemoRow>? onTick = null, Action<World>? atEnd = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        var scenario = DemoScenarios.Load(ScenarioName, $"run.ticks={ticks}", $"run.seed={seed}");
        var rows = new List<RegionDemoRow>();
        Region? region = null;
        long deliveredSinceRow = 0;
        PruneResult prune = default;
        DemoScenarios.Run(scenario, (world, tick) =>
        {
            region ??= Vision(world);
            ref readonly var metrics = ref region.Metrics;
            deliveredSinceRow += metrics.DeliveredEvents;
            onTick?.Invoke(Row(region, (int)tick, metrics.DeliveredEvents));
            if (tick % every != 0)
                return;
            var row = Row(region, (int)tick, deliveredSinceRow);
            deliveredSinceRow = 0;
            rows.Add(row);
            onRow?.Invoke(row);
        }, world =>
        {
            prune = Vision(world).Prune();
            atEnd?.Invoke(world);
        });
        return new RegionDemoResult(rows, prune);
    }

    /// <summary>Builds the scenario's world (region and source) into <paramref name="world"/> and returns the region.</summary>
    public static Region Build(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        ScenarioRunner.Populate(world, DemoScenarios.Load(ScenarioName));
        return Vision(world);
    }

    private static Region Vision(World world) => (Region)ModelFamilies.Catalog.Get(world, "vision");

    private static RegionDemoRow Row(Region region, int tick, long delivered)
    {
        ref readonly var metrics = ref region.Metrics;
        return new RegionDemoRow(tick, delivered, metrics.TotalSlots, metrics.TotalSynapses, region.FiredCount(0), region.FiredCount(1));
    }
}
