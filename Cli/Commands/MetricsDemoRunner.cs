using System.CommandLine;
using System.Globalization;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// What the region-style demo commands share: the <c>--ticks --seed --metrics-csv --save --timings-csv</c>
/// options, their checks, the CSV writer with its header, and what happens to the final world.
/// Each command supplies only its own run.
/// </summary>
public static class MetricsDemoRunner
{
    /// <summary>Builds a demo command with the shared options; <paramref name="execute"/> gets (ticks, seed, csv, save, timings csv).</summary>
    public static Command Create(string name, string description, string ticksDescription, int defaultTicks, string seedDescription,
        ulong defaultSeed, string csvHeader, Func<int, ulong, string?, string?, string?, int> execute)
    {
        var ticks = new Option<int>("--ticks") { HelpName = "N", Description = $"{ticksDescription} (default {defaultTicks}).", DefaultValueFactory = _ => defaultTicks };
        var seed = new Option<ulong>("--seed") { HelpName = "S", Description = $"{seedDescription} (default {defaultSeed}).", DefaultValueFactory = _ => defaultSeed };
        var csv = new Option<string?>("--metrics-csv") { HelpName = "FILE", Description = $"Write every tick's metrics as CSV ({csvHeader})." };
        var save = WorldFiles.SaveOption("Save the demo's world to this .gnw file at the end.");
        var timings = TimingsCsv.CreateOption();
        var command = new Command(name, description) { ticks, seed, csv, save, timings };
        command.SetAction(parse => execute(parse.GetValue(ticks), parse.GetValue(seed), parse.GetValue(csv), parse.GetValue(save), parse.GetValue(timings)));
        return command;
    }

    /// <summary>
    /// Checks the arguments, creates the CSV writer (header written) and runs <paramref name="run"/>,
    /// which runs the demo's scenario and hands its final world to the callback it is given: that
    /// writes the per-system timings (<paramref name="timingsCsvPath"/>) and saves the world if asked.
    /// Then names the CSV file.
    /// </summary>
    public static int Execute(CliContext context, int ticks, string? csvPath, string? savePath, string csvHeader,
        Action<TextWriter?, Action<World>> run, string? timingsCsvPath = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        if (ticks < 0)
            throw new CliUsageException($"--ticks must be >= 0, not {ticks}.");
        CheckCsvPath(csvPath);
        var saveTarget = WorldFiles.CheckSavePath(savePath);
        TimingsCsv.CheckPath(timingsCsvPath);
        using (var writer = csvPath is null ? null : new StreamWriter(csvPath, append: false) { NewLine = "\n" })
        {
            writer?.WriteLine(csvHeader);
            run(writer, world =>
            {
                TimingsCsv.WriteIfAsked(world, timingsCsvPath, context);
                WorldFiles.SaveIfAsked(world, saveTarget, context);
            });
        }

        if (csvPath is not null)
            context.Output.WriteLine($"Metrics CSV: {csvPath}");
        return ExitCodes.Success;
    }

    /// <summary>One CSV row of integers, invariant culture.</summary>
    public static void WriteRow(TextWriter? writer, params long[] values)
        => writer?.WriteLine(string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture))));

    private static void CheckCsvPath(string? path)
    {
        string? folder = path is null ? null : Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new DirectoryNotFoundException($"--metrics-csv: directory '{folder}' does not exist.");
    }
}
