using BenchmarkDotNet.Attributes;

namespace GrowNet.Ecs.Perf.Region;

/// <summary>
/// What the region benchmarks share: the thread-count parameter, the workload (from
/// <c>Workloads/Region/</c>, shared with <c>grownet bench</c>) built for it, and its release.
/// One invocation is one <see cref="RegionWorkload.Step"/>.
/// </summary>
/// <typeparam name="TWorkload">The region workload.</typeparam>
[MemoryDiagnoser]
public abstract class RegionBenchmarkBase<TWorkload>
    where TWorkload : RegionWorkload
{
    /// <summary>Worker threads (0: one per core).</summary>
    [Params(1, 0)]
    public int Threads { get; set; }

    /// <summary>The workload, made by <see cref="Setup"/>.</summary>
    protected TWorkload Workload { get; private set; } = null!;

    /// <summary>Builds the workload for the current <see cref="Threads"/> (it runs itself into its steady state).</summary>
    [GlobalSetup]
    public void Setup() => Workload = Create(Threads);

    /// <summary>Releases the world's workers.</summary>
    [GlobalCleanup]
    public void Cleanup() => Workload?.Dispose();

    /// <summary>Creates the workload with <paramref name="threads"/> workers.</summary>
    protected abstract TWorkload Create(int threads);
}
