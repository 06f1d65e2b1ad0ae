namespace GrowNet.Ecs.Cli;

/// <summary>The bounds of <c>--threads</c>: results never depend on the count, so more threads than cores only cost memory.</summary>
public static class ThreadCounts
{
    /// <summary>Most worker threads a command accepts: four per processor.</summary>
    public static int Maximum => 4 * Environment.ProcessorCount;

    /// <summary>Throws unless <paramref name="threads"/> is null or in 1..<see cref="Maximum"/>.</summary>
    /// <exception cref="CliUsageException">The count is out of range.</exception>
    public static void Check(int? threads, string option = "--threads")
    {
        if (threads is { } count && (count < 1 || count > Maximum))
            throw new CliUsageException($"{option} must be 1..{Maximum} (4 per processor; got {count}).");
    }
}
