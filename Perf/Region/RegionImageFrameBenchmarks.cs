using BenchmarkDotNet.Attributes;

namespace GrowNet.Ecs.Perf.Region;

/// <summary>
/// Image frame (<see cref="RegionImageWorkload"/>): 64×64 InputLayer2D → windowed 3×3 SAME → a
/// layer of 512 E, 64 I, 16 M → gated tract p 0.02 → 64×64 OutputLayer2D, uniform-noise frames.
/// One invocation is one <c>SetFrame</c> + <c>World.Step</c>. Goal: ≤ 10 ms per frame, 0 bytes per frame.
/// </summary>
public class RegionImageFrameBenchmarks : RegionBenchmarkBase<RegionImageWorkload>
{
    /// <summary>One 2D region tick.</summary>
    [Benchmark(Description = "Region.Tick2D (64x64 -> 592 -> 64x64)")]
    public long Frame() => Workload.Step();

    /// <inheritdoc />
    protected override RegionImageWorkload Create(int threads) => RegionImageWorkload.Create(threads);
}
