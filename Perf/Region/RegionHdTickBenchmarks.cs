using BenchmarkDotNet.Attributes;

namespace GrowNet.Ecs.Perf.Region;

/// <summary>
/// HD tick (<see cref="RegionHdWorkload"/>): one 1920×1080 InputLayer2D bound to a port, an
/// all-ones frame. One invocation is one <c>SetFrame</c> + <c>World.Step</c>. Goal: ≤ 2 ms per tick, 0 bytes per tick.
/// </summary>
public class RegionHdTickBenchmarks : RegionBenchmarkBase<RegionHdWorkload>
{
    /// <summary>One HD tick.</summary>
    [Benchmark(Description = "Region.Tick2D (1920x1080, all ones)")]
    public long Tick() => Workload.Step();

    /// <inheritdoc />
    protected override RegionHdWorkload Create(int threads) => RegionHdWorkload.Create(threads);
}
