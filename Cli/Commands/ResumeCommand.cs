using System.CommandLine;
using System.Diagnostics;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet resume FILE.gnw --ticks T [--save FILE.gnw] [--threads K]</c>: loads a saved world and
/// continues it exactly (the result equals an uninterrupted run), then prints its populations.
/// A checkpoint written by <c>grownet run</c> (a <c>.gnw</c> with its <c>.run.json</c> sidecar)
/// continues its scenario instead: recordings, checkpoints and report, to the scenario's end tick.
/// </summary>
public static class ResumeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fileArgument = new Argument<string>("FILE.gnw") { Description = "The world file to continue." };
        var ticksOption = new Option<int>("--ticks") { HelpName = "T", Description = "World ticks to run (>= 0); required unless FILE is a scenario checkpoint." };
        var saveOption = WorldFiles.SaveOption("Save the world after the run (may be the same file: the save is atomic).");
        var threadsOption = new Option<int>("--threads") { HelpName = "K", Description = "Worker threads (>= 1; default one per processor). Results do not depend on it." };
        var timingsOption = TimingsCsv.CreateOption();
        var ranksOption = new Option<int?>("--ranks") { HelpName = "N", Description = "In-process ranks of a distributed checkpoint (default: the count it was written with)." };
        var command = new Command("resume", "Continue a saved world (.gnw) for more ticks.") { fileArgument, ticksOption, saveOption, threadsOption, timingsOption, ranksOption };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(fileArgument)!,
            parseResult.GetResult(ticksOption) is null ? null : parseResult.GetValue(ticksOption),
            parseResult.GetValue(saveOption),
            parseResult.GetResult(threadsOption) is null ? null : parseResult.GetValue(threadsOption),
            context,
            parseResult.GetValue(timingsOption),
            parseResult.GetValue(ranksOption)));
        return command;
    }

    /// <summary>
    /// Runs the command; returns the exit code. A checkpoint written by <c>run</c> (with its
    /// <c>.run.json</c> sidecar) continues its scenario when no <paramref name="requestedTicks"/> or
    /// save path is given; a plain world needs <paramref name="requestedTicks"/>.
    /// <paramref name="timingsCsvPath"/>: per-system timings CSV, or null.
    /// </summary>
    public static int Run(string path, int? requestedTicks, string? savePath, int? threads, CliContext context, string? timingsCsvPath = null,
        int? ranks = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (File.Exists(Runner.RunCheckpoint.SidecarOf(path)) && requestedTicks is null && savePath is null)
            return RunCommand.Resume(path, threads, context, ranks);
        if (requestedTicks is not { } ticks)
            throw new CliUsageException("--ticks is required to continue a plain world file.");
        if (ticks < 0)
            throw new CliUsageException($"--ticks must be >= 0 (got {ticks}).");
        ThreadCounts.Check(threads);
        var saveTarget = WorldFiles.CheckSavePath(savePath);
        TimingsCsv.CheckPath(timingsCsvPath);
        using var world = WorldFiles.Load(path);
        if (threads is { } count)
            world.SetThreadCount(count);
        context.Output.WriteLine($"Loaded world from {path}: seed {world.Seed}, tick {world.Tick}, {world.EntityCount} entities");
        var stopwatch = Stopwatch.StartNew();
        ProgressDisplay.Run(context, $"Running {ticks} ticks", ticks, report =>
        {
            int every = Math.Max(1, ticks / 200);
            for (int tick = 1; tick <= ticks; tick++)
            {
                world.Step();
                if (tick % every == 0)
                    report(tick);
            }

            return true;
        });
        stopwatch.Stop();
        double seconds = stopwatch.Elapsed.TotalSeconds;
        context.Output.WriteLine($"Ran {ticks} ticks in {seconds:F3} s{(seconds > 0 ? $" ({ticks / seconds:F0} ticks/s)" : "")}; world tick {world.Tick}");
        foreach (string line in ModelFamilies.Describe(world))
            context.Output.WriteLine(line);
        TimingsCsv.WriteIfAsked(world, timingsCsvPath, context);
        WorldFiles.SaveIfAsked(world, saveTarget, context);
        return ExitCodes.Success;
    }
}
