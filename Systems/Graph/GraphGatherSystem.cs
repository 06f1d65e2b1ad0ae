using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Step 1, gather (Propagate phase, graph.md): every node computes <c>next</c> and its update gate
/// from the rings as they were at the start of the tick, split across cores in fixed blocks of nodes.
/// The Hidden rows run on the widest accelerated lanes (<see cref="GraphGatherKernel{TLanes}"/>);
/// every width gives the same bytes.
/// </summary>
public sealed class GraphGatherSystem : ISystem
{
    /// <summary>Nodes per parallel block; fixed, so the split never depends on the thread count.</summary>
    internal const int NodesPerBlock = 512;

    /// <summary>Blocks with fewer nodes run as one block (too short to pay for waking the pool).</summary>
    internal const int NodesPerParallelLoop = 2048;

    private readonly List<Entity> blocks = new();
    private readonly Dictionary<Entity, GraphHiddenLanes> lanes = new();

    /// <inheritdoc />
    public string Name => "GraphGather";

    /// <inheritdoc />
    public void Update(World world)
    {
        GraphBlocks.CollectLocal(world, blocks);
        foreach (var entity in blocks)
        {
            if (Float32Lanes512.IsHardwareAccelerated)
                Gather<Float32Lanes512>(world, entity);
            else if (Float32Lanes256.IsHardwareAccelerated)
                Gather<Float32Lanes256>(world, entity);
            else if (Float32Lanes128.IsHardwareAccelerated)
                Gather<Float32Lanes128>(world, entity);
            else
                Gather<Float32Lanes1>(world, entity);
        }
    }

    /// <summary>Runs step 1 of one block with Hidden lanes <typeparamref name="TLanes"/> (tests run each width).</summary>
    internal void Gather<TLanes>(World world, Entity entity) where TLanes : struct, IFloat32Lanes<TLanes>
    {
        ref readonly var config = ref world.Get<GraphConfig>(entity);
        ref readonly var state = ref world.Get<GraphState>(entity);
        var arrays = new GraphArrays(world, state);
        lanes.TryGetValue(entity, out var cached);
        var grouped = GraphHiddenLanes.For(cached, arrays, TLanes.Count, config.HistoryLength);
        if (!ReferenceEquals(grouped, cached))
            lanes[entity] = grouped;
        var kernel = new GraphGatherKernel<TLanes>(arrays, grouped, world.Seed, state.Tick + 1, config.Activation);
        world.Parallel.For(arrays.NodeCount, BlockSize(arrays.NodeCount), kernel);
    }

    /// <summary>Nodes per block for a block of <paramref name="nodes"/> nodes.</summary>
    internal static int BlockSize(int nodes) => nodes < NodesPerParallelLoop ? Math.Max(1, nodes) : NodesPerBlock;
}
