namespace GrowNet.Ecs.Systems.Graph;

/// <summary>Builds the block's metric snapshot and canonical predictor order (off the tick path; allocates).</summary>
internal static class GraphReport
{
    /// <summary>The metrics of graph.md: counters, γscale, per-channel cycle MSE and NRMSE.</summary>
    public static GraphMetrics Metrics(GraphBlock block)
    {
        var a = block.Arrays;
        ref readonly var state = ref block.State;
        float active = block.Config.ActiveEpsilon;
        int cactive = 0;
        for (int g = a.PredictorStart; g < a.NodeCount; g++)
        {
            foreach (float w in a.TapWeight.AsSpan(a.TapStart[g], a.TapCount[g]))
                cactive += Math.Abs(w) > active ? 1 : 0;
        }

        return new GraphMetrics
        {
            Tick = state.Tick,
            CompletedCycles = state.CompletedCycles,
            Nodes = a.NodeCount,
            Predictors = a.PredictorCountTotal,
            Cstruct = state.Cstruct,
            Cactive = cactive,
            WarmCount = state.WarmCount,
            Commits = state.Commits,
            Displacements = state.Displacements,
            Prunes = state.Prunes,
            Splits = state.Splits,
            GammaScale = state.GammaScale,
            CycleMse = a.CycleMse.AsSpan(0, a.ChannelCount).ToArray(),
            CycleNrmse = a.CycleNrmse.AsSpan(0, a.ChannelCount).ToArray(),
        };
    }

    /// <summary>Predictors by the L2 norm (double, row order) of their tap weights, descending; ties → lower index.</summary>
    public static int[] CanonicalOrder(GraphBlock block)
    {
        var norms = new List<(int Node, double Norm)>();
        for (int g = block.PredictorStart; g < block.NodeCount; g++)
            norms.Add((g, GraphSpectra.Summary(block.Taps(g)).Norm));
        return GraphSpectra.CanonicalOrder(norms);
    }
}
