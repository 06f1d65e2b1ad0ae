namespace GrowNet.Ecs.Systems.Graph;

/// <summary>Builds the block's metric snapshot and canonical predictor order (off the tick path; allocates).</summary>
internal static class GraphReport
{
    /// <summary>The metrics of graph.md: counters, γscale, per-channel cycle MSE and NRMSE.</summary>
    public static GraphMetrics Metrics(GraphBlock block)
    {
        var a = block.Arrays;
        ref readonly var state = ref block.State;
        Span<double> values = stackalloc double[block.MetricNames.Count];
        block.ReadMetrics(values);
        return new GraphMetrics
        {
            Tick = state.Tick,
            CompletedCycles = state.CompletedCycles,
            Nodes = a.NodeCount,
            Predictors = a.PredictorCountTotal,
            Cstruct = state.Cstruct,
            Cactive = (int)values[5],
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
