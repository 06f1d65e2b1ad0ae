namespace GrowNet.Ecs.Cli;

/// <summary>
/// A usage error found while a command runs (after parsing), e.g. a <c>--drive</c> range beyond
/// a loaded pool's cells. Reported as its message on stderr with exit code <see cref="ExitCodes.Usage"/>.
/// </summary>
public sealed class CliUsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the command line.</param>
    public CliUsageException(string message)
        : base(message)
    {
    }
}
