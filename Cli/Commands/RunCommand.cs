using System.CommandLine;
using GrowNet.Ecs.Cli.Runner;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet run FILE.json [--ticks N] [--out DIR] [--threads K] [--report FILE.html] [--set PATH=VALUE]… [--describe]</c>:
/// validates a scenario file, then runs it headless with its recordings, checkpoints and report
/// (docs/scenarios.md). An invalid scenario is one line naming the JSON path, exit code 2.
/// </summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("FILE.json") { Description = "The scenario file (docs/scenarios.md)." };
        var ticks = new Option<long?>("--ticks") { HelpName = "N", Description = "Ticks to run instead of run.ticks (>= 0)." };
        var output = new Option<string?>("--out") { HelpName = "DIR", Description = "Output folder instead of output.dir." };
        var threads = new Option<int?>("--threads") { HelpName = "K", Description = "Worker threads instead of run.threads (>= 1). Outputs do not depend on it." };
        var report = new Option<string?>("--report") { HelpName = "FILE.html", Description = "Write the HTML report here (instead of the file's report entry)." };
        var set = new Option<string[]>("--set") { HelpName = "PATH=VALUE", Arity = ArgumentArity.ZeroOrMore, Description = "Override a value of the file before it is validated, e.g. run.seed=7 (repeatable)." };
        var describe = new Option<bool>("--describe") { Description = "Print the fully defaulted scenario and exit without running." };
        var save = new Option<string?>("--save") { HelpName = "FILE.gnw", Description = "Save the final world here (a distributed run saves the world gathered to rank 0)." };
        var ranks = new Option<int?>("--ranks") { HelpName = "N", Description = "Run on N in-process ranks (docs/distributed.md); under mpirun the ranks are MPI's. Outputs do not depend on it." };
        var command = new Command("run", "Run a scenario file headless: populations, inputs, recordings, checkpoints, report.")
        {
            file, ticks, output, threads, report, set, describe, ranks, save,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, new RunOverrides
        {
            Ticks = parse.GetValue(ticks),
            OutputDir = parse.GetValue(output),
            Threads = parse.GetValue(threads),
            ReportPath = parse.GetValue(report),
            SavePath = parse.GetValue(save),
        }, parse.GetValue(set) ?? [], parse.GetValue(describe), context, parse.GetValue(ranks)));
        return command;
    }

    /// <summary>Runs (or describes) the scenario at <paramref name="path"/>; returns the exit code.</summary>
    public static int Run(string path, RunOverrides overrides, IReadOnlyList<string> sets, bool describe, CliContext context, int? ranks = null)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(context);
        ThreadCounts.Check(overrides.Threads);
        if (overrides.Ticks is < 0)
            throw new CliUsageException($"--ticks must be >= 0 (got {overrides.Ticks}).");
        try
        {
            var scenario = ScenarioReader.ReadFile(path, sets);
            if (describe)
            {
                context.Output.WriteLine(scenario.ToJson());
                return ExitCodes.Success;
            }

            if (RankRun.IsDistributed(ranks))
                return RankRun.Run(channel => ScenarioRunner.StartRank(scenario, overrides, channel), ranks, $"Running {path}", context);
            using var runner = ScenarioRunner.Start(scenario, overrides);
            context.Output.WriteLine($"Running {path}: seed {scenario.Run.Seed}, ticks {runner.EndTick}, output {runner.OutputDir}");
            return Execute(runner, scenario, context);
        }
        catch (ScenarioException error)
        {
            context.Error.WriteLine($"error: {error.Message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>Continues the scenario run a checkpoint was written by; returns the exit code.</summary>
    public static int Resume(string checkpoint, int? threads, CliContext context, int? ranks = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ThreadCounts.Check(threads);
        // A distributed checkpoint resumes on as many ranks as wrote it: MPI's, or that many in-process ranks.
        int written = RunCheckpoint.Load(RunCheckpoint.SidecarOf(checkpoint)).Ranks;
        if (RankRun.IsDistributed(ranks) || written > 0)
            return RankRun.Run(channel => ScenarioRunner.ResumeRank(checkpoint, threads, channel), MpiRanks() ? ranks : ranks ?? written,
                $"Resuming {checkpoint}", context);
        using var runner = ScenarioRunner.Resume(checkpoint, threads);
        var scenario = ScenarioReader.Parse(RunCheckpoint.Load(RunCheckpoint.SidecarOf(checkpoint)).Scenario.ToJsonString());
        context.Output.WriteLine($"Resuming {checkpoint}: tick {runner.World.Tick} of {runner.EndTick}, output {runner.OutputDir}");
        return Execute(runner, scenario, context);
    }

    private static bool MpiRanks() => Distributed.Exchange.MpiExchange.IsLaunchedByMpi;

    private static int Execute(ScenarioRunner runner, Scenario scenario, CliContext context)
    {
        var progress = new RunProgress(context, runner.World, runner.EndTick, scenario.Output.HeartbeatSeconds);
        return progress.Show(p => runner.Run(p));
    }
}
