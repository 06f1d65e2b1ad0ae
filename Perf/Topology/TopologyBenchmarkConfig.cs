using BenchmarkDotNet.Configs;

namespace GrowNet.Ecs.Perf.Topology;

/// <summary>Adds the topology columns to the suite's benchmarks (merged with Program's global configuration).</summary>
public sealed class TopologyBenchmarkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public TopologyBenchmarkConfig() => AddColumn(TopologyBandwidthColumn.PerSecond, TopologyBandwidthColumn.GigabytesPerSecond);
}
