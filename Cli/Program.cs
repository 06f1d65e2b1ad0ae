namespace GrowNet.Ecs.Cli;

/// <summary>Entry point of the <c>grownet</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line on the process's console and returns the exit code.</summary>
    public static int Main(string[] args) => GrowNetCommandLine.Invoke(args, CliContext.ForConsole());

    /// <summary>
    /// Runs the command line writing to <paramref name="output"/> and <paramref name="error"/>
    /// (never an interactive console: no progress bars). The testable entry.
    /// </summary>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
        => GrowNetCommandLine.Invoke(args, new CliContext(output, error, interactive: false));
}
