using System.CommandLine;
using System.Globalization;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// What the region-style demo commands share: the <c>--ticks --seed --metrics-csv --save</c>
/// options, their checks, a fresh world, the CSV writer with its header, and the closing lines.
/// Each command supplies only its own run.
/// </summary>
public static class MetricsDemoRunner
{
    /// <summary>Builds a demo command with the shared options; <paramref name="execute"/> gets (ticks, seed, csv, save).</summary>
    public static Command Create(string name, string description, string ticksDescription, int defaultTicks, string seedDescription,
        ulong defaultSeed, string csvHeader, Func<int, ulong, string?, string?, int> execute)
    {
        var ticks = new Option<int>("--ticks") { HelpName = "N", Description = $"{ticksDescription} (default {defaultTicks}).", DefaultValueFactory = _ => defaultTicks };
        var seed = new Option<ulong>("--seed") { HelpName = "S", Description = $"{seedDescription} (default {defaultSeed}).", DefaultValueFactory = _ => defaultSeed };
        var csv = new Option<string?>("--metrics-csv") { HelpName = "FILE", Description = $"Write every tick's metrics as CSV ({csvHeader})." };
        var save = WorldFiles.SaveOption("Save the demo's world to this .gnw file at the end.");
        var command = new Command(name, description) { ticks, seed, csv, save };
        command.SetAction(parse => execute(parse.GetValue(ticks), parse.GetValue(seed), parse.GetValue(csv), parse.GetValue(save)));
        return command;
    }

    /// <summary>
    /// Checks the arguments, creates the world and the CSV writer (header written), runs
    /// <paramref name="run"/>, then names the CSV file and saves the world if asked.
    /// </summary>
    public static int Execute(CliContext context, int ticks, ulong seed, string? csvPath, string? savePath, string csvHeader,
        Action<World, TextWriter?> run)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        if (ticks < 0)
            throw new CliUsageException($"--ticks must be >= 0, not {ticks}.");
        CheckCsvPath(csvPath);
        var saveTarget = WorldFiles.CheckSavePath(savePath);
        using var world = Pipeline.CreateWorld(seed);
        using (var writer = csvPath is null ? null : new StreamWriter(csvPath, append: false) { NewLine = "\n" })
        {
            writer?.WriteLine(csvHeader);
            run(world, writer);
        }

        if (csvPath is not null)
            context.Output.WriteLine($"Metrics CSV: {csvPath}");
        WorldFiles.SaveIfAsked(world, saveTarget, context);
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
