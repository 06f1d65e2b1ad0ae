using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GrowNet.Ecs.Perf.Network;

/// <summary>
/// Summary columns of <see cref="NetworkBenchmarks"/>: events per tick, events/s (one thread, so
/// per core), events/s over the compat pool's in the same summary (scale goal ≥ 0.5), the cost
/// of a pool event and of a projected event, and their ratio (the pair's goal ≤ 1.2).
/// </summary>
public sealed class NetworkThroughputColumn : IColumn
{
    private enum Kind
    {
        EventsPerTick,
        EventsPerSecond,
        VersusCompat,
        PoolEventNanoseconds,
        ProjectionEventNanoseconds,
        ProjectionOverPool,
    }

    private readonly Kind kind;

    private NetworkThroughputColumn(Kind kind, string name, string legend)
    {
        this.kind = kind;
        ColumnName = name;
        Legend = legend;
    }

    /// <summary>All six columns.</summary>
    public static IColumn[] All =>
    [
        new NetworkThroughputColumn(Kind.EventsPerTick, "Events/op", "Mean synaptic events per op (pools' own plus projected), counted over the run's ticks outside the systems; the compat op is 32 ticks (from its checkpoint, counted in GlobalSetup), the pair's one tick of each world"),
        new NetworkThroughputColumn(Kind.EventsPerSecond, "Events/s/core", "Synaptic events per second on one thread (Events/op / Mean)"),
        new NetworkThroughputColumn(Kind.VersusCompat, "vs compat", "Events/s over CompatPoolDriven's in this summary (ScaleWithCompat: scale's over compat's, both from scheduler times within the same ops); scale goal >= 0.50"),
        new NetworkThroughputColumn(Kind.PoolEventNanoseconds, "Pool ns/event",
            "Pair: (intra world's PoolSpike - projection world's PoolSpike) / events; Scale: PoolSpike (with integration) / own events; Compat: Mean / events"),
        new NetworkThroughputColumn(Kind.ProjectionEventNanoseconds, "Proj ns/event", "ProjectionTransmit / projected events"),
        new NetworkThroughputColumn(Kind.ProjectionOverPool, "Proj/pool", "Proj ns/event over Pool ns/event; the pair's goal <= 1.20"),
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

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (!TryParameters(benchmarkCase, out var networkCase, out int cells) || !NetworkMeansRegistry.TryGet(networkCase, cells, out var means))
            return "-";
        double meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean ?? double.NaN;
        double eventsPerSecond = means.Events * 1e9 / meanNs;
        double value = kind switch
        {
            Kind.EventsPerTick => means.Events,
            Kind.EventsPerSecond => eventsPerSecond,
            Kind.VersusCompat => networkCase == NetworkCase.ScaleWithCompat ? means.AlternatingRatio : eventsPerSecond / CompatEventsPerSecond(summary),
            Kind.PoolEventNanoseconds => networkCase == NetworkCase.CompatPoolDriven ? meanNs / means.Events : means.PoolEventNanoseconds,
            Kind.ProjectionEventNanoseconds => means.ProjectionEventNanoseconds,
            _ => means.ProjectionEventNanoseconds / means.PoolEventNanoseconds,
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

    private static double CompatEventsPerSecond(Summary summary)
    {
        foreach (var other in summary.BenchmarksCases)
        {
            if (TryParameters(other, out var c, out int cells) && c == NetworkCase.CompatPoolDriven && NetworkMeansRegistry.TryGet(c, cells, out var means))
                return means.Events * 1e9 / (summary[other]?.ResultStatistics?.Mean ?? double.NaN);
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
