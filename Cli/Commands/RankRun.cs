using GrowNet.Ecs.Cli.Runner;
using GrowNet.Ecs.Distributed.Exchange;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// Runs a scenario on several ranks (docs/distributed.md): under <c>mpirun</c> (detected from the
/// launcher's environment) each process is one MPI rank; <c>--ranks N</c> runs N in-process ranks
/// on threads of this process. Rank 0 prints progress; every rank prints its error, and a failure
/// on one rank ends the run on every rank with that rank's message (exit code 1).
/// </summary>
internal static class RankRun
{
    /// <summary>Whether this invocation is distributed: launched by MPI, or more than one in-process rank asked for.</summary>
    public static bool IsDistributed(int? ranks) => MpiExchange.IsLaunchedByMpi || ranks is > 1;

    /// <summary>Runs <paramref name="start"/>'s runner on every rank; returns the exit code (the first rank's failure wins).</summary>
    public static int Run(Func<RankChannel, ScenarioRunner> start, int? ranks, string what, CliContext context)
    {
        if (ranks is < 1)
            throw new CliUsageException($"--ranks must be >= 1 (got {ranks}).");
        if (MpiExchange.IsLaunchedByMpi)
        {
            if (ranks is not null)
                throw new CliUsageException("--ranks is for in-process ranks; under mpirun the rank count is mpirun's -np.");
            using var exchange = MpiExchange.Initialize();
            return RunRank(exchange, start, what, context);
        }

        var codes = new int[ranks!.Value];
        // The ranks share this process's writers.
        var shared = new CliContext(TextWriter.Synchronized(context.Output), TextWriter.Synchronized(context.Error), context.Interactive);
        InProcessRanks.Run(ranks.Value, exchange => codes[exchange.Rank] = RunRank(exchange, start, what, shared));
        return codes.FirstOrDefault(code => code != ExitCodes.Success);
    }

    private static int RunRank(IRankExchange exchange, Func<RankChannel, ScenarioRunner> start, string what, CliContext context)
    {
        var channel = new RankChannel(exchange);
        if (exchange.Rank != 0)
            context = new CliContext(TextWriter.Null, context.Error, interactive: false);
        string rank = $"rank {exchange.Rank} of {exchange.Size}";
        try
        {
            using var runner = start(channel);
            context.Output.WriteLine($"{what} on {exchange.Size} ranks: tick {runner.World.Tick} of {runner.EndTick}, output {runner.OutputDir}");
            var progress = new RunProgress(context, runner.World, runner.EndTick, heartbeatSeconds: 5);
            return progress.Show(p => runner.Run(p));
        }
        catch (RankFailedException error)
        {
            context.Error.WriteLine($"error: {rank}: {error.Message}");
            return ExitCodes.Failure;
        }
        catch (ScenarioException error)
        {
            channel.Fail(error.Message);
            context.Error.WriteLine($"error: {rank}: {error.Message}");
            return ExitCodes.Usage;
        }
        catch (CliUsageException error)
        {
            channel.Fail(error.Message);
            throw;
        }
        catch (Exception error)
        {
            channel.Fail($"{error.GetType().Name}: {error.Message}");
            context.Error.WriteLine($"error: {rank}: {error.GetType().Name}: {error.Message}");
            return ExitCodes.Failure;
        }
    }
}
