using System.CommandLine;
using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Systems.Region;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet region-demo [--ticks N] [--seed S] [--metrics-csv FILE] [--save FILE.gnw]</c> (also
/// <c>grownet demo region</c>): the tutorial's region demo — layers 40/8/4 and 30/6/3, p 0.10
/// forward and 0.01 feedback, a uniform random scalar from the seed each tick — printing the
/// tutorial's metrics every 200 ticks (deliveries since the previous line), then the pruning
/// summary. It runs <c>scenarios/region.json</c> through the scenario runner.
/// </summary>
public sealed class RegionDemoCommand : IDemo
{
    /// <summary>Name of the top-level command.</summary>
    public const string CommandName = "region-demo";

    /// <summary>Seed used when none is given (the scenario file's).</summary>
    public const ulong DefaultSeed = RegionDemo.DefaultSeed;

    /// <summary>CSV header of <c>--metrics-csv</c>: one row per tick.</summary>
    public const string CsvHeader = "tick,delivered_events,total_slots,total_synapses,fired_input,fired_output";

    /// <inheritdoc />
    public string Name => "region";

    /// <inheritdoc />
    public string Description =>
        $"GrowNet region demo: layers 40/8/4 and 30/6/3, p 0.10 forward / 0.01 feedback, {RegionDemo.DefaultTicks} random scalar ticks, then prune.";

    /// <inheritdoc />
    public int Run(CliContext context, string? savePath, string? timingsCsvPath = null)
        => Execute(context, RegionDemo.DefaultTicks, DefaultSeed, null, savePath, timingsCsvPath);

    /// <summary>Builds the <c>region-demo</c> command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return MetricsDemoRunner.Create(CommandName, "Run the GrowNet region demo (the tutorial's two-layer region).", "Ticks to run", RegionDemo.DefaultTicks,
            "World seed: wiring and inputs", DefaultSeed, CsvHeader,
            (ticks, seed, csv, save, timings) => Execute(context, ticks, seed, csv, save, timings));
    }

    /// <summary>Runs the demo (the scenario file with this seed and tick count); returns the exit code. <paramref name="timingsCsvPath"/>: per-system timings CSV, or null.</summary>
    public static int Execute(CliContext context, int ticks, ulong seed, string? csvPath, string? savePath, string? timingsCsvPath = null)
        => MetricsDemoRunner.Execute(context, ticks, csvPath, savePath, CsvHeader, (writer, atEnd) =>
        {
            var output = context.Output;
            output.WriteLine($"=== Region demo: 'vision' 40/8/4 -> 30/6/3, p 0.10 forward, 0.01 feedback, {ticks} ticks, seed {seed} ===");
            var result = ProgressDisplay.Run(context, $"Running {ticks} ticks", ticks, report => RegionDemo.Run(ticks, seed, RegionDemo.DefaultEvery,
                onRow: row => output.WriteLine(
                    $"[step {row.Tick}] delivered={row.Delivered} slots={row.TotalSlots} syn={row.TotalSynapses}"),
                onTick: row =>
                {
                    report(row.Tick);
                    MetricsDemoRunner.WriteRow(writer, row.Tick, row.Delivered, row.TotalSlots, row.TotalSynapses, row.FiredInput, row.FiredOutput);
                },
                atEnd: atEnd));
            output.WriteLine($"Pruning summary: pruned_synapses={result.Prune.PrunedSynapses} pruned_edges={result.Prune.PrunedEdges}");
        }, timingsCsvPath);
}
