using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The region's ports (network.md, "Ports") and metrics. Port order: the bus inputs
/// <c>inhibition</c> and <c>modulation</c> (float64[1], a write pulses the region and every
/// layer bus for the coming tick; reads give the region bus); every input binding in port order
/// by its name (scalar: float64[1], staged for the next step, reads 0 when nothing is staged;
/// image: float64[H·W], written whole, reads the staged pixels when the layer keeps them, else 0);
/// per layer <c>L{i}.fired</c> bool[n] (slot layers: whether the neuron's last input fired it)
/// or <c>L{i}.frame</c> float64[H·W] (OutputLayer2D), and <c>L{i}.fires</c> int[1] (fires of the
/// last tick); then every metric as a float64[1] output of the same name.
/// </summary>
public sealed partial class Region
{
    /// <summary>Index of the bus input <c>inhibition</c>.</summary>
    public const int InhibitionPort = 0;

    /// <summary>Index of the bus input <c>modulation</c>.</summary>
    public const int ModulationPort = 1;

    private const int BusPorts = 2;
    private const int PortsPerLayer = 2;

    private static readonly string[] Metric =
    [
        "step", "delivered_events", "total_slots", "total_synapses", "grown_neurons", "grown_layers", "pruned_synapses", "pruned_edges",
        "layers", "tracts", "active_pixels", "centroid_row", "centroid_col", "bbox_row_min", "bbox_row_max", "bbox_col_min", "bbox_col_max",
    ];

    private static readonly object NameLock = new();
    private static string[][] layerPortNames = [];

    /// <inheritdoc />
    public override int PortCount => BusPorts + InputBindingCount() + PortsPerLayer * LayerCount + Metric.Length;

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricNames => Metric;

    /// <inheritdoc />
    public override PortDescriptor Port(int index)
    {
        var at = Locate(index);
        return Describe(in at);
    }

    /// <inheritdoc />
    protected override void ReadPortCore(int port, in PortDescriptor descriptor, int start, Span<double> destination)
    {
        if (destination.Length == 0)
            return;
        var at = Locate(port);
        switch (at.Kind)
        {
            case PortSlot.Bus:
                if (destination.Length > 0)
                    destination[0] = at.Index == InhibitionPort ? Bus.Inhibition : Bus.Modulation;
                break;
            case PortSlot.ScalarInput:
                if (destination.Length > 0)
                {
                    var binding = World.Get<RegionPortBinding>(at.Entity);
                    destination[0] = binding.Staged ? binding.StagedValue : 0;
                }

                break;
            case PortSlot.FrameInput:
                ReadStagedFrame(at.Entity, start, destination);
                break;
            case PortSlot.Fired:
                var neurons = World.GetTable(World.Get<LayerState>(LayerEntity(at.Index)).Neurons).Span(RegionColumns.NeuronFlags);
                for (int i = 0; i < destination.Length; i++)
                    destination[i] = PortValues.FromBool((neurons[start + i] & NeuronFlags.FiredLast) != 0);
                break;
            case PortSlot.Frame:
                var frame = World.GetTable(World.Get<LayerState>(LayerEntity(at.Index)).Pixels).Span(RegionColumns.PixelValue);
                frame.Slice(start, destination.Length).CopyTo(destination);
                break;
            case PortSlot.Fires:
                if (destination.Length > 0)
                    destination[0] = FiredCount(at.Index);
                break;
            default:
                if (destination.Length > 0)
                    destination[0] = MetricValue(at.Index);
                break;
        }
    }

    /// <inheritdoc />
    protected override void WritePortCore(int port, in PortDescriptor descriptor, int start, ReadOnlySpan<double> values)
    {
        var at = Locate(port);
        if (values.Length == 0)
            return;
        switch (at.Kind)
        {
            // Port writes skip the between-ticks check of the public setters: the network writes them
            // during a tick (Input phase, before RegionEntrySystem consumes what is staged).
            case PortSlot.Bus when at.Index == InhibitionPort:
                SetBusInhibition(values[0]);
                break;
            case PortSlot.Bus:
                SetBusModulation(values[0]);
                break;
            case PortSlot.ScalarInput:
                StageInput(descriptor.Name, values[0]);
                break;
            default:
                // A frame is staged whole (its fire count and spatial metrics are of the whole frame).
                if (start != 0 || values.Length != descriptor.Length)
                    throw new ArgumentException(
                        $"Port '{Name}/{descriptor.Name}' takes whole frames of {descriptor.Length} pixels; [{start}..{start + values.Length}) is part of one.",
                        nameof(values));
                StageFrame(descriptor.Name, values);
                break;
        }
    }

    /// <inheritdoc />
    protected override void ReadMetricsCore(Span<double> values)
    {
        for (int i = 0; i < Metric.Length; i++)
            values[i] = MetricValue(i);
    }

    private double MetricValue(int metric)
    {
        ref readonly var m = ref Metrics;
        return metric switch
        {
            0 => m.Step,
            1 => m.DeliveredEvents,
            2 => m.TotalSlots,
            3 => m.TotalSynapses,
            4 => m.GrownNeurons,
            5 => m.GrownLayers,
            6 => m.PrunedSynapses,
            7 => m.PrunedEdges,
            8 => LayerCount,
            9 => TractCount,
            10 => m.HasSpatial ? m.Spatial.ActivePixels : 0,
            11 => m.HasSpatial ? m.Spatial.CentroidRow : 0,
            12 => m.HasSpatial ? m.Spatial.CentroidCol : 0,
            13 => m.HasSpatial ? m.Spatial.RowMin : 0,
            14 => m.HasSpatial ? m.Spatial.RowMax : -1,
            15 => m.HasSpatial ? m.Spatial.ColMin : 0,
            _ => m.HasSpatial ? m.Spatial.ColMax : -1,
        };
    }

    /// <inheritdoc />
    protected override FrameShape? FrameShapeCore(int port)
    {
        var at = Locate(port);
        int layer;
        if (at.Kind == PortSlot.Frame)
            layer = at.Index;
        else if (at.Kind == PortSlot.FrameInput && World.GetTable(World.Get<RegionPortBinding>(at.Entity).Bindings).Span(RegionColumns.PortLayer) is { Length: > 0 } bound)
            layer = bound[0];
        else
            return null;
        var info = Layer(layer);
        return info.Height > 0 && info.Width > 0 ? new FrameShape(info.Height, info.Width) : null;
    }

    private void ReadStagedFrame(Entity port, int start, Span<double> destination)
    {
        var bindings = World.GetTable(World.Get<RegionPortBinding>(port).Bindings).Span(RegionColumns.PortLayer);
        foreach (int layer in bindings)
        {
            var state = World.Get<LayerState>(LayerEntity(layer));
            if (state.Staging != FrameStaging.Pixels)
                continue;
            World.GetTable(state.Pixels).Span(RegionColumns.PixelValue).Slice(start, destination.Length).CopyTo(destination);
            return;
        }

        destination.Clear();
    }

    private int InputBindingCount()
    {
        int count = 0;
        foreach (var entity in RegionAccess.Ports(World, State))
            if (World.Get<RegionPortBinding>(entity).Kind != PortKind.Output)
                count++;
        return count;
    }

    private PortLocation Locate(int index)
    {
        if (index < 0)
            ThrowNoPort(index);
        if (index < BusPorts)
            return new PortLocation(PortSlot.Bus, index, Entity.Null);
        int rest = index - BusPorts;
        foreach (var entity in RegionAccess.Ports(World, State))
        {
            var kind = World.Get<RegionPortBinding>(entity).Kind;
            if (kind == PortKind.Output)
                continue;
            if (rest == 0)
                return new PortLocation(kind == PortKind.Input ? PortSlot.ScalarInput : PortSlot.FrameInput, 0, entity);
            rest--;
        }

        int layers = LayerCount;
        if (rest < PortsPerLayer * layers)
        {
            int layer = rest / PortsPerLayer;
            var slot = rest % PortsPerLayer != 0 ? PortSlot.Fires : Layer(layer).Kind == LayerKind.Output2D ? PortSlot.Frame : PortSlot.Fired;
            return new PortLocation(slot, layer, Entity.Null);
        }

        rest -= PortsPerLayer * layers;
        if (rest >= Metric.Length)
            ThrowNoPort(index);
        return new PortLocation(PortSlot.Metric, rest, Entity.Null);
    }

    private PortDescriptor Describe(in PortLocation at)
    {
        switch (at.Kind)
        {
            case PortSlot.Bus:
                return new(at.Index == InhibitionPort ? "inhibition" : "modulation", PortDirection.Input, PortElement.Float64, 1);
            case PortSlot.ScalarInput:
                return new(World.Names.Get(at.Entity), PortDirection.Input, PortElement.Float64, 1);
            case PortSlot.FrameInput:
                var bindings = World.GetTable(World.Get<RegionPortBinding>(at.Entity).Bindings).Span(RegionColumns.PortLayer);
                int pixels = bindings.Length == 0 ? 0 : NeuronCount(bindings[0]);
                return new(World.Names.Get(at.Entity), PortDirection.Input, PortElement.Float64, pixels);
            case PortSlot.Fired:
                // An InputLayer2D keeps no per-pixel fire state: its fired port is empty.
                int neurons = Layer(at.Index).Kind == LayerKind.Standard ? NeuronCount(at.Index) : 0;
                return new(LayerPortNames(at.Index)[0], PortDirection.Output, PortElement.Bool, neurons);
            case PortSlot.Frame:
                return new(LayerPortNames(at.Index)[1], PortDirection.Output, PortElement.Float64, NeuronCount(at.Index));
            case PortSlot.Fires:
                return new(LayerPortNames(at.Index)[2], PortDirection.Output, PortElement.Int32, 1);
            default:
                return new(Metric[at.Index], PortDirection.Output, PortElement.Float64, 1);
        }
    }

    /// <summary>The cached names <c>L{i}.fired</c>, <c>L{i}.frame</c>, <c>L{i}.fires</c> (built once per index, so reading ports allocates nothing).</summary>
    private static string[] LayerPortNames(int layer)
    {
        var names = Volatile.Read(ref layerPortNames);
        if (layer < names.Length)
            return names[layer];
        lock (NameLock)
        {
            names = layerPortNames;
            if (layer >= names.Length)
            {
                var grown = new string[Math.Max(layer + 1, names.Length * 2)][];
                names.CopyTo(grown, 0);
                for (int i = names.Length; i < grown.Length; i++)
                    grown[i] = [$"L{i}.fired", $"L{i}.frame", $"L{i}.fires"];
                Volatile.Write(ref layerPortNames, grown);
                names = grown;
            }
        }

        return names[layer];
    }

    private void ThrowNoPort(int index)
        => throw new ArgumentOutOfRangeException(nameof(index), index, $"Region '{Name}' has {PortCount} ports.");

    /// <summary>What a port index stands for.</summary>
    private enum PortSlot : byte
    {
        Bus,
        ScalarInput,
        FrameInput,
        Fired,
        Frame,
        Fires,
        Metric,
    }

    /// <summary>A located port: its kind, the layer/metric/bus index, and the binding entity of an input.</summary>
    private readonly record struct PortLocation(PortSlot Kind, int Index, Entity Entity);
}
