using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>Finds the topology blocks of a world.</summary>
internal static class TopologyBlocks
{
    /// <summary>The component set every block entity has.</summary>
    public static readonly ComponentSet BlockSet = ComponentSet.Of<TopologyParameters, TopologyState>();

    /// <summary>
    /// Fills <paramref name="blocks"/> with every block entity in query order. The query ends
    /// before the caller touches any block, so the structural systems may resize the block's
    /// own tables (their changes are the phase's recorded structure being applied).
    /// </summary>
    public static void Collect(World world, List<Entity> blocks)
    {
        blocks.Clear();
        foreach (var table in world.Query(BlockSet))
        {
            foreach (var entity in table.Entities)
                blocks.Add(entity);
        }
    }
}
