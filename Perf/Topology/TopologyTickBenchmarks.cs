using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Components.Topology;

namespace GrowNet.Ecs.Perf.Topology;

/// <summary>
/// One topology tick (world step) of a block of N = 1024 or 4096 vertices at density 0.5 or 0.02
/// (budget full: every tick prunes, sprouts and duels), in each representation, on one thread
/// per core. Goals (docs/performance.md, "Topology"): dense at N = 4096 touches W at ≥ 50 % of
/// <see cref="MemoryBandwidthBenchmarks"/>' triad bandwidth; sparse at 2 % is ≥ 5× faster than
/// dense; 0 B allocated per tick.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TopologyBenchmarkConfig))]
public class TopologyTickBenchmarks
{
    private TopologyWorkload workload = null!;

    /// <summary>Vertices N.</summary>
    [Params(1024, 4096)]
    public int N { get; set; }

    /// <summary>Initial density and ρmax.</summary>
    [Params(0.5, 0.02)]
    public double Density { get; set; }

    /// <summary>Forced representation.</summary>
    [ParamsAllValues]
    public TopologyRepresentation Representation { get; set; }

    /// <summary>Builds and warms the block.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        workload = TopologyWorkload.Create(N, Density, Representation);
        TopologyBandwidthRegistry.Set(TopologyBandwidthRegistry.Key(typeof(TopologyTickBenchmarks), (nameof(N), N), (nameof(Density), Density), (nameof(Representation), Representation)), workload.WeightBytesPerTick);
        Console.WriteLine($"// N={N} density={Density} {Representation}: {workload.Block.EdgeCount} edges, " +
                          $"{workload.WeightBytesPerTick / 1e6:F1} MB of W per tick");
    }

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => workload.Dispose();

    /// <summary>One tick.</summary>
    [Benchmark(Description = "Topology tick")]
    public void Tick() => workload.Step();
}
