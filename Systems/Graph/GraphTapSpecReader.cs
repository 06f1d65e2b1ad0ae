using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>Checks a <see cref="GraphTapSpec"/> against a layout and turns it into rows, before anything is created.</summary>
internal static class GraphTapSpecReader
{
    /// <summary>Ascending (source, lag): the row order of graph.md.</summary>
    public static readonly Comparison<GraphTap> RowOrder = static (x, y) =>
        x.Source != y.Source ? x.Source.CompareTo(y.Source) : x.Lag.CompareTo(y.Lag);

    /// <summary>Empty Hidden rows and identity-first predictors (Input c, lag 0, w = 1).</summary>
    public static List<GraphTap>[] EmptyRows(in GraphConfig config, GraphLayout layout)
    {
        var rows = new List<GraphTap>[layout.NodeCount];
        for (int i = 0; i < rows.Length; i++)
            rows[i] = new List<GraphTap>();
        for (int c = 0; c < layout.Channels; c++)
            rows[layout.PredictorStart + c].Add(new GraphTap(c, 0, 1f));
        return rows;
    }

    /// <summary>The rows of <paramref name="spec"/>, every entry checked.</summary>
    /// <exception cref="ModelConfigException">An entry is invalid (field <c>taps</c>); the message names it.</exception>
    public static List<GraphTap>[] Rows(GraphTapSpec spec, in GraphConfig config, GraphLayout layout)
    {
        var rows = EmptyRows(config, layout);
        var given = new HashSet<int>();
        foreach (var (target, tap) in spec.Taps)
        {
            CheckTap(target, tap, config, layout);
            if (given.Add(target) && layout.KindOf(target) == GraphNodeKind.Predictor)
                rows[target].Clear();
            rows[target].Add(tap);
        }

        for (int i = 0; i < rows.Length; i++)
        {
            rows[i].Sort(RowOrder);
            for (int k = 1; k < rows[i].Count; k++)
            {
                if (RowOrder(rows[i][k - 1], rows[i][k]) == 0)
                    throw new ModelConfigException("taps", $"Node {i} is given the tap ({rows[i][k].Source}, {rows[i][k].Lag}) twice.");
            }

            if (layout.KindOf(i) == GraphNodeKind.Predictor && rows[i].Count > config.MaxInDegree)
                throw new ModelConfigException("taps", $"Predictor {i} is given {rows[i].Count} taps; MaxInDegree is {config.MaxInDegree}.");
        }

        CheckScalars(spec, layout);
        return rows;
    }

    /// <summary>Writes the spec's biases, alphas and frequencies (already checked by <see cref="Rows"/>).</summary>
    public static void ApplyScalars(GraphTapSpec spec, in GraphArrays a)
    {
        foreach (var (node, bias) in spec.Biases)
            a.Bias[node] = bias + 0f;
        foreach (var (node, alpha) in spec.Alphas)
            a.Alpha[node] = alpha;
        foreach (var (node, frequency) in spec.Frequencies)
            a.Frequency[node] = frequency;
    }

    private static void CheckTap(int target, GraphTap tap, in GraphConfig config, GraphLayout layout)
    {
        string what = $"Tap ({tap.Source}, {tap.Lag}, {tap.Weight}) of node {target}";
        if ((uint)target >= (uint)layout.NodeCount)
            throw new ModelConfigException("taps", $"{what}: the block has nodes 0..{layout.NodeCount - 1}.");
        var kind = layout.KindOf(target);
        if (kind is not (GraphNodeKind.Hidden or GraphNodeKind.Predictor))
            throw new ModelConfigException("taps", $"{what}: node {target} is a{(kind == GraphNodeKind.Input ? "n Input" : " Summary")} node, which has no taps.");
        if ((uint)tap.Source >= (uint)layout.PredictorStart)
            throw new ModelConfigException("taps", $"{what}: sources are Input, Hidden or Summary nodes 0..{layout.PredictorStart - 1}.");
        if ((uint)tap.Lag >= (uint)config.HistoryLength)
            throw new ModelConfigException("taps", $"{what}: the lag must lie in 0..{config.HistoryLength - 1} (HistoryLength).");
        if (!float.IsFinite(tap.Weight))
            throw new ModelConfigException("taps", $"{what}: the weight must be finite.");
    }

    private static void CheckScalars(GraphTapSpec spec, GraphLayout layout)
    {
        foreach (var (node, bias) in spec.Biases)
        {
            CheckNode(node, layout, "Bias", GraphNodeKind.Hidden, GraphNodeKind.Predictor);
            if (!float.IsFinite(bias))
                throw new ModelConfigException("taps", $"Bias of node {node} is {bias}; it must be finite.");
        }

        foreach (var (node, alpha) in spec.Alphas)
        {
            CheckNode(node, layout, "Alpha", GraphNodeKind.Predictor, GraphNodeKind.Predictor);
            if (!(float.IsFinite(alpha) && alpha > 0f))
                throw new ModelConfigException("taps", $"Alpha of node {node} is {alpha}; it must be a finite number > 0.");
        }

        foreach (var (node, frequency) in spec.Frequencies)
        {
            CheckNode(node, layout, "Frequency", GraphNodeKind.Hidden, GraphNodeKind.Summary);
            if (!(frequency is >= 0f and <= 1f))
                throw new ModelConfigException("taps", $"Frequency of node {node} is {frequency}; it must lie in [0, 1].");
        }
    }

    private static void CheckNode(int node, GraphLayout layout, string what, GraphNodeKind first, GraphNodeKind second)
    {
        if ((uint)node >= (uint)layout.NodeCount)
            throw new ModelConfigException("taps", $"{what} of node {node}: the block has nodes 0..{layout.NodeCount - 1}.");
        var kind = layout.KindOf(node);
        if (kind != first && kind != second)
            throw new ModelConfigException("taps", $"{what} of node {node}: a {kind} node has none (only {first} and {second} nodes).");
    }
}
