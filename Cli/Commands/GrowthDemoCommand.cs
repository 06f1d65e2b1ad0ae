using System.CommandLine;
using System.Globalization;
using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Region;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet growth-demo [--ticks N] [--seed S] [--metrics-csv FILE] [--save FILE.gnw]</c> (also
/// <c>grownet demo growth</c>): the seed's growth demo — a 4×4 image windowed into 4 spatial
/// neurons with slot limit 1 and fallback threshold 1, frames lighting (0,1), (0,2), (0,3) in
/// turn — printing the hidden layer's neuron count after every tick.
/// </summary>
public sealed class GrowthDemoCommand : IDemo
{
    /// <summary>Name of the top-level command.</summary>
    public const string CommandName = "growth-demo";

    /// <summary>Seed used when none is given.</summary>
    public const ulong DefaultSeed = 1;

    /// <summary>CSV header of <c>--metrics-csv</c>: one row per tick.</summary>
    public const string CsvHeader = "tick,lit_row,lit_col,hidden_neurons,delivered_events,grown_neurons,total_slots";

    /// <inheritdoc />
    public string Name => "growth";

    /// <inheritdoc />
    public string Description =>
        $"GrowNet growth demo: 4x4 image windowed (2x2, stride 2) into 4 spatial neurons with slot limit 1; the hidden layer grows ({GrowthDemo.DefaultTicks} frames).";

    /// <inheritdoc />
    public int Run(CliContext context, string? savePath) => Execute(context, GrowthDemo.DefaultTicks, DefaultSeed, null, savePath);

    /// <summary>Builds the <c>growth-demo</c> command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ticks = new Option<int>("--ticks") { HelpName = "N", Description = $"Frames to run, cycling the lit pixels (default {GrowthDemo.DefaultTicks}).", DefaultValueFactory = _ => GrowthDemo.DefaultTicks };
        var seed = new Option<ulong>("--seed") { HelpName = "S", Description = $"World seed (default {DefaultSeed}).", DefaultValueFactory = _ => DefaultSeed };
        var csv = new Option<string?>("--metrics-csv") { HelpName = "FILE", Description = $"Write every tick's metrics as CSV ({CsvHeader})." };
        var save = WorldFiles.SaveOption("Save the demo's world to this .gnw file at the end.");
        var command = new Command(CommandName, "Run the GrowNet growth demo (neuron growth from fallback at capacity).") { ticks, seed, csv, save };
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
        output.WriteLine("=== Growth demo: 4x4 input, 4 hidden (spatial, 10 % bins, slot limit 1, threshold 1), windowed 2x2 stride 2 VALID ===");
        bool first = true;
        foreach (var row in GrowthDemo.Run(world, ticks))
        {
            if (first)
                output.WriteLine($"start neurons: {row.HiddenNeuronsBeforeTick}");
            first = false;
            string grown = row.GrownNeurons > 0 ? $" (+{row.GrownNeurons})" : string.Empty;
            output.WriteLine($"tick {row.Tick} lit ({row.LitRow},{row.LitCol}) neurons: {row.HiddenNeurons}{grown}");
            writer?.WriteLine(string.Join(',', new long[] { row.Tick, row.LitRow, row.LitCol, row.HiddenNeurons, row.Delivered, row.GrownNeurons, row.TotalSlots }
                .Select(v => v.ToString(CultureInfo.InvariantCulture))));
        }

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
