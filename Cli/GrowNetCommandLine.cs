using System.CommandLine;
using GrowNet.Ecs.Cli.Bench;
using GrowNet.Ecs.Cli.Commands;
using GrowNet.Ecs.Serialization.PoolFiles;
using GrowNet.Ecs.Serialization.Worlds;

namespace GrowNet.Ecs.Cli;

/// <summary>
/// Builds the <c>grownet</c> command tree and runs it: parse errors and <see cref="CliUsageException"/>
/// exit with <see cref="ExitCodes.Usage"/>; expected runtime failures (I/O, damaged pool files,
/// invalid arguments) print one line on stderr and exit with <see cref="ExitCodes.Failure"/>.
/// </summary>
public static class GrowNetCommandLine
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("grownet: headless runner for GrowNet.Ecs, a data-oriented engine for growing neural networks.");
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(RegionDemoCommand.Create(context));
        root.Subcommands.Add(GrowthDemoCommand.Create(context));
        root.Subcommands.Add(TopologyDemoCommand.Create(context));
        root.Subcommands.Add(PoolCommand.Create(context));
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(ResumeCommand.Create(context));
        root.Subcommands.Add(SweepCommand.Create(context));
        root.Subcommands.Add(InspectCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));
        return root;
    }

    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns the exit code.</summary>
    public static int Invoke(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var parseResult = Build(context).Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = context.Output,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        };

        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
                context.Error.WriteLine($"error: {error.Message}");
            context.Error.WriteLine($"See '{CommandPath(parseResult.CommandResult.Command)} --help'.");
            return ExitCodes.Usage;
        }

        try
        {
            return parseResult.Invoke(configuration);
        }
        catch (CliUsageException ex)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            context.Error.WriteLine($"See '{CommandPath(parseResult.CommandResult.Command)} --help'.");
            return ExitCodes.Usage;
        }
        catch (Demos.DemoInterruptedException ex)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return Runner.ScenarioRunner.InterruptedExitCode;
        }
        catch (Exception ex) when (IsExpected(ex))
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Failures reported as a message rather than a stack trace.</summary>
    public static bool IsExpected(Exception exception)
        => exception is PoolFormatException or WorldFormatException or IOException or UnauthorizedAccessException or ArgumentException;

    private static string CommandPath(Command command)
    {
        // The root's name is the executable's; show the tool's name however it was started.
        var names = new List<string>();
        for (Command? current = command; current is not null and not RootCommand; current = current.Parents.OfType<Command>().FirstOrDefault())
            names.Add(current.Name);
        names.Add("grownet");
        names.Reverse();
        return string.Join(' ', names);
    }
}
