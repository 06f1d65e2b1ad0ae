using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Closes a cycle and opens the next (Prune phase, last, after the tick with p = CycleTicks − 1):
/// records each channel's MSE and NRMSE over the cycle, clears the cycle's sums and the blocked
/// marks, and, with Growth on, draws the next cycle's shortlists (graph.md, "Shortlist").
/// </summary>
public sealed class GraphCycleSystem : ISystem
{
    private readonly List<Entity> blocks = new();

    /// <inheritdoc />
    public string Name => "GraphCycle";

    /// <inheritdoc />
    public void Update(World world)
    {
        GraphBlocks.CollectLocal(world, blocks);
        foreach (var entity in blocks)
        {
            ref readonly var config = ref world.Get<GraphConfig>(entity);
            ref var state = ref world.Get<GraphState>(entity);
            var (cycle, place) = GraphMath.CycleOf(state.Tick, config.CycleTicks);
            if (place != config.CycleTicks - 1)
                continue;
            var a = new GraphArrays(world, state);
            CloseStatistics(a, config.CycleTicks);
            a.Blocked.AsSpan(0, a.NodeCount).Clear();
            a.TapSumSquares.AsSpan(0, a.TapRows).Clear();
            state.CompletedCycles++;
            if (config.Growth)
                GraphShortlist.DrawAll(a, config, world.Seed, cycle + 1);
        }
    }

    private static void CloseStatistics(in GraphArrays a, int ticks)
    {
        for (int c = 0; c < a.ChannelCount; c++)
        {
            double mse = a.SumSquaredError[c] / ticks;
            double mean = a.SumInput[c] / ticks;
            double variance = Math.Max(0, a.SumInputSquares[c] / ticks - mean * mean);
            a.CycleMse[c] = mse;
            a.CycleNrmse[c] = variance > 0 ? Math.Sqrt(mse) / Math.Sqrt(variance) : 0;
            a.SumSquaredError[c] = a.SumInput[c] = a.SumInputSquares[c] = 0;
        }
    }
}
