using Spectre.Console;

namespace GrowNet.Ecs.Cli;

/// <summary>
/// Where a command writes: its output and error writers, and whether the output is an
/// interactive console (only then are Spectre.Console progress bars drawn).
/// </summary>
public sealed class CliContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="output">Standard output (results, summaries, help).</param>
    /// <param name="error">Standard error (error messages).</param>
    /// <param name="interactive">Whether <paramref name="output"/> is the process's interactive console.</param>
    public CliContext(TextWriter output, TextWriter error, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Output = output;
        Error = error;
        Interactive = interactive;
    }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether progress bars may be drawn (output is an interactive terminal, not redirected).</summary>
    public bool Interactive { get; }

    /// <summary>The process's console; interactive when stdout is a terminal that Spectre.Console can animate.</summary>
    public static CliContext ForConsole()
    {
        bool interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        return new CliContext(Console.Out, Console.Error, interactive);
    }
}
