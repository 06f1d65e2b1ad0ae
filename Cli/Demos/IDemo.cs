namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// One demo runnable as <c>grownet demo NAME</c>. A demo is a class: add it to
/// <see cref="Commands.DemoCommand.Demos"/> and it becomes a subcommand of <c>demo</c>.
/// </summary>
public interface IDemo
{
    /// <summary>Subcommand name (lower case, e.g. <c>pool</c>).</summary>
    string Name { get; }

    /// <summary>One line for the help text.</summary>
    string Description { get; }

    /// <summary>
    /// Runs the demo, writing to <paramref name="context"/>; when <paramref name="savePath"/> is set,
    /// saves the demo's world there at the end (a <c>.gnw</c> file, see <c>grownet resume</c>); when
    /// <paramref name="timingsCsvPath"/> is set, writes the world's per-system timings there as CSV
    /// (<see cref="TimingsCsv"/>). Returns the exit code.
    /// </summary>
    int Run(CliContext context, string? savePath, string? timingsCsvPath = null);
}
