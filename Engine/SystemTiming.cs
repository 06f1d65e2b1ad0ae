using System.Diagnostics;

namespace GrowNet.Ecs.Engine;

/// <summary>
/// Always-on timing counters of one scheduled system: two <see cref="Stopwatch.GetTimestamp"/>
/// reads per call, so they cost nothing measurable and perf tracking can build on them.
/// </summary>
public sealed class SystemTiming
{
    internal SystemTiming(string name, int phase, string phaseName)
    {
        Name = name;
        Phase = phase;
        PhaseName = phaseName;
    }

    /// <summary>The system's name.</summary>
    public string Name { get; }

    /// <summary>Index of the phase the system runs in.</summary>
    public int Phase { get; }

    /// <summary>Name of that phase.</summary>
    public string PhaseName { get; }

    /// <summary>Number of completed runs.</summary>
    public long Calls { get; internal set; }

    /// <summary>Sum of the runs' durations, in <see cref="Stopwatch"/> ticks.</summary>
    public long TotalTimestampTicks { get; internal set; }

    /// <summary>Duration of the latest run, in <see cref="Stopwatch"/> ticks.</summary>
    public long LastTimestampTicks { get; internal set; }

    /// <summary>Total time spent in the system.</summary>
    public TimeSpan Total => Stopwatch.GetElapsedTime(0, TotalTimestampTicks);

    /// <summary>Mean time per run (zero before the first run).</summary>
    public TimeSpan Mean => Calls == 0 ? TimeSpan.Zero : Total / Calls;

    /// <summary>Zeroes the counters.</summary>
    public void Reset()
    {
        Calls = 0;
        TotalTimestampTicks = 0;
        LastTimestampTicks = 0;
    }

    /// <inheritdoc />
    public override string ToString() => $"{PhaseName}/{Name}: {Calls} calls, mean {Mean.TotalMicroseconds:F1} µs";
}
