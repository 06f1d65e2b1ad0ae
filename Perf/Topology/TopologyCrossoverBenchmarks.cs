using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Components.Topology;

namespace GrowNet.Ecs.Perf.Topology;

/// <summary>
/// Calibration of <c>TopologyCostModel</c>: one tick at N = 1024 on one thread, both
/// representations, across densities around the crossover. Fit: dense ns ≈ a · N · N₁₆ (flat in
/// density), sparse ns ≈ b · |E| + c · N; the constants go into <c>TopologyCostModel</c>
/// (docs/topology.md, "Crossover").
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TopologyBenchmarkConfig))]
public class TopologyCrossoverBenchmarks
{
    private TopologyWorkload workload = null!;

    /// <summary>Vertices.</summary>
    [Params(1024)]
    public int N { get; set; }

    /// <summary>Density and ρmax.</summary>
    [Params(0.01, 0.05, 0.1, 0.2, 0.35)]
    public double Density { get; set; }

    /// <summary>Forced representation.</summary>
    [ParamsAllValues]
    public TopologyRepresentation Representation { get; set; }

    /// <summary>Builds and warms the block, single-threaded.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        workload = TopologyWorkload.Create(N, Density, Representation, threads: 1);
        TopologyBandwidthRegistry.Set(TopologyBandwidthRegistry.Key(typeof(TopologyCrossoverBenchmarks), (nameof(N), N), (nameof(Density), Density), (nameof(Representation), Representation)), workload.WeightBytesPerTick);
    }

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => workload.Dispose();

    /// <summary>One tick.</summary>
    [Benchmark(Description = "Topology tick, 1 thread")]
    public void Tick() => workload.Step();
}
