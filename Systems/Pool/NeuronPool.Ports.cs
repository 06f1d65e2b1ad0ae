using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>The pool's ports (network.md, "Ports") and metrics.</summary>
public sealed partial class NeuronPool
{
    /// <summary>Index of the output port <c>spikes</c>: bool[N], whether each cell spiked on the last tick.</summary>
    public const int SpikesPort = 0;
    /// <summary>Index of the output port <c>trace</c>: i8[N], the post-synaptic traces.</summary>
    public const int TracePort = 1;
    /// <summary>Index of the output port <c>spikeCount</c>: int[1], spikes on the last tick.</summary>
    public const int SpikeCountPort = 2;
    /// <summary>Index of the input port <c>current</c>: i16[N], the held tick input (<see cref="SetInput"/>).</summary>
    public const int CurrentPort = 3;
    /// <summary>
    /// Index of the input port <c>inject</c>: i16[N], one-shot: a written value is added to the
    /// cell's membrane at once (saturating), as <see cref="Inject"/> does; it reads back as 0.
    /// </summary>
    public const int InjectPort = 4;

    private static readonly string[] Metrics = ["cells", "synapses", "tick", "spikes", "hot", "warm", "cool", "cold", "dead"];

    /// <inheritdoc />
    public override int PortCount => 5;

    /// <inheritdoc />
    public override PortDescriptor Port(int index)
    {
        int cells = CellCount;
        return index switch
        {
            SpikesPort => new("spikes", PortDirection.Output, PortElement.Bool, cells),
            TracePort => new("trace", PortDirection.Output, PortElement.Int8, cells),
            SpikeCountPort => new("spikeCount", PortDirection.Output, PortElement.Int32, 1),
            CurrentPort => new("current", PortDirection.Input, PortElement.Int16, cells),
            InjectPort => new("inject", PortDirection.Input, PortElement.Int16, cells),
            _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"Pool '{Name}' has {PortCount} ports."),
        };
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricNames => Metrics;

    /// <inheritdoc />
    protected override void ReadPortCore(int port, in PortDescriptor descriptor, int start, Span<double> destination)
    {
        var view = View();
        switch (port)
        {
            case SpikesPort:
                for (int i = 0; i < destination.Length; i++)
                    destination[i] = view.SpikeOut[start + i];
                break;
            case TracePort:
                for (int i = 0; i < destination.Length; i++)
                    destination[i] = view.Trace[start + i];
                break;
            case SpikeCountPort:
                if (destination.Length > 0)
                    destination[0] = State.LastSpikeCount;
                break;
            case CurrentPort:
                for (int i = 0; i < destination.Length; i++)
                    destination[i] = start + i < State.InputLength ? view.Input[start + i] : 0;
                break;
            default:
                destination.Clear();
                break;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The spikes port scans the cells' spike flags a vector at a time (<see cref="SpikeFlagScan"/>)
    /// instead of converting every flag to a double. (The tick's spike list would be shorter still,
    /// but a loaded world does not promise it is ordered; the flags are what
    /// <see cref="ReadPortCore"/> reads, so both reads agree by construction.)
    /// </remarks>
    protected override int ReadNonZeroCore(int port, in PortDescriptor descriptor, int start, int width, Span<int> indices)
        => port == SpikesPort
            ? SpikeFlagScan.NonZero(View().SpikeOut.Slice(start, width), start, indices)
            : base.ReadNonZeroCore(port, descriptor, start, width, indices);

    /// <inheritdoc />
    /// <remarks>The current port holds what was last written (the membrane port adds instead).</remarks>
    protected override bool WholeWriteReplacesCore(int port) => port == CurrentPort;

    /// <inheritdoc />
    protected override void WritePortCore(int port, in PortDescriptor descriptor, int start, ReadOnlySpan<double> values)
    {
        var view = View();
        if (port == CurrentPort)
        {
            int end = start + values.Length;
            PortValues.ToInt16(values, view.Input.Slice(start, values.Length));
            MutableState.InputLength = Math.Max(State.InputLength, end);
            return;
        }

        for (int i = 0; i < values.Length; i++)
            view.Membrane[start + i] = Saturating.ToInt16(view.Membrane[start + i] + PortValues.ToInt16(values[i]));
    }

    /// <inheritdoc />
    protected override void ReadMetricsCore(Span<double> values)
    {
        var thermal = Thermal();
        values[0] = CellCount;
        values[1] = SynapseCount;
        values[2] = State.TickCount;
        values[3] = State.LastSpikeCount;
        values[4] = thermal.Hot;
        values[5] = thermal.Warm;
        values[6] = thermal.Cool;
        values[7] = thermal.Cold;
        values[8] = thermal.Dead;
    }
}
