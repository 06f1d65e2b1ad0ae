using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GrowNet.Ecs.Perf.Network;

/// <summary>
/// Summary columns of <see cref="NetworkBenchmarks"/>: events per tick, events/s (one thread, so
/// per core), events/s over the compat pool's in the same summary (scale goal ≥ 0.5), the isolated
/// transmission cost per event, and a projection event's cost over a pool event's (goal ≤ 1.2).
/// </summary>
public sealed class NetworkThroughputColumn : IColumn
{
    private enum Kind
    {
        EventsPerTick,
        EventsPerSecond,
        VersusCompat,
        NanosecondsPerEvent,
        VersusIntra,
    }

    private readonly Kind kind;

    private NetworkThroughputColumn(Kind kind, string name, string legend)
    {
        this.kind = kind;
        ColumnName = name;
        Legend = legend;
    }

    /// <summary>All five columns.</summary>
    public static IColumn[] All =>
    [
        new NetworkThroughputColumn(Kind.EventsPerTick, "Events/tick", "Mean synaptic events per tick (pools' own plus projected), counted untimed in GlobalSetup (the compat op is 32 ticks)"),
        new NetworkThroughputColumn(Kind.EventsPerSecond, "Events/s/core", "Synaptic events per second on one thread (Events/tick x ticks per op / Mean)"),
        new NetworkThroughputColumn(Kind.VersusCompat, "vs compat", "Events/s over CompatPoolDriven's in this summary; scale goal >= 0.50"),
        new NetworkThroughputColumn(Kind.NanosecondsPerEvent, "Transmit ns/event",
            "Intra: (PoolSpike time - the Projection world's PoolSpike time) / events; Projection: ProjectionTransmit time / events; Scale: ProjectionTransmit / projected events; Compat: Mean / events"),
        new NetworkThroughputColumn(Kind.VersusIntra, "vs intra event", "Projection: its ns/event over Intra's (same ticks, same events); goal <= 1.20"),
    ];

    /// <inheritdoc />
    public string Id => "NetworkThroughput." + kind;

    /// <inheritdoc />
    public string ColumnName { get; }

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 10 + (int)kind;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend { get; }

    /// <summary>The isolated per-event costs of the transmission pair (ns), when both cases have run.</summary>
    public static bool TryTransmissionCosts(int cells, out double intraNs, out double projectionNs)
    {
        intraNs = projectionNs = double.NaN;
        if (!NetworkMeansRegistry.TryGet(NetworkCase.Intra, cells, out var intra) || !NetworkMeansRegistry.TryGet(NetworkCase.Projection, cells, out var projection))
            return false;
        intraNs = (intra.PoolSpikeMicroseconds - projection.PoolSpikeMicroseconds) * 1000 / intra.Events;
        projectionNs = projection.ProjectionMicroseconds * 1000 / projection.Events;
        return double.IsFinite(intraNs) && double.IsFinite(projectionNs);
    }

    /// <summary>Console lines stating the transmission goal once both sides are measured.</summary>
    public static IEnumerable<string> GoalLines(int cells)
    {
        if (TryTransmissionCosts(cells, out double intraNs, out double projectionNs))
            yield return $"// transmission ({cells} cells, in-degree {NetworkBenchmarks.InDegree}): pool event {intraNs:F2} ns, projection event {projectionNs:F2} ns, ratio {projectionNs / intraNs:F2} (goal <= 1.20)";
    }

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (!TryParameters(benchmarkCase, out var networkCase, out int cells) || !NetworkMeansRegistry.TryGet(networkCase, cells, out var means))
            return "-";
        double meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean ?? double.NaN;
        double eventsPerSecond = means.Events * means.TicksPerOp * 1e9 / meanNs;
        double value = kind switch
        {
            Kind.EventsPerTick => means.Events,
            Kind.EventsPerSecond => eventsPerSecond,
            Kind.VersusCompat => eventsPerSecond / CompatEventsPerSecond(summary),
            Kind.NanosecondsPerEvent => NanosecondsPerEvent(networkCase, cells, means, meanNs),
            _ => networkCase == NetworkCase.Projection && TryTransmissionCosts(cells, out double i, out double p) ? p / i : double.NaN,
        };
        if (!double.IsFinite(value))
            return "-";
        return kind switch
        {
            Kind.EventsPerSecond => (value / 1e6).ToString("N1", CultureInfo.InvariantCulture) + " M",
            Kind.EventsPerTick => value.ToString("N0", CultureInfo.InvariantCulture),
            _ => value.ToString("N2", CultureInfo.InvariantCulture),
        };
    }

    private static double NanosecondsPerEvent(NetworkCase networkCase, int cells, NetworkMeans means, double meanNs) => networkCase switch
    {
        NetworkCase.Intra => TryTransmissionCosts(cells, out double intra, out _) ? intra : double.NaN,
        NetworkCase.Projection => TryTransmissionCosts(cells, out _, out double projection) ? projection : double.NaN,
        NetworkCase.Scale => means.ProjectionMicroseconds * 1000 / means.ProjectionEvents,
        _ => meanNs / (means.Events * means.TicksPerOp),
    };

    private static double CompatEventsPerSecond(Summary summary)
    {
        foreach (var other in summary.BenchmarksCases)
        {
            if (TryParameters(other, out var c, out int cells) && c == NetworkCase.CompatPoolDriven && NetworkMeansRegistry.TryGet(c, cells, out var means))
                return means.Events * means.TicksPerOp * 1e9 / (summary[other]?.ResultStatistics?.Mean ?? double.NaN);
        }

        return double.NaN;
    }

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => TryParameters(c, out _, out _));

    /// <inheritdoc />
    public override string ToString() => ColumnName;

    private static bool TryParameters(BenchmarkCase benchmarkCase, out NetworkCase networkCase, out int cells)
    {
        networkCase = default;
        cells = 0;
        if (benchmarkCase.Parameters["Case"] is not NetworkCase c || benchmarkCase.Parameters["Cells"] is not int n)
            return false;
        networkCase = c;
        cells = n;
        return true;
    }
}
