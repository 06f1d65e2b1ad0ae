using System.CommandLine;
using System.Globalization;
using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Region;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet region-demo [--ticks N] [--seed S] [--metrics-csv FILE] [--save FILE.gnw]</c> (also
/// <c>grownet demo region</c>): the tutorial's region demo — layers 40/8/4 and 30/6/3, p 0.10
/// forward and 0.01 feedback, a uniform random scalar from the seed each tick — printing the
/// tutorial's metrics every 200 ticks, then the pruning summary.
/// </summary>
public sealed class RegionDemoCommand : IDemo
{
    /// <summary>Name of the top-level command.</summary>
    public const string CommandName = "region-demo";

    /// <summary>Seed used when none is given.</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>CSV header of <c>--metrics-csv</c>: one row per tick.</summary>
    public const string CsvHeader = "tick,delivered_events,total_slots,total_synapses,fired_input,fired_output";

    /// <inheritdoc />
    public string Name => "region";

    /// <inheritdoc />
    public string Description =>
        $"GrowNet region demo: layers 40/8/4 and 30/6/3, p 0.10 forward / 0.01 feedback, {RegionDemo.DefaultTicks} random scalar ticks, then prune.";

    /// <inheritdoc />
    public int Run(CliContext context, string? savePath) => Execute(context, RegionDemo.DefaultTicks, DefaultSeed, null, savePath);

    /// <summary>Builds the <c>region-demo</c> command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ticks = new Option<int>("--ticks") { HelpName = "N", Description = $"Ticks to run (default {RegionDemo.DefaultTicks}).", DefaultValueFactory = _ => RegionDemo.DefaultTicks };
        var seed = new Option<ulong>("--seed") { HelpName = "S", Description = $"World seed: wiring and inputs (default {DefaultSeed}).", DefaultValueFactory = _ => DefaultSeed };
        var csv = new Option<string?>("--metrics-csv") { HelpName = "FILE", Description = $"Write every tick's metrics as CSV ({CsvHeader})." };
        var save = WorldFiles.SaveOption("Save the demo's world to this .gnw file at the end.");
        var command = new Command(CommandName, "Run the GrowNet region demo (the tutorial's two-layer region).") { ticks, seed, csv, save };
        command.SetAction(parse => Execute(context, parse.GetValue(ticks), parse.GetValue(seed), parse.GetValue(csv), parse.GetValue(save)));
        return command;
    }

    /// <summary>Runs the demo; returns the exit code.</summary>
    public static int Execute(CliContext context, int ticks, ulong seed, string? csvPath, string? savePath)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ticks < 0)
            throw new CliUsageException($"--ticks must be >= 0, not {ticks}.");
        CheckCsvPath(csvPath);
        WorldFiles.CheckSavePath(savePath);
        var output = context.Output;
        using var world = Pipeline.CreateWorld(seed);
        using var writer = csvPath is null ? null : new StreamWriter(csvPath, append: false) { NewLine = "\n" };
        writer?.WriteLine(CsvHeader);
        output.WriteLine($"=== Region demo: 'vision' 40/8/4 -> 30/6/3, p 0.10 forward, 0.01 feedback, {ticks} ticks, seed {seed} ===");
        var result = ProgressDisplay.Run(context, $"Running {ticks} ticks", ticks, report => RegionDemo.Run(world, ticks, RegionDemo.DefaultEvery,
            onRow: row => output.WriteLine(
                $"[step {row.Tick}] delivered={row.Delivered} slots={row.TotalSlots} syn={row.TotalSynapses}"),
            onTick: row =>
            {
                report(row.Tick);
                writer?.WriteLine(string.Join(',', new[] { row.Tick, row.Delivered, row.TotalSlots, row.TotalSynapses, row.FiredInput, row.FiredOutput }
                    .Select(v => v.ToString(CultureInfo.InvariantCulture))));
            }));
        output.WriteLine($"Pruning summary: pruned_synapses={result.Prune.PrunedSynapses} pruned_edges={result.Prune.PrunedEdges}");
        if (csvPath is not null)
            output.WriteLine($"Metrics CSV: {csvPath}");
        WorldFiles.SaveIfAsked(world, savePath, context);
        return ExitCodes.Success;
    }

    private static void CheckCsvPath(string? path)
    {
        string? folder = path is null ? null : Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new DirectoryNotFoundException($"--metrics-csv: directory '{folder}' does not exist.");
    }
}
