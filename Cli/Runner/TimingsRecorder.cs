using System.Diagnostics;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// Records <c>world.Scheduler.Timings</c> as CSV: <c>tick,&lt;phase/system&gt;…</c>, each value the
/// system's mean time per tick in µs (3 decimals) since the previous sample. Wall-clock data: the one output
/// that differs between otherwise identical runs.
/// </summary>
public sealed class TimingsRecorder : IRecorder
{
    private readonly IReadOnlyList<SystemTiming> timings;
    private readonly long[] previous;
    private readonly CsvFile file;
    private long previousTick;

    /// <summary>Records the timings of <paramref name="world"/>'s systems into <paramref name="path"/>.</summary>
    public TimingsRecorder(string name, RecordingDefinition definition, World world, string path, long? resumeBytes)
    {
        Name = name;
        Definition = definition;
        FilePath = path;
        timings = world.Scheduler.Timings;
        previous = new long[timings.Count];
        for (int i = 0; i < previous.Length; i++)
            previous[i] = timings[i].TotalTimestampTicks;
        previousTick = (long)world.Tick;
        file = CsvFile.Open(path, "tick," + string.Join(',', timings.Select(t => $"{t.PhaseName}/{t.Name}")), resumeBytes);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string FilePath { get; }

    /// <inheritdoc />
    public RecordingDefinition Definition { get; }

    /// <inheritdoc />
    public long Position => file.Position;

    /// <inheritdoc />
    public void Sample(long tick)
    {
        long ticks = Math.Max(1, tick - previousTick);
        file.Field(tick);
        for (int i = 0; i < previous.Length; i++)
        {
            long total = timings[i].TotalTimestampTicks;
            file.Field((total - previous[i]) * 1e6 / Stopwatch.Frequency / ticks, "F3");
            previous[i] = total;
        }

        file.EndRow();
        previousTick = tick;
    }

    /// <inheritdoc />
    public void Flush() => file.Flush();

    /// <inheritdoc />
    public void Dispose() => file.Dispose();
}
