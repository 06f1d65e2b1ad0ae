using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Cool and prune at cycle end (Prune phase, after the commits; graph.md): learnable taps of
/// learnable predictors with <c>|w| &lt; PruneEpsilon</c> are removed, keeping row order.
/// </summary>
public sealed class GraphPruneSystem : ISystem
{
    private readonly List<Entity> blocks = new();

    /// <inheritdoc />
    public string Name => "GraphPrune";

    /// <inheritdoc />
    public void Update(World world)
    {
        GraphBlocks.CollectAtCycleEnd(world, blocks);
        foreach (var entity in blocks)
            Prune(world, entity);
    }

    private static void Prune(World world, Entity entity)
    {
        float epsilon = world.Get<GraphConfig>(entity).PruneEpsilon;
        ref var state = ref world.Get<GraphState>(entity);
        var a = new GraphArrays(world, state);
        for (int g = a.PredictorStart; g < a.NodeCount; g++)
        {
            if (a.Frozen[g] != 0)
                continue;
            int start = a.TapStart[g];
            for (int t = start + a.TapCount[g] - 1; t >= start; t--)
            {
                if (!(Math.Abs(a.TapWeight[t]) < epsilon))
                    continue;
                GraphRows.RemoveLearnable(world, ref state, a, GraphEventKind.Pruned, g, t, 0);
                state.Prunes++;
            }
        }
    }
}
