using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Cli;

/// <summary>
/// <c>--timings-csv FILE</c> of the run commands: after the run, one CSV row per system of the
/// world's scheduler (<see cref="Scheduler.Timings"/>), in tick order.
/// </summary>
public static class TimingsCsv
{
    /// <summary>The CSV header.</summary>
    public const string Header = "system,phase,phase_name,calls,total_ms,mean_us,last_us";

    /// <summary>A <c>--timings-csv FILE</c> option.</summary>
    public static Option<string?> CreateOption() => new("--timings-csv")
    {
        HelpName = "FILE",
        Description = $"After the run, write each system's timing (world.Scheduler.Timings) as CSV: {Header}.",
    };

    /// <summary>Fails early (before a long run) when the folder of <paramref name="path"/> does not exist.</summary>
    public static void CheckPath(string? path)
    {
        string? folder = path is null ? null : Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new DirectoryNotFoundException($"--timings-csv: directory '{folder}' does not exist.");
    }

    /// <summary>Writes <paramref name="world"/>'s system timings to <paramref name="path"/> when one was given, and says so.</summary>
    public static void WriteIfAsked(World world, string? path, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(context);
        if (path is null)
            return;
        using (var writer = new StreamWriter(path, append: false) { NewLine = "\n" })
            Write(world.Scheduler.Timings, writer);
        context.Output.WriteLine($"Timings CSV: {path}");
    }

    /// <summary>Writes the header and one row per timing.</summary>
    public static void Write(IReadOnlyList<SystemTiming> timings, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(timings);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Header);
        foreach (var t in timings)
        {
            // From the raw Stopwatch ticks: TimeSpan would round to 100 ns.
            double totalUs = t.TotalTimestampTicks * 1e6 / Stopwatch.Frequency;
            double meanUs = t.Calls == 0 ? 0 : totalUs / t.Calls;
            double lastUs = t.LastTimestampTicks * 1e6 / Stopwatch.Frequency;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{t.Name},{t.Phase},{t.PhaseName},{t.Calls},{totalUs / 1000:F6},{meanUs:F3},{lastUs:F3}"));
        }
    }
}
