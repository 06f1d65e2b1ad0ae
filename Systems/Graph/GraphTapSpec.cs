namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Explicit taps, biases, alphas and update frequencies for <see cref="GraphFactory.FromTaps"/>
/// (graph.md, "Construction"). Node indices follow the block's construction layout (Inputs,
/// Hidden, Summary, Predictor). A Hidden node without listed taps has an empty row; a predictor
/// without listed taps gets the identity-first tap. Checked when the block is built.
/// </summary>
public sealed class GraphTapSpec
{
    private readonly List<(int Target, GraphTap Tap)> taps = new();
    private readonly SortedDictionary<int, float> biases = new();
    private readonly SortedDictionary<int, float> alphas = new();
    private readonly SortedDictionary<int, float> frequencies = new();

    /// <summary>Adds the tap (source, lag, weight) to <paramref name="target"/>'s row.</summary>
    public GraphTapSpec Tap(int target, int source, int lag, float weight)
    {
        taps.Add((target, new GraphTap(source, lag, weight)));
        return this;
    }

    /// <summary>Sets a node's bias (default 0).</summary>
    public GraphTapSpec Bias(int node, float bias)
    {
        biases[node] = bias;
        return this;
    }

    /// <summary>Sets a predictor's mixing weight alpha (default 1).</summary>
    public GraphTapSpec Alpha(int node, float alpha)
    {
        alphas[node] = alpha;
        return this;
    }

    /// <summary>Sets a Hidden or Summary node's update frequency f in [0, 1].</summary>
    public GraphTapSpec Frequency(int node, float frequency)
    {
        frequencies[node] = frequency;
        return this;
    }

    internal IReadOnlyList<(int Target, GraphTap Tap)> Taps => taps;

    internal IReadOnlyDictionary<int, float> Biases => biases;

    internal IReadOnlyDictionary<int, float> Alphas => alphas;

    internal IReadOnlyDictionary<int, float> Frequencies => frequencies;
}
