using BenchmarkDotNet.Attributes;

namespace GrowNet.Ecs.Perf.Region;

/// <summary>
/// Scalar region tick (<see cref="RegionScalarWorkload"/>): one layer of 512 E, 64 I and 16 M slot
/// neurons bound to a port, a uniform random value per tick. One invocation is one
/// <c>Region.Tick</c>. Goal: ≤ 20 µs per tick (≥ 50 000 ticks/s), 0 bytes per tick.
/// </summary>
public class RegionScalarTickBenchmarks : RegionBenchmarkBase<RegionScalarWorkload>
{
    /// <summary>One region tick.</summary>
    [Benchmark(Description = "Region.Tick (512/64/16)")]
    public long Tick() => Workload.Step();

    /// <inheritdoc />
    protected override RegionScalarWorkload Create(int threads) => RegionScalarWorkload.Create(threads);
}
