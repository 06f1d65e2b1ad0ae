using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>The topology block's ports (network.md, "Ports") and metrics.</summary>
public sealed partial class TopologyBlock
{
    /// <summary>Index of the output port <c>activation</c>: float[N], the activations x after the last tick.</summary>
    public const int ActivationPort = 0;
    /// <summary>Index of the input port <c>sensory</c>: float[N], the input u staged for the coming tick (consumed by it, as <see cref="SetInput"/>).</summary>
    public const int SensoryPort = 1;
    /// <summary>Index of the input port <c>reward</c>: float[1], the reward R, held until changed (as <see cref="Reward"/>).</summary>
    public const int RewardPort = 2;

    private static readonly string[] Metrics =
        ["vertices", "edges", "budget", "meanAbsWeight", "activity", "representation", "tick", "pruned", "sprouted", "replaced"];

    /// <inheritdoc />
    public override int PortCount => 3;

    /// <inheritdoc />
    public override PortDescriptor Port(int index)
    {
        int n = VertexCount;
        return index switch
        {
            ActivationPort => new("activation", PortDirection.Output, PortElement.Float32, n),
            SensoryPort => new("sensory", PortDirection.Input, PortElement.Float32, n),
            RewardPort => new("reward", PortDirection.Input, PortElement.Float32, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"Topology block '{Name}' has {PortCount} ports."),
        };
    }

    /// <summary>
    /// Metric names: N, |E|, E_max, mean |W| over the edges, mean |x|, the representation
    /// (0 dense, 1 sparse), ticks completed, and the last tick's pruned, sprouted and replaced edges.
    /// </summary>
    public override IReadOnlyList<string> MetricNames => Metrics;

    /// <inheritdoc />
    protected override void ReadPortCore(int port, in PortDescriptor descriptor, int start, Span<double> destination)
    {
        switch (port)
        {
            case ActivationPort:
                Copy(Activations.Slice(start, destination.Length), destination);
                break;
            case SensoryPort:
                Copy(Input.Slice(start, destination.Length), destination);
                break;
            default:
                if (destination.Length > 0)
                    destination[0] = Reward;
                break;
        }
    }

    /// <inheritdoc />
    protected override void WritePortCore(int port, in PortDescriptor descriptor, int start, ReadOnlySpan<double> values)
    {
        if (port == RewardPort)
        {
            if (values.Length > 0)
                Reward = PortValues.ToFloat32(values[0]);
            return;
        }

        // Values are finite doubles; one beyond float's range would become infinite, so all are checked before any is written.
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(PortValues.ToFloat32(values[i])))
                throw new ArgumentException($"Port '{Name}/{descriptor.Name}': value {i} is {values[i]}, outside float's range.", nameof(values));
        }

        var input = Vertices.Span(TopologyColumns.Input).Slice(start, values.Length);
        for (int i = 0; i < values.Length; i++)
            input[i] = PortValues.ToFloat32(values[i]);
        StateRef.InputPending = true;
    }

    /// <inheritdoc />
    protected override void ReadMetricsCore(Span<double> values)
    {
        var statistics = Statistics();
        values[0] = statistics.Vertices;
        values[1] = statistics.Edges;
        values[2] = statistics.EdgeBudget;
        values[3] = statistics.MeanAbsWeight;
        values[4] = statistics.Activity;
        values[5] = (double)statistics.Representation;
        values[6] = statistics.Tick;
        values[7] = State.LastPruned;
        values[8] = State.LastSprouted;
        values[9] = State.LastReplaced;
    }

    private static void Copy(ReadOnlySpan<float> source, Span<double> destination)
    {
        for (int i = 0; i < source.Length; i++)
            destination[i] = source[i];
    }
}
