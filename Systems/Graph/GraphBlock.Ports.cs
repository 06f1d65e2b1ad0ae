using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>The graph block's ports (network.md, "Ports"; graph.md) and metrics.</summary>
public sealed partial class GraphBlock
{
    /// <summary>Index of the input port <c>channel</c>: float[C], the staged u(t), held until restaged.</summary>
    public const int ChannelPort = 0;
    /// <summary>Index of the output port <c>prediction</c>: float[C], ŷ of the last tick.</summary>
    public const int PredictionPort = 1;
    /// <summary>Index of the output port <c>error</c>: float[C], e = u − ŷ of the last tick.</summary>
    public const int ErrorPort = 2;
    /// <summary>Index of the output port <c>state</c>: float[N], every node's lag(0) (its length follows splits).</summary>
    public const int StatePort = 3;

    /// <summary>The metrics before the per-channel ones, in <see cref="Population.ReadMetrics"/> order.</summary>
    private static readonly string[] BlockMetrics =
        ["tick", "cycles", "nodes", "predictors", "cstruct", "cactive", "warm", "commits", "displacements", "prunes", "splits", "gammaScale"];

    private string[]? metricNames;

    /// <inheritdoc />
    public override int PortCount => 4;

    /// <inheritdoc />
    public override PortDescriptor Port(int index) => index switch
    {
        ChannelPort => new("channel", PortDirection.Input, PortElement.Float32, ChannelCount),
        PredictionPort => new("prediction", PortDirection.Output, PortElement.Float32, ChannelCount),
        ErrorPort => new("error", PortDirection.Output, PortElement.Float32, ChannelCount),
        StatePort => new("state", PortDirection.Output, PortElement.Float32, NodeCount),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"Graph block '{Name}' has {PortCount} ports."),
    };

    /// <inheritdoc />
    /// <remarks>The block metrics, then <c>mse[c]</c> and <c>nrmse[c]</c> of each channel over the last completed cycle.</remarks>
    public override IReadOnlyList<string> MetricNames => metricNames ??=
    [
        .. BlockMetrics,
        .. Enumerable.Range(0, ChannelCount).SelectMany(c => new[] { $"mse[{c}]", $"nrmse[{c}]" }),
    ];

    /// <inheritdoc />
    protected override void ReadPortCore(int port, in PortDescriptor descriptor, int start, Span<double> destination)
    {
        var a = Arrays;
        if (port == StatePort)
        {
            int h = Config.HistoryLength;
            for (int i = 0; i < destination.Length; i++)
                destination[i] = a.Lag(start + i, 0, h);
            return;
        }

        var source = port switch { ChannelPort => a.ChannelInput, PredictionPort => a.Prediction, _ => a.Error };
        for (int i = 0; i < destination.Length; i++)
            destination[i] = source[start + i];
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A value does not fit a float (it would stage an infinity); nothing is written.</exception>
    protected override void WritePortCore(int port, in PortDescriptor descriptor, int start, ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(PortValues.ToFloat32(values[i])))
                throw new ArgumentException($"Port '{Name}/channel': value {i} is {values[i]}, outside the float range.", nameof(values));
        }

        var input = Arrays.ChannelInput;
        for (int i = 0; i < values.Length; i++)
            input[start + i] = PortValues.ToFloat32(values[i]);
    }

    /// <inheritdoc />
    protected override void ReadMetricsCore(Span<double> values)
    {
        ref readonly var state = ref State;
        var a = Arrays;
        float active = Config.ActiveEpsilon;
        int cactive = 0;
        for (int g = a.PredictorStart; g < a.NodeCount; g++)
        {
            foreach (float w in a.TapWeight.AsSpan(a.TapStart[g], a.TapCount[g]))
                cactive += Math.Abs(w) > active ? 1 : 0;
        }

        (values[0], values[1], values[2], values[3]) = (state.Tick, state.CompletedCycles, a.NodeCount, a.PredictorCountTotal);
        (values[4], values[5], values[6], values[7]) = (state.Cstruct, cactive, state.WarmCount, state.Commits);
        (values[8], values[9], values[10], values[11]) = (state.Displacements, state.Prunes, state.Splits, state.GammaScale);
        for (int c = 0; c < a.ChannelCount; c++)
            (values[BlockMetrics.Length + 2 * c], values[BlockMetrics.Length + 2 * c + 1]) = (a.CycleMse[c], a.CycleNrmse[c]);
    }
}
