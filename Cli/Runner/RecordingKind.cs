namespace GrowNet.Ecs.Cli.Runner;

/// <summary>What a recording captures.</summary>
public enum RecordingKind
{
    /// <summary>Every spike of a bool port range as (tick, element) pairs: <c>NAME.npy</c>, 8 B per spike.</summary>
    Spikes,
    /// <summary>Values of a port range (state variables and inputs too) as a float64 matrix: <c>NAME.npy</c>.</summary>
    Port,
    /// <summary>A population's metrics (<c>Population.MetricNames</c>) as CSV: <c>NAME.csv</c>.</summary>
    Metrics,
    /// <summary>Mean time per tick of every system since the previous sample, in µs, as CSV: <c>NAME.csv</c>.</summary>
    Timings,
}
