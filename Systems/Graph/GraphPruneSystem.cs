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
        GraphBlocks.Collect(world, blocks);
        foreach (var entity in blocks)
        {
            ref readonly var config = ref world.Get<GraphConfig>(entity);
            ref var state = ref world.Get<GraphState>(entity);
            if (!config.Growth || GraphMath.CycleOf(state.Tick, config.CycleTicks).Place != config.CycleTicks - 1)
                continue;
            var a = new GraphArrays(world, state);
            for (int g = a.PredictorStart; g < a.NodeCount; g++)
            {
                if (a.Frozen[g] != 0)
                    continue;
                int start = a.TapStart[g];
                for (int t = start + a.TapCount[g] - 1; t >= start; t--)
                {
                    if (!(Math.Abs(a.TapWeight[t]) < config.PruneEpsilon))
                        continue;
                    GraphEvents.Add(world, state, GraphEventKind.Pruned, g, a.TapSource[t], a.TapLag[t], a.TapWeight[t], 0);
                    GraphRows.Remove(a, g, t);
                    state.Cstruct--;
                    state.Prunes++;
                }
            }
        }
    }
}
