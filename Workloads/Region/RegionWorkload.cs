using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Workloads.Region;

/// <summary>
/// What the region workloads share: a pipeline world (seed 1) with a chosen number of workers
/// holding one region, one measured <see cref="Step"/>, and the world's release.
/// </summary>
public abstract class RegionWorkload : IDisposable
{
    /// <summary>Creates the world (<paramref name="threads"/> ≤ 0: one worker per core) and a region named <paramref name="name"/> in it.</summary>
    protected RegionWorkload(string name, int threads)
    {
        World = Pipeline.CreateWorld(seed: 1);
        if (threads > 0)
            World.SetThreadCount(threads);
        Region = GrowNet.Ecs.Systems.Region.Region.Create(World, name);
    }

    /// <summary>The world.</summary>
    public World World { get; }

    /// <summary>The workload's region.</summary>
    public GrowNet.Ecs.Systems.Region.Region Region { get; }

    /// <summary>One measured tick; returns a figure of the tick so the call cannot be optimised away.</summary>
    public abstract long Step();

    /// <summary>Runs <paramref name="ticks"/> steps (set-up warm-up).</summary>
    protected void Run(int ticks)
    {
        for (int t = 0; t < ticks; t++)
            Step();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        World.Dispose();
        GC.SuppressFinalize(this);
    }
}
