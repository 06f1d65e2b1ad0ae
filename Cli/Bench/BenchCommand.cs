using System.CommandLine;
using System.Globalization;

namespace GrowNet.Ecs.Cli.Bench;

/// <summary>
/// <c>grownet bench [--filter PATTERN] [--json FILE] [--quick] [--compare BASELINE.json | --ab OTHER]
/// [--threshold PCT] [--threads K] [--samples N] [--rounds N] [--list]</c>: measures the standard
/// workloads and, when asked, compares them with a baseline or another build (see docs/benchmarks.md).
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var filter = new Option<string?>("--filter") { HelpName = "PATTERN", Description = "Workloads to run: comma-separated globs over the names (e.g. 'pool-*,world-save'). Default: all." };
        var json = new Option<string?>("--json") { HelpName = "FILE", Description = "Write every raw sample, the machine, runtime, commit and thread count to this JSON file." };
        var quick = new Option<bool>("--quick") { Description = $"Quick mode: {Running.BenchSettings.QuickSamples} samples per workload, short warm-up (about a minute for all)." };
        var compare = new Option<string?>("--compare") { HelpName = "BASELINE.json", Description = "Compare with a saved report; exit 0 no regression, 1 confirmed regression, 2 too noisy." };
        var ab = new Option<string?>("--ab") { HelpName = "OTHER", Description = "Compare A/B with another build: its grownet.dll, or a git ref built in a temporary worktree. Same verdicts and exit codes." };
        var threshold = new Option<string>("--threshold") { HelpName = "PCT", Description = "Regression threshold in percent (default 10; '10%' also accepted).", DefaultValueFactory = _ => "10" };
        var threads = new Option<int>("--threads") { HelpName = "K", Description = "World worker threads of every workload (default 1: the steadiest figure on a shared machine).", DefaultValueFactory = _ => 1 };
        var samples = new Option<int?>("--samples") { HelpName = "N", Description = "Timed iterations per workload (per batch with --ab); default by mode." };
        var rounds = new Option<int?>("--rounds") { HelpName = "N", Description = "--ab: batches per side and workload, alternating, each in its own process (default 10, quick 8)." };
        var list = new Option<bool>("--list") { Description = "List the workloads and exit." };
        var command = new Command("bench", "Measure the standard workloads; compare with a baseline (--compare) or another build (--ab).")
        {
            filter, json, quick, compare, ab, threshold, threads, samples, rounds, list,
        };
        command.SetAction(parse =>
        {
            try
            {
                return BenchSession.Run(new BenchOptions
                {
                    Filter = parse.GetValue(filter),
                    JsonPath = parse.GetValue(json),
                    Quick = parse.GetValue(quick),
                    ComparePath = parse.GetValue(compare),
                    AbTarget = parse.GetValue(ab),
                    ThresholdPercent = ParseThreshold(parse.GetValue(threshold) ?? "10"),
                    Threads = parse.GetValue(threads),
                    Samples = parse.GetValue(samples),
                    Rounds = parse.GetValue(rounds),
                    List = parse.GetValue(list),
                }, context);
            }
            catch (BenchInputException ex)
            {
                context.Error.WriteLine($"error: {ex.Message}");
                return BenchExitCodes.Inconclusive;
            }
        });
        return command;
    }

    /// <summary>Parses a threshold in percent ("10", "10%", "2.5"), which must lie in (0, 100).</summary>
    /// <exception cref="BenchInputException">Not a number in (0, 100).</exception>
    public static double ParseThreshold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string number = text.Trim().TrimEnd('%').Trim();
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0 && value < 100))
            throw new BenchInputException($"--threshold must be a percentage in (0, 100), such as 10 or 5%, not '{text}'.");
        return value;
    }
}
