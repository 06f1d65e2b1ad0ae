namespace GrowNet.Ecs.Cli.Runner;

/// <summary>Command-line values that take the place of the scenario's (<c>--ticks</c>, <c>--out</c>, <c>--threads</c>, <c>--report</c>).</summary>
public sealed record RunOverrides
{
    /// <summary>Ticks to run instead of <c>run.ticks</c>.</summary>
    public long? Ticks { get; init; }

    /// <summary>Output folder instead of <c>output.dir</c>.</summary>
    public string? OutputDir { get; init; }

    /// <summary>Worker threads instead of <c>run.threads</c>.</summary>
    public int? Threads { get; init; }

    /// <summary>The HTML report's path (relative to the current directory) instead of <c>report</c>.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Where to save the final world (<c>--save</c>; a distributed run saves rank 0's gathered world), or null.</summary>
    public string? SavePath { get; init; }
}
