using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Step 1, gather (Propagate phase, graph.md): every node computes <c>next</c> and its update gate
/// from the rings as they were at the start of the tick, split across cores in fixed blocks of nodes.
/// </summary>
public sealed class GraphGatherSystem : ISystem
{
    /// <summary>Nodes per parallel block; fixed, so the split never depends on the thread count.</summary>
    internal const int NodesPerBlock = 512;

    /// <summary>Blocks with fewer nodes run as one block (too short to pay for waking the pool).</summary>
    internal const int NodesPerParallelLoop = 2048;

    private readonly List<Entity> blocks = new();

    /// <inheritdoc />
    public string Name => "GraphGather";

    /// <inheritdoc />
    public void Update(World world)
    {
        GraphBlocks.Collect(world, blocks);
        foreach (var entity in blocks)
        {
            ref readonly var config = ref world.Get<GraphConfig>(entity);
            ref readonly var state = ref world.Get<GraphState>(entity);
            var arrays = new GraphArrays(world, state);
            var kernel = new GraphGatherKernel(arrays, config.HistoryLength, world.Seed, state.Tick + 1, config.Activation);
            world.Parallel.For(arrays.NodeCount, BlockSize(arrays.NodeCount), kernel);
        }
    }

    /// <summary>Nodes per block for a block of <paramref name="nodes"/> nodes.</summary>
    internal static int BlockSize(int nodes) => nodes < NodesPerParallelLoop ? Math.Max(1, nodes) : NodesPerBlock;
}
