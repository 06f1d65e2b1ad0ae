using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Components.Topology;

namespace GrowNet.Ecs.Perf.Topology;

/// <summary>
/// One topology tick (world step) of a block of N = 1024 or 4096 vertices at density 0.5 or 0.02
/// (budget filled during setup: ticks prune, sprout and duel), in each representation, on one
/// thread per core. Every iteration rewinds to the same snapshot and runs the same 16 ticks, so
/// both representations are measured on identical work (their results are bit-identical). Goals (docs/performance.md, "Topology"): dense at N = 4096 touches W at ≥ 50 % of
/// <see cref="MemoryBandwidthBenchmarks"/>' triad bandwidth; sparse at 2 % is ≥ 5× faster than
/// dense; 0 B allocated per tick.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TopologyBenchmarkConfig))]
public class TopologyTickBenchmarks
{
    /// <summary>Ticks measured per iteration, from the same starting point each time.</summary>
    public const int TicksPerIteration = 16;

    private TopologyWorkload workload = null!;
    private TopologyWorkload.Snapshot snapshot = null!;

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
        snapshot = workload.Save();
        // One pass over the measured ticks brings every scratch buffer to its size for them.
        workload.Restore(snapshot);
        for (int t = 0; t < TicksPerIteration; t++)
            workload.Step();
        TopologyBandwidthRegistry.Set(TopologyBandwidthRegistry.Key(typeof(TopologyTickBenchmarks), (nameof(N), N), (nameof(Density), Density), (nameof(Representation), Representation)), workload.WeightBytesPerTick);
        Console.WriteLine($"// N={N} density={Density} {Representation}: {workload.Block.EdgeCount} edges, " +
                          $"{workload.WeightBytesPerTick / 1e6:F1} MB of W per tick");
    }

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => workload.Dispose();

    /// <summary>Rewinds the block to the snapshot taken after warm-up (not measured).</summary>
    [IterationSetup]
    public void IterationSetup() => workload.Restore(snapshot);

    /// <summary>The same <see cref="TicksPerIteration"/> ticks every iteration; the mean is per tick.</summary>
    [Benchmark(Description = "Topology tick", OperationsPerInvoke = TicksPerIteration)]
    public void Tick()
    {
        for (int t = 0; t < TicksPerIteration; t++)
            workload.Step();
    }
}
