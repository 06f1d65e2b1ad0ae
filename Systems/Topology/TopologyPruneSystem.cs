using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Applies the tick's structural changes (Prune phase): the duel victims recorded in the Growth
/// phase leave the skeleton and the accepted sprouts enter it with their potentiality as weight;
/// sparse rows are compacted (closing the gaps left by step 3's pruning, which the plasticity
/// pass decided and removed). The observable result equals topology.md's order: prune, then
/// sprout (docs/topology.md, "Phases").
/// </summary>
public sealed class TopologyPruneSystem : ISystem
{
    private readonly SparseRebuildBuffers buffers = new();

    /// <inheritdoc />
    public string Name => "TopologyPrune";

    /// <inheritdoc />
    public void Update(World world)
    {
        // Applying changes resizes the blocks' own tables, never the block entities' table.
        foreach (var table in world.QueryOwners(TopologyBlocks.BlockSet))
        {
            for (int row = 0; row < table.Count; row++)
            {
                if (!world.IsRemote(table.Entities[row]))
                    TopologyStorage.ApplyChanges(world, ref table.Span<TopologyState>()[row], buffers);
            }
        }
    }
}
