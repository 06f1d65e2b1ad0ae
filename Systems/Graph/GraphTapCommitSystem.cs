using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Warm → Hot at cycle end (Growth phase, after the tick with p = CycleTicks − 1; graph.md,
/// "Commit"): per learnable predictor in ascending order, up to CommitsPerCycle Warm candidates
/// with <c>Gain_R &gt; MinGainFraction · Sbase / n</c>, highest gain first (ties → lower (j, k)),
/// become taps with <c>w = δ</c>. A predictor at MaxInDegree is marked blocked; under a full budget
/// a commit must displace the block's weakest learnable tap, and only with a gain strictly above
/// its score. Every Warm candidate then returns to Cold.
/// </summary>
public sealed class GraphTapCommitSystem : ISystem
{
    private readonly List<Entity> blocks = new();
    private readonly List<long> fresh = new();

    /// <inheritdoc />
    public string Name => "GraphTapCommit";

    /// <inheritdoc />
    public void Update(World world)
    {
        GraphBlocks.CollectAtCycleEnd(world, blocks);
        foreach (var entity in blocks)
        {
            ref readonly var config = ref world.Get<GraphConfig>(entity);
            ref var state = ref world.Get<GraphState>(entity);
            var a = new GraphArrays(world, state);
            fresh.Clear();
            GraphEvents.Clear(world, state);
            for (int g = a.PredictorStart; g < a.NodeCount; g++)
            {
                if (a.Frozen[g] == 0)
                    CommitFor(world, a, config, ref state, g);
            }

            a.CandidateState.AsSpan(0, a.CandidateRows).Clear();
            state.WarmCount = 0;
        }
    }

    private void CommitFor(World world, in GraphArrays a, in GraphConfig config, ref GraphState state, int g)
    {
        int size = config.ShortlistSize, first = (g - a.PredictorStart) * size;
        int h = config.HistoryLength, quarter = config.CycleTicks / 4;
        double baseline = a.Baseline[a.Channel[g]];
        for (int r = first; r < first + size; r++)
        {
            if (a.CandidateState[r] == (byte)GraphCandidateState.Warm)
                GraphEvents.Add(world, state, GraphEventKind.Probed, g, a.CandidateSource[r], a.CandidateLag[r], a.Shadow[r], Gain(a, r, baseline, quarter));
        }

        double threshold = config.MinGainFraction * baseline / quarter;
        int budget = config.EffectiveTapBudget;
        for (int committed = 0; committed < config.CommitsPerCycle;)
        {
            int best = NextByGain(a, first, size, baseline, quarter, threshold);
            if (best < 0)
                return;
            a.CandidateState[best] = (byte)GraphCandidateState.Cold;
            double gain = Gain(a, best, baseline, quarter);
            int source = a.CandidateSource[best], lag = a.CandidateLag[best];
            if (a.TapCount[g] >= config.MaxInDegree)
            {
                a.Blocked[g] = 1;
                GraphEvents.Add(world, state, GraphEventKind.Blocked, g, source, lag, a.Shadow[best], gain);
                continue;
            }

            if (budget > 0 && state.Cstruct >= budget && !Displace(world, a, config, ref state, gain))
            {
                GraphEvents.Add(world, state, GraphEventKind.Skipped, g, source, lag, a.Shadow[best], gain);
                continue;
            }

            GraphRows.Insert(a, g, source, lag, a.Shadow[best], h);
            GraphEvents.Add(world, state, GraphEventKind.Committed, g, source, lag, a.Shadow[best], gain);
            fresh.Add(FreshKey(g, GraphMath.Key(a.CandidateSource[best], a.CandidateLag[best], h)));
            state.Cstruct++;
            state.Commits++;
            committed++;
        }
    }

    /// <summary>The Warm candidate of highest gain above the threshold (ties → lower (j, k), the earlier row), or −1.</summary>
    private static int NextByGain(in GraphArrays a, int first, int size, double baseline, int quarter, double threshold)
    {
        int best = -1;
        double bestGain = 0;
        for (int r = first; r < first + size; r++)
        {
            if (a.CandidateState[r] != (byte)GraphCandidateState.Warm)
                continue;
            double gain = Gain(a, r, baseline, quarter);
            if (gain > threshold && (best < 0 || gain > bestGain))
                (best, bestGain) = (r, gain);
        }

        return best;
    }

    private static double Gain(in GraphArrays a, int row, double baseline, int quarter) => (baseline - a.ShadowSquaredError[row]) / quarter;

    /// <summary>
    /// Removes the block's weakest learnable tap — smallest <c>(|w| · rms v)²</c>, rms over this
    /// cycle, ties → lower (target, source, lag), frozen predictors' taps and this step's commits
    /// exempt — when <paramref name="gain"/> is strictly greater than its score.
    /// </summary>
    private bool Displace(World world, in GraphArrays a, in GraphConfig config, ref GraphState state, double gain)
    {
        int weakestNode = -1, weakestRow = -1;
        double weakest = 0;
        for (int g = a.PredictorStart; g < a.NodeCount; g++)
        {
            if (a.Frozen[g] != 0)
                continue;
            int start = a.TapStart[g], end = start + a.TapCount[g];
            for (int t = start; t < end; t++)
            {
                double rms = Math.Sqrt(a.TapSumSquares[t] / config.CycleTicks);
                double magnitude = Math.Abs(a.TapWeight[t]) * rms;
                double score = magnitude * magnitude;
                if ((weakestRow < 0 || score < weakest) && !fresh.Contains(FreshKey(g, GraphMath.Key(a.TapSource[t], a.TapLag[t], config.HistoryLength))))
                    (weakestNode, weakestRow, weakest) = (g, t, score);
            }
        }

        if (weakestRow < 0 || !(gain > weakest))
            return false;
        GraphRows.RemoveLearnable(world, ref state, a, GraphEventKind.Displaced, weakestNode, weakestRow, weakest);
        state.Displacements++;
        return true;
    }

    private static long FreshKey(int g, int key) => ((long)g << 32) | (uint)key;
}
