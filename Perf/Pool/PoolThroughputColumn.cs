using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GrowNet.Ecs.Perf.Pool;

/// <summary>
/// Summary columns for the pool tick benchmarks: ticks/s (1 / mean time), mean synaptic events
/// per tick (from <see cref="MeanEventsRegistry"/>), synaptic events/s (their product), and the
/// ratio to the neuropool-rs reference.
/// </summary>
public sealed class PoolThroughputColumn : IColumn
{
    private enum Kind
    {
        TicksPerSecond,
        EventsPerTick,
        EventsPerSecond,
        ReferenceRatio,
    }

    private readonly Kind kind;

    private PoolThroughputColumn(Kind kind, string name, string legend)
    {
        this.kind = kind;
        ColumnName = name;
        Legend = legend;
    }

    /// <summary>Ticks per second.</summary>
    public static PoolThroughputColumn TicksPerSecond { get; } = new(Kind.TicksPerSecond, "Ticks/s", "World ticks per second (1 / Mean)");

    /// <summary>Mean synaptic events per tick.</summary>
    public static PoolThroughputColumn EventsPerTick { get; } = new(Kind.EventsPerTick, "Events/tick", "Mean synaptic events per tick (sum of row lengths of spiking cells), measured in GlobalSetup after the warm-up");

    /// <summary>Synaptic events per second.</summary>
    public static PoolThroughputColumn EventsPerSecond { get; } = new(Kind.EventsPerSecond, "Events/s", "Synaptic events per second (Ticks/s x Events/tick)");

    /// <summary>Ratio of ticks/s to the neuropool-rs 0.1 reference.</summary>
    public static PoolThroughputColumn ReferenceRatio { get; } = new(Kind.ReferenceRatio, "vs ref", "Ticks/s divided by neuropool-rs 0.1 (release, one thread) ticks/s; goal >= 2");

    /// <summary>All four columns.</summary>
    public static IColumn[] All => [TicksPerSecond, EventsPerTick, EventsPerSecond, ReferenceRatio];

    /// <inheritdoc />
    public string Id => "PoolThroughput." + kind;

    /// <inheritdoc />
    public string ColumnName { get; }

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => (int)kind;

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
        if (!TryParameters(benchmarkCase, out var workload, out var regime))
            return "-";
        double meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean ?? double.NaN;
        double ticksPerSecond = 1e9 / meanNs;
        bool haveEvents = MeanEventsRegistry.TryGet(workload, regime, out var means);
        double value = kind switch
        {
            Kind.TicksPerSecond => ticksPerSecond,
            Kind.EventsPerTick => haveEvents ? means.Events : double.NaN,
            Kind.EventsPerSecond => haveEvents ? ticksPerSecond * means.Events : double.NaN,
            _ => ticksPerSecond / WorkloadSpec.Of(workload).ReferenceTicksPerSecond(regime),
        };
        if (double.IsNaN(value) || double.IsInfinity(value))
            return "n/a";
        return kind switch
        {
            Kind.EventsPerSecond => (value / 1e6).ToString("N1", CultureInfo.InvariantCulture) + " M",
            Kind.ReferenceRatio => value.ToString("N2", CultureInfo.InvariantCulture) + "x",
            _ => value.ToString("N0", CultureInfo.InvariantCulture),
        };
    }

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => TryParameters(c, out _, out _));

    /// <inheritdoc />
    public override string ToString() => ColumnName;

    private static bool TryParameters(BenchmarkCase benchmarkCase, out PoolWorkload workload, out InputRegime regime)
    {
        workload = default;
        regime = default;
        if (benchmarkCase.Parameters["Workload"] is not PoolWorkload w || benchmarkCase.Parameters["Regime"] is not InputRegime r)
            return false;
        workload = w;
        regime = r;
        return true;
    }
}
