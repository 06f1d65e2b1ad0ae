using System.CommandLine;
using GrowNet.Ecs.Cli.Runner;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet sweep FILE.json --set PATH=v1,v2,… [--seeds A..B] [--jobs K] --out DIR</c>: runs every
/// combination as an independent <c>grownet run</c> child process into <c>DIR/&lt;combination&gt;/</c>
/// and writes <c>DIR/summary.csv</c> with each run's final metrics.
/// </summary>
public static class SweepCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("FILE.json") { Description = "The scenario file." };
        var set = new Option<string[]>("--set") { HelpName = "PATH=v1,v2,…", Arity = ArgumentArity.ZeroOrMore, Description = "Values of one scenario path to sweep (repeatable; combinations are the product)." };
        var seeds = new Option<string?>("--seeds") { HelpName = "A..B", Description = "Run every combination with each seed A..B (inclusive)." };
        var jobs = new Option<int>("--jobs") { HelpName = "K", DefaultValueFactory = _ => 1, Description = "Child processes at a time (>= 1)." };
        var output = new Option<string>("--out") { HelpName = "DIR", Required = true, Description = "Sweep folder: one sub-folder per combination and summary.csv." };
        var command = new Command("sweep", "Run a scenario over combinations of values and seeds, one child process per run.") { file, set, seeds, jobs, output };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(set) ?? [], parse.GetValue(seeds), parse.GetValue(jobs),
            parse.GetValue(output)!, SweepRunner.CurrentLauncher(), context));
        return command;
    }

    /// <summary>Checks the scenario once, runs the sweep with <paramref name="launcher"/> and returns the exit code (1 if any run failed).</summary>
    public static int Run(string path, IReadOnlyList<string> sets, string? seeds, int jobs, string output, IReadOnlyList<string> launcher, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (jobs < 1)
            throw new CliUsageException($"--jobs must be >= 1 (got {jobs}).");
        var combinations = SweepPlan.Expand(sets, seeds);
        try
        {
            foreach (var combination in combinations)
                ScenarioReader.ReadFile(path, combination.Sets);
        }
        catch (ScenarioException error)
        {
            context.Error.WriteLine($"error: {error.Message}");
            return ExitCodes.Usage;
        }

        context.Output.WriteLine($"Sweep of {path}: {combinations.Count} runs, {jobs} at a time, into {output}");
        int failed = SweepRunner.Run(path, combinations, output, jobs, launcher, context.Output);
        context.Output.WriteLine($"Summary: {Path.Combine(output, "summary.csv")} ({combinations.Count - failed} succeeded, {failed} failed)");
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
