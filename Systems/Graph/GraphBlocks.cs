using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>Finds the graph blocks of a world.</summary>
internal static class GraphBlocks
{
    /// <summary>The component set every block entity has.</summary>
    public static readonly ComponentSet BlockSet = ComponentSet.Of<GraphConfig, GraphState>();

    /// <summary>
    /// Fills <paramref name="blocks"/> with every block entity in query order. The query ends before
    /// the caller touches any block, so the structural systems may resize the block's own tables.
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
