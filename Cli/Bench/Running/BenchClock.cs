using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Cli.Bench.Running;

/// <summary>
/// The clock samples are taken with. On Linux it is CPU time — of the calling thread when the
/// workloads run on one thread (the world then runs on its caller), of the whole process otherwise —
/// so the moments another process holds the core are not counted (on a shared 2-core machine that
/// is most of the wall-time noise). Elsewhere, or if the call fails, it is wall time.
/// </summary>
public sealed partial class BenchClock
{
    private const int ClockProcessCpuTime = 2, ClockThreadCpuTime = 3;
    private readonly int clockId;

    private BenchClock(string kind, int clockId)
    {
        Kind = kind;
        this.clockId = clockId;
    }

    /// <summary>"thread-cpu", "process-cpu" or "wall"; stored in reports (comparisons need the same kind).</summary>
    public string Kind { get; }

    /// <summary>The clock for workloads running with <paramref name="threads"/> world threads.</summary>
    public static BenchClock For(int threads)
    {
        int id = threads == 1 ? ClockThreadCpuTime : ClockProcessCpuTime;
        if (OperatingSystem.IsLinux() && TryRead(id, out _))
            return new BenchClock(threads == 1 ? "thread-cpu" : "process-cpu", id);
        return new BenchClock("wall", -1);
    }

    /// <summary>The clock's reading in nanoseconds (only differences mean anything).</summary>
    public long NowNs()
    {
        if (clockId >= 0 && TryRead(clockId, out long ns))
            return ns;
        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    private static bool TryRead(int id, out long nanoseconds)
    {
        nanoseconds = 0;
        if (ClockGetTime(id, out var spec) != 0)
            return false;
        nanoseconds = spec.Seconds * 1_000_000_000L + spec.Nanoseconds;
        return true;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec spec);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
