namespace GrowNet.Ecs.Cli.Bench;

/// <summary>
/// Bad input to <c>grownet bench</c>: a missing or malformed baseline file, a filter that names no
/// workload, an A/B target that cannot be built. Reported as one line on stderr, exit code
/// <see cref="BenchExitCodes.Inconclusive"/>.
/// </summary>
public sealed class BenchInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in one line.</param>
    public BenchInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong, in one line.</param>
    /// <param name="inner">The underlying failure.</param>
    public BenchInputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
