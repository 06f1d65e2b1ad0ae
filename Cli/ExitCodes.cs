namespace GrowNet.Ecs.Cli;

/// <summary>The exit codes of <c>grownet</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command succeeded.</summary>
    public const int Success = 0;

    /// <summary>A runtime or file error: missing or damaged file, I/O failure, invalid state.</summary>
    public const int Failure = 1;

    /// <summary>A usage error: unknown command or option, missing or invalid argument.</summary>
    public const int Usage = 2;
}
