using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// The tutorial's region demo (seed 000, Appendix B; grownet.md "Scenarios that must run"): region
/// "vision" with layers 40/8/4 and 30/6/3, p 0.10 forward and 0.01 feedback, port "pixels" on
/// the first layer fed a uniform random scalar each tick, metrics every <c>every</c> ticks, then
/// <c>Prune()</c>. The input is a uniform source in the world (network.md, "Sources"), so a saved
/// demo world resumes exactly, its input included.
/// </summary>
public static class RegionDemo
{
    /// <summary>Ticks of the tutorial.</summary>
    public const int DefaultTicks = 2000;

    /// <summary>Reporting interval of the tutorial.</summary>
    public const int DefaultEvery = 200;

    /// <summary>Name of the source that feeds the region's <c>pixels</c> port.</summary>
    public const string InputSource = "vision-pixels";

    /// <summary>Runs the demo in a world of its own; <paramref name="onRow"/> sees each row as it is produced.</summary>
    public static RegionDemoResult Run(int ticks = DefaultTicks, ulong seed = 42, int every = DefaultEvery, Action<RegionDemoRow>? onRow = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        using var world = Pipeline.CreateWorld(seed);
        return Run(world, ticks, every, onRow);
    }

    /// <summary>
    /// Builds the demo's region in <paramref name="world"/> (inputs drawn from its seed) and runs it:
    /// <paramref name="onRow"/> sees a row every <paramref name="every"/> ticks, <paramref name="onTick"/>
    /// sees one after every tick.
    /// </summary>
    public static RegionDemoResult Run(World world, int ticks, int every = DefaultEvery, Action<RegionDemoRow>? onRow = null,
        Action<RegionDemoRow>? onTick = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        var region = Build(world);
        var rows = new List<RegionDemoRow>();
        long deliveredSinceRow = 0;
        for (int t = 0; t < ticks; t++)
        {
            world.Step();
            var metrics = region.Metrics;
            deliveredSinceRow += metrics.DeliveredEvents;
            bool report = (t + 1) % every == 0;
            if (onTick is not null)
                onTick(Row(region, t + 1, metrics.DeliveredEvents));
            if (!report)
                continue;
            var row = Row(region, t + 1, deliveredSinceRow);
            deliveredSinceRow = 0;
            rows.Add(row);
            onRow?.Invoke(row);
        }

        return new RegionDemoResult(rows, region.Prune());
    }

    /// <summary>The demo's region in <paramref name="world"/>, with the uniform source on its <c>pixels</c> port.</summary>
    public static Region Build(World world)
    {
        var region = Region.Create(world, "vision");
        int input = region.AddLayer(40, 8, 4);
        int output = region.AddLayer(30, 6, 3);
        region.BindInput("pixels", input);
        region.ConnectLayers(input, output, 0.10, feedback: false);
        region.ConnectLayers(output, input, 0.01, feedback: true);
        NetworkBuilder.AddSource(world, InputSource, SourceDefinition.Uniform("vision/pixels", 0, 1));
        return region;
    }

    private static RegionDemoRow Row(Region region, int tick, long delivered)
    {
        ref readonly var metrics = ref region.Metrics;
        return new RegionDemoRow(tick, delivered, metrics.TotalSlots, metrics.TotalSynapses, region.FiredCount(0), region.FiredCount(1));
    }
}
