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

    /// <summary>
    /// <see cref="Collect"/> without the blocks marked remote (<see cref="World.SetRemote"/>): the
    /// blocks this world ticks. Another rank holds a remote block's state (docs/distributed.md).
    /// </summary>
    public static void CollectLocal(World world, List<Entity> blocks)
    {
        Collect(world, blocks);
        if (!world.HasRemoteEntities)
            return;
        int kept = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (!world.IsRemote(blocks[i]))
                blocks[kept++] = blocks[i];
        }

        blocks.RemoveRange(kept, blocks.Count - kept);
    }

    /// <summary>
    /// <see cref="CollectLocal"/>, keeping the blocks whose cycle-end structural step (commit, prune,
    /// split) follows this tick: growth on and the tick just finished at p = CycleTicks − 1.
    /// </summary>
    public static void CollectAtCycleEnd(World world, List<Entity> blocks) => CollectDue(world, blocks, midCycle: false);

    /// <summary><see cref="CollectLocal"/>, keeping the blocks whose Warm selection follows this tick (growth on, p = CycleTicks/2 − 1).</summary>
    public static void CollectAtMidCycle(World world, List<Entity> blocks) => CollectDue(world, blocks, midCycle: true);

    private static void CollectDue(World world, List<Entity> blocks, bool midCycle)
    {
        Collect(world, blocks);
        int kept = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (!world.IsRemote(blocks[i]) && IsDue(world.Get<GraphConfig>(blocks[i]), world.Get<GraphState>(blocks[i]), midCycle))
                blocks[kept++] = blocks[i];
        }

        blocks.RemoveRange(kept, blocks.Count - kept);
    }

    private static bool IsDue(in GraphConfig config, in GraphState state, bool midCycle)
        => config.Growth && GraphMath.CycleOf(state.Tick, config.CycleTicks).Place == (midCycle ? config.CycleTicks / 2 : config.CycleTicks) - 1;
}
