using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Steps 4 and 5 (end of the Modulation phase, graph.md): the Δ-log records the changes the tick
/// is about to commit, every updating node pushes <c>next</c> into its ring (fixed node blocks
/// across cores), <c>tick += 1</c>, and the tick's statistics join its cycle: per channel Σe²,
/// Σu, Σu²; per learnable tap Σv² (all in double).
/// </summary>
public sealed class GraphRingCommitSystem : ISystem
{
    private readonly List<Entity> blocks = new();

    /// <inheritdoc />
    public string Name => "GraphRingCommit";

    /// <inheritdoc />
    public void Update(World world)
    {
        GraphBlocks.CollectLocal(world, blocks);
        foreach (var entity in blocks)
        {
            ref readonly var config = ref world.Get<GraphConfig>(entity);
            ref var state = ref world.Get<GraphState>(entity);
            var a = new GraphArrays(world, state);
            long tick = state.Tick + 1;
            var log = config.DeltaLog ? new GraphDeltaLog(world, state, config) : default;
            if (config.DeltaLog)
                log.RecordChanges(a, ref state, tick);
            world.Parallel.For(a.NodeCount, GraphGatherSystem.BlockSize(a.NodeCount), new GraphCommitKernel(a, config.HistoryLength));
            if (config.DeltaLog)
                log.RecordStates(a, tick);
            state.Tick = tick;
            AddStatistics(a);
        }
    }

    private static void AddStatistics(in GraphArrays a)
    {
        for (int c = 0; c < a.ChannelCount; c++)
        {
            double e = a.Error[c], u = a.ChannelInput[c];
            a.SumSquaredError[c] += e * e;
            a.SumInput[c] += u;
            a.SumInputSquares[c] += u * u;
        }

        for (int g = a.PredictorStart; g < a.NodeCount; g++)
        {
            int start = a.TapStart[g], end = start + a.TapCount[g];
            for (int t = start; t < end; t++)
            {
                double v = a.TapValue[t];
                a.TapSumSquares[t] += v * v;
            }
        }
    }
}
