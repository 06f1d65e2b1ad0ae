using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Systems.Region;
using GrowNet.Ecs.Systems.Topology;

namespace GrowNet.Ecs.Samples.FrameLoop;

/// <summary>The sample's world, the one of README's embedding example: a pool, a region and a topology block.</summary>
internal sealed class SampleWorld : IDisposable
{
    private readonly NeuronPool pool;
    private readonly Region region;

    public SampleWorld(ulong seed, int threads)
    {
        World = Pipeline.CreateWorld(seed);
        World.SetThreadCount(threads);
        pool = NeuronPool.Create(World, "cortex", PoolDefinition.Compat(4096, 0.02f, PoolConfig.Default));
        pool.SetInputRange(0, 100, 10000);
        region = Region.Create(World, "vision");
        int input = region.AddLayer(excitatory: 40, inhibitory: 8, modulatory: 4);
        int hidden = region.AddLayer(30, 6, 3);
        region.ConnectLayers(input, hidden, probability: 0.10);
        region.BindInput("pixels", input);
        TopologyBlock.Create(World, "assoc", TopologyDefinition.Random(256, 0.05, TopologyParameters.Default));
    }

    public World World { get; }

    /// <summary>What the host does around the ticks of one frame: stage input, react to output. Allocates nothing.</summary>
    public void Frame(long frame)
    {
        region.SetInput("pixels", 0.25 + 0.005 * (frame % 64));
        if (pool.CountSpikes(3800, 4096) > 10)
            pool.ApplyModulation(dopamine: 200, cortisol: 30, acetylcholine: 100);
    }

    public void Dispose() => World.Dispose();
}
