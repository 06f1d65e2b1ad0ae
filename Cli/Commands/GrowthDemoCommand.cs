using System.CommandLine;
using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Systems.Region;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet growth-demo [--ticks N] [--seed S] [--metrics-csv FILE] [--save FILE.gnw]</c> (also
/// <c>grownet demo growth</c>): the seed's growth demo — a 4×4 image windowed into 4 spatial
/// neurons with slot limit 1 and fallback threshold 1, frames lighting (0,1), (0,2), (0,3) in
/// turn — printing the hidden layer's neuron count after every tick. It runs
/// <c>scenarios/growth.json</c> through the scenario runner.
/// </summary>
public sealed class GrowthDemoCommand : IDemo
{
    /// <summary>Name of the top-level command.</summary>
    public const string CommandName = "growth-demo";

    /// <summary>Seed used when none is given (the scenario file's).</summary>
    public const ulong DefaultSeed = GrowthDemo.DefaultSeed;

    /// <summary>CSV header of <c>--metrics-csv</c>: one row per tick.</summary>
    public const string CsvHeader = "tick,lit_row,lit_col,hidden_neurons,delivered_events,grown_neurons,total_slots";

    /// <inheritdoc />
    public string Name => "growth";

    /// <inheritdoc />
    public string Description =>
        $"GrowNet growth demo: 4x4 image windowed (2x2, stride 2) into 4 spatial neurons with slot limit 1; the hidden layer grows ({GrowthDemo.DefaultTicks} frames).";

    /// <inheritdoc />
    public int Run(CliContext context, string? savePath, string? timingsCsvPath = null)
        => Execute(context, GrowthDemo.DefaultTicks, DefaultSeed, null, savePath, timingsCsvPath);

    /// <summary>Builds the <c>growth-demo</c> command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return MetricsDemoRunner.Create(CommandName, "Run the GrowNet growth demo (neuron growth from fallback at capacity).", "Frames to run, cycling the lit pixels", GrowthDemo.DefaultTicks,
            "World seed", DefaultSeed, CsvHeader,
            (ticks, seed, csv, save, timings) => Execute(context, ticks, seed, csv, save, timings));
    }

    /// <summary>Runs the demo (the scenario file with this seed and tick count); returns the exit code. <paramref name="timingsCsvPath"/>: per-system timings CSV, or null.</summary>
    public static int Execute(CliContext context, int ticks, ulong seed, string? csvPath, string? savePath, string? timingsCsvPath = null)
        => MetricsDemoRunner.Execute(context, ticks, csvPath, savePath, CsvHeader, (writer, atEnd) =>
        {
            var output = context.Output;
            output.WriteLine("=== Growth demo: 4x4 input, 4 hidden (spatial, 10 % bins, slot limit 1, threshold 1), windowed 2x2 stride 2 VALID ===");
            var rows = GrowthDemo.Run(ticks, seed, atEnd);
            if (rows.Count > 0)
                output.WriteLine($"start neurons: {rows[0].HiddenNeuronsBeforeTick}");
            foreach (var row in rows)
            {
                string grown = row.GrownNeurons > 0 ? $" (+{row.GrownNeurons})" : string.Empty;
                output.WriteLine($"tick {row.Tick} lit ({row.LitRow},{row.LitCol}) neurons: {row.HiddenNeurons}{grown}");
                MetricsDemoRunner.WriteRow(writer, row.Tick, row.LitRow, row.LitCol, row.HiddenNeurons, row.Delivered, row.GrownNeurons, row.TotalSlots);
            }
        }, timingsCsvPath);
}
