namespace GrowNet.Ecs.Cli.Bench;

/// <summary>The settings of one <c>grownet bench</c>, as parsed from the command line.</summary>
public sealed record BenchOptions
{
    /// <summary>Workload selection (<c>--filter</c>, comma-separated globs); null for all.</summary>
    public string? Filter { get; init; }

    /// <summary>Write the run's report here (<c>--json FILE</c>).</summary>
    public string? JsonPath { get; init; }

    /// <summary>Fewer samples and shorter warm-up (<c>--quick</c>, about a minute for every workload).</summary>
    public bool Quick { get; init; }

    /// <summary>Compare against this saved report (<c>--compare BASELINE.json</c>).</summary>
    public string? ComparePath { get; init; }

    /// <summary>Compare A/B against this other build: a <c>grownet.dll</c> or a git ref (<c>--ab OTHER</c>).</summary>
    public string? AbTarget { get; init; }

    /// <summary>Regression threshold in percent (<c>--threshold</c>, default 10).</summary>
    public double ThresholdPercent { get; init; } = 10;

    /// <summary>World worker threads of every workload (<c>--threads</c>, default 1).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Timed iterations per workload (and per A/B batch); null for the mode's default.</summary>
    public int? Samples { get; init; }

    /// <summary>A/B batches per side and workload (<c>--rounds</c>); null for the mode's default.</summary>
    public int? Rounds { get; init; }

    /// <summary>Only list the workloads (<c>--list</c>).</summary>
    public bool List { get; init; }
}
