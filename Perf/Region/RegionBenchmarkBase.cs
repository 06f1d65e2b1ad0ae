using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Perf.Region;

/// <summary>
/// What the region benchmarks share: the thread-count parameter, a pipeline world (seed 1) with
/// that many workers holding one region, and its release.
/// </summary>
[MemoryDiagnoser]
public abstract class RegionBenchmarkBase
{
    private World? world;

    /// <summary>Worker threads (0: one per core).</summary>
    [Params(1, 0)]
    public int Threads { get; set; }

    /// <summary>The benchmark's region, made by <see cref="CreateRegion"/>.</summary>
    protected GrowNet.Ecs.Systems.Region.Region Region { get; private set; } = null!;

    /// <summary>Creates the world for the current <see cref="Threads"/> and a region named <paramref name="name"/> in it.</summary>
    protected GrowNet.Ecs.Systems.Region.Region CreateRegion(string name)
    {
        world = Pipeline.CreateWorld(seed: 1);
        if (Threads > 0)
            world.SetThreadCount(Threads);
        return Region = GrowNet.Ecs.Systems.Region.Region.Create(world, name);
    }

    /// <summary>Releases the world's workers.</summary>
    [GlobalCleanup]
    public void Cleanup() => world?.Dispose();
}
