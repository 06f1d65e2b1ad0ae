using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Clone-and-split at cycle end (Prune phase, after pruning; graph.md): per channel in ascending
/// order, at most once, the lowest blocked predictor still at MaxInDegree splits while the group
/// has fewer than MaxPredictorsPerChannel predictors. The clone g′ is appended with g's channel,
/// f, level, frozen flag, bias, ring and head; g's taps, sorted by descending |w| (ties → lower
/// (source, lag)), are dealt alternately to g and g′, each keeping row order, every dealt weight
/// doubled; both alphas become alpha_g / 2. The prediction is unchanged up to re-association.
/// </summary>
public sealed class GraphSplitSystem : ISystem
{
    private readonly List<Entity> blocks = new();
    private GraphTap[] scratch = [];
    private int[] order = [];

    /// <inheritdoc />
    public string Name => "GraphSplit";

    /// <inheritdoc />
    public void Update(World world)
    {
        GraphBlocks.CollectAtCycleEnd(world, blocks);
        foreach (var entity in blocks)
        {
            ref readonly var config = ref world.Get<GraphConfig>(entity);
            ref var state = ref world.Get<GraphState>(entity);
            int channels = world.GetTable(state.Channels).Count;
            for (int c = 0; c < channels; c++)
            {
                var a = new GraphArrays(world, state);
                if (a.PredictorCount[c] >= config.MaxPredictorsPerChannel)
                    continue;
                int g = a.FirstPredictor[c];
                while (g >= 0 && !(a.Blocked[g] != 0 && a.Frozen[g] == 0 && a.TapCount[g] == config.MaxInDegree))
                    g = a.GroupNext[g];
                if (g >= 0)
                    Split(world, ref state, config, g);
            }
        }
    }

    /// <summary>Splits predictor <paramref name="g"/> (between ticks or at the structural step); returns the clone's index.</summary>
    internal int Split(World world, ref GraphState state, in GraphConfig config, int g)
    {
        int h = config.HistoryLength;
        int clone = GraphStorage.AppendPredictor(world, ref state, config);
        var a = new GraphArrays(world, state);
        int c = a.Channel[g];
        a.Kind[clone] = (byte)GraphNodeKind.Predictor;
        (a.Channel[clone], a.Frequency[clone], a.Level[clone], a.Frozen[clone]) = (c, a.Frequency[g], a.Level[g], a.Frozen[g]);
        (a.Bias[clone], a.Head[clone], a.Next[clone], a.Updates[clone]) = (a.Bias[g], a.Head[g], a.Next[g], a.Updates[g]);
        a.ChildA[clone] = a.ChildB[clone] = a.GroupNext[clone] = -1;
        a.CreatedTick[clone] = state.Tick;
        a.Ring.AsSpan(g * h, h).CopyTo(a.Ring.AsSpan(clone * h, h));
        Deal(a, g, clone);
        float alpha = a.Alpha[g] / 2f;
        a.Alpha[g] = a.Alpha[clone] = alpha;
        a.GroupNext[a.LastPredictor[c]] = clone;
        a.LastPredictor[c] = clone;
        a.PredictorCount[c]++;
        if (config.DeltaLog)
            new GraphDeltaLog(world, state, config).RecordCreation(clone, state.Tick, a.Lag(clone, 0, h));
        state.Splits++;
        GraphEvents.Add(world, state, GraphEventKind.Split, g, clone, 0, alpha, 0);
        return clone;
    }

    private void Deal(in GraphArrays a, int g, int clone)
    {
        int start = a.TapStart[g], count = a.TapCount[g];
        if (scratch.Length < count)
        {
            scratch = new GraphTap[Math.Max(count, 2 * scratch.Length)];
            order = new int[scratch.Length];
        }

        for (int k = 0; k < count; k++)
        {
            scratch[k] = new GraphTap(a.TapSource[start + k], a.TapLag[start + k], a.TapWeight[start + k]);
            GraphRows.Clear(a, start + k);
        }

        // order[k] = rank of tap k by descending |w|, ties → lower (source, lag), i.e. the earlier row.
        for (int k = 0; k < count; k++)
        {
            int rank = 0;
            float magnitude = Math.Abs(scratch[k].Weight);
            for (int other = 0; other < count; other++)
            {
                float m = Math.Abs(scratch[other].Weight);
                if (m > magnitude || (m == magnitude && other < k))
                    rank++;
            }

            order[k] = rank;
        }

        // g takes the 1st, 3rd, … by rank and g′ the 2nd, 4th, …; walking in row order keeps both rows ordered.
        a.TapCount[g] = 0;
        a.TapCount[clone] = 0;
        for (int k = 0; k < count; k++)
        {
            int target = order[k] % 2 == 0 ? g : clone;
            int row = a.TapStart[target] + a.TapCount[target]++;
            a.TapSource[row] = scratch[k].Source;
            a.TapLag[row] = (byte)scratch[k].Lag;
            a.TapWeight[row] = scratch[k].Weight * 2f;
        }
    }
}
