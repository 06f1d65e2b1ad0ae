using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

using GrowNet.Ecs.Systems.Graph;

namespace GrowNet.Ecs.Cli.Demos.Graph;

/// <summary>Shared pieces of the graph demos: NRMSE, feature recording and structure lines.</summary>
internal static class GraphDemoRuns
{
    /// <summary><c>sqrt(mean e²) / std u</c> (population std) over paired values.</summary>
    public static double Nrmse(ReadOnlySpan<double> errors, ReadOnlySpan<double> inputs)
    {
        double squares = 0, sum = 0, sumSquares = 0;
        for (int i = 0; i < errors.Length; i++)
        {
            squares += errors[i] * errors[i];
            sum += inputs[i];
            sumSquares += inputs[i] * inputs[i];
        }

        double mean = sum / inputs.Length;
        double variance = sumSquares / inputs.Length - mean * mean;
        return Math.Sqrt(squares / errors.Length) / Math.Sqrt(variance);
    }

    /// <summary>Every non-predictor node's lag(k), k &lt; H, as read at the start of the coming tick, keyed j · H + k.</summary>
    public static double[] Features(GraphBlock block)
    {
        int h = block.Config.HistoryLength;
        var row = new double[block.PredictorStart * h];
        for (int j = 0; j < block.PredictorStart; j++)
            for (int k = 0; k < h; k++)
                row[j * h + k] = block.Lag(j, k);
        return row;
    }

    /// <summary>The distinct (source, lag) keys of every predictor's final taps, ascending.</summary>
    public static int[] FinalKeys(GraphBlock block)
    {
        int h = block.Config.HistoryLength;
        var keys = new SortedSet<int>();
        for (int g = block.PredictorStart; g < block.NodeCount; g++)
            foreach (var tap in block.Taps(g))
                keys.Add(tap.Source * h + tap.Lag);
        return keys.ToArray();
    }

    /// <summary>A spec that repeats <paramref name="block"/>'s Hidden taps and biases (the same reservoir, built explicitly).</summary>
    public static GraphTapSpec SameReservoir(GraphBlock block)
    {
        var spec = new GraphTapSpec();
        for (int i = 0; i < block.PredictorStart; i++)
        {
            if (block.Kind(i) != GraphNodeKind.Hidden)
                continue;
            foreach (var tap in block.Taps(i))
                spec.Tap(i, tap.Source, tap.Lag, tap.Weight);
        }

        return spec;
    }

    /// <summary>One line per predictor: channel, alpha, bias and its taps by descending |w|.</summary>
    public static IReadOnlyList<string> Structure(GraphBlock block)
    {
        var lines = new List<string>();
        for (int g = block.PredictorStart; g < block.NodeCount; g++)
        {
            var taps = block.Taps(g).OrderByDescending(t => Math.Abs(t.Weight)).ThenBy(t => t.Source).ThenBy(t => t.Lag);
            string list = string.Join(", ", taps.Select(t => $"{NodeName(block, t.Source)}@{t.Lag}={t.Weight:+0.000;-0.000}"));
            lines.Add($"predictor {g} (channel {block.Channel(g)}, alpha {block.Alpha(g):0.###}, bias {block.Bias(g):+0.000;-0.000}): " +
                      $"{block.Taps(g).Length} taps: {list}");
        }

        return lines;
    }

    /// <summary>A node's short name: <c>in0</c>, <c>h12</c>, <c>s70</c>.</summary>
    public static string NodeName(GraphBlock block, int node) => block.Kind(node) switch
    {
        GraphNodeKind.Input => $"in{block.Channel(node)}",
        GraphNodeKind.Hidden => $"h{node}",
        GraphNodeKind.Summary => $"s{node}",
        _ => $"p{node}",
    };

    /// <summary><paramref name="count"/> distinct random (source, lag) keys besides the identity tap (0, 0), keyed by the world seed.</summary>
    public static int[] RandomKeys(ulong seed, int space, int count, ulong stream)
    {
        var keys = new SortedSet<int> { 0 };
        for (ulong n = 0; keys.Count < Math.Min(count, space); n++)
            keys.Add((int)(CounterRandom.NextDouble(seed, stream, 0, n) * space));
        return keys.ToArray();
    }
}
