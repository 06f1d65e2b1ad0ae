using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GrowNet.Ecs.Perf.Topology;

/// <summary>Summary columns for the topology suite: invocations per second and GB/s of W (or of the triad's arrays).</summary>
public sealed class TopologyBandwidthColumn : IColumn
{
    private readonly bool bandwidth;

    private TopologyBandwidthColumn(bool bandwidth, string name, string legend)
    {
        this.bandwidth = bandwidth;
        ColumnName = name;
        Legend = legend;
    }

    /// <summary>Ticks (or triads) per second.</summary>
    public static TopologyBandwidthColumn PerSecond { get; } = new(false, "Ops/s", "Ticks (or triad sweeps) per second (1 / Mean)");

    /// <summary>Bytes moved per second.</summary>
    public static TopologyBandwidthColumn GigabytesPerSecond { get; } = new(true, "W GB/s",
        "Bytes of W touched per second (tick: 3 passes' worth of W; triad: 3 arrays of W's size), 1 GB = 1e9 B");

    /// <inheritdoc />
    public string Id => "TopologyBandwidth." + (bandwidth ? "GBs" : "Ops");

    /// <inheritdoc />
    public string ColumnName { get; }

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => bandwidth ? 1 : 0;

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
        double meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean ?? double.NaN;
        double perSecond = 1e9 / meanNs;
        if (!bandwidth)
            return double.IsFinite(perSecond) ? perSecond.ToString("N1", CultureInfo.InvariantCulture) : "n/a";
        string key = TopologyBandwidthRegistry.Key(benchmarkCase.Descriptor.Type,
            benchmarkCase.Parameters.Items.Select(p => (p.Name, p.Value)).ToArray());
        if (!TopologyBandwidthRegistry.TryGet(key, out double bytes) || !double.IsFinite(perSecond))
            return "n/a";
        return (bytes * perSecond / 1e9).ToString("N2", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public override string ToString() => ColumnName;
}
