using CommunityToolkit.HighPerformance;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>The region builder and inspection: layers and their frames.</summary>
public sealed partial class Region
{
    /// <summary>Adds a layer of E, then I, then M slot neurons with the default slot config; returns its index.</summary>
    public int AddLayer(int excitatory, int inhibitory, int modulatory)
        => AddLayer(excitatory, inhibitory, modulatory, SlotConfig.Default);

    /// <summary>Adds a layer of E, then I, then M slot neurons; returns its index.</summary>
    /// <param name="excitatory">Excitatory neurons (≥ 0).</param>
    /// <param name="inhibitory">Inhibitory neurons (≥ 0).</param>
    /// <param name="modulatory">Modulatory neurons (≥ 0).</param>
    /// <param name="slots">How the layer's neurons select slots and grow.</param>
    /// <param name="neuronLimit">Most neurons the layer may grow to; −1 for none.</param>
    public int AddLayer(int excitatory, int inhibitory, int modulatory, SlotConfig slots, int neuronLimit = -1)
    {
        ThrowIfTicking();
        ArgumentOutOfRangeException.ThrowIfNegative(excitatory);
        ArgumentOutOfRangeException.ThrowIfNegative(inhibitory);
        ArgumentOutOfRangeException.ThrowIfNegative(modulatory);
        ArgumentOutOfRangeException.ThrowIfLessThan(neuronLimit, -1);
        if ((long)excitatory + inhibitory + modulatory > int.MaxValue / SlotRanges.MaxPreallocated)
            throw new ArgumentException("A layer this large would not fit its slot table.");
        slots.Validate();
        return LayerBuilder.AddStandard(World, Entity, excitatory, inhibitory, modulatory, slots, neuronLimit);
    }

    /// <summary>Adds an InputLayer2D: pixel neurons with <c>e = gain * pixel</c> that fire iff <c>|e| ≥ epsilonFire</c>.</summary>
    public int AddInputLayer2D(int height, int width, double gain, double epsilonFire)
    {
        ThrowIfTicking();
        ValidateShape(height, width);
        RegionChecks.Finite(gain, nameof(gain));
        RegionChecks.Finite(epsilonFire, nameof(epsilonFire));
        return LayerBuilder.AddImage(World, Entity, LayerKind.Input2D, height, width, gain, epsilonFire, 0);
    }

    /// <summary>Adds an OutputLayer2D: sink pixels whose frame follows <c>frame = s * frame + (1 − s) * v</c>.</summary>
    public int AddOutputLayer2D(int height, int width, double smoothing)
    {
        ThrowIfTicking();
        ValidateShape(height, width);
        if (double.IsNaN(smoothing) || smoothing < 0 || smoothing > 1)
            throw new ArgumentOutOfRangeException(nameof(smoothing), smoothing, "Smoothing must be a number in [0, 1].");
        return LayerBuilder.AddImage(World, Entity, LayerKind.Output2D, height, width, 0, 0, smoothing);
    }

    /// <summary>What layer <paramref name="layer"/> is.</summary>
    public LayerInfo Layer(int layer) => World.Get<LayerInfo>(LayerEntity(layer));

    /// <summary>The entity of layer <paramref name="layer"/>.</summary>
    public Entity LayerEntity(int layer)
    {
        var layers = RegionAccess.Layers(World, State);
        if ((uint)layer >= (uint)layers.Length)
            ThrowNoLayer(layer, layers.Length);
        return layers[layer];
    }

    /// <summary>Rows of a layer: slot neurons, or pixels of a 2D layer.</summary>
    public int NeuronCount(int layer) => RegionAccess.NeuronCount(World, LayerEntity(layer));

    /// <summary>Fires of a layer's neurons during the last tick.</summary>
    public int FiredCount(int layer) => World.Get<LayerState>(LayerEntity(layer)).FiredCount;

    /// <summary>Fires per layer during the last tick, in layer order.</summary>
    public int[] FiredCounts()
    {
        var counts = new int[LayerCount];
        for (int i = 0; i < counts.Length; i++)
            counts[i] = FiredCount(i);
        return counts;
    }

    /// <summary>The lateral bus of a layer.</summary>
    public BusState LayerBus(int layer) => World.Get<BusState>(LayerEntity(layer));

    /// <summary>The slot config of a layer.</summary>
    public SlotConfig LayerSlotConfig(int layer) => World.Get<SlotConfig>(LayerEntity(layer));

    /// <summary>Replaces a slot layer's slot config (ranges are refitted to the new limit).</summary>
    public void ConfigureSlots(int layer, SlotConfig config)
    {
        ThrowIfTicking();
        var entity = SlotLayer(layer);
        config.Validate();
        World.Get<SlotConfig>(entity) = config;
        SlotRanges.Refit(World, entity);
    }

    /// <summary>Overrides one neuron's slot limit (≤ 0: unlimited), or removes the override with null.</summary>
    public void SetNeuronSlotLimit(int layer, int neuron, int? limit)
    {
        ThrowIfTicking();
        var entity = SlotLayer(layer);
        int row = CheckNeuron(entity, layer, neuron);
        var neurons = World.GetTable(World.Get<LayerState>(entity).Neurons);
        ref var flags = ref neurons.Span(RegionColumns.NeuronFlags)[row];
        flags = limit is null ? flags & ~NeuronFlags.HasSlotLimit : flags | NeuronFlags.HasSlotLimit;
        neurons.Span(RegionColumns.SlotLimit)[row] = limit ?? 0;

        SlotRanges.Refit(World, entity);
    }



    /// <summary>A copy of an OutputLayer2D's frame.</summary>
    public double[,] GetFrame(int layer)
    {
        var info = Layer(layer);
        if (info.Kind != LayerKind.Output2D)
            throw new ArgumentException($"Layer {layer} is {info.Kind}, not an OutputLayer2D.", nameof(layer));
        var frame = new double[info.Height, info.Width];
        CopyFrame(layer, new Span2D<double>(frame));
        return frame;
    }

    /// <summary>Copies an OutputLayer2D's frame (row-major) into <paramref name="destination"/> without allocating.</summary>
    public void CopyFrame(int layer, Span<double> destination)
    {
        var frame = OutputPixels(layer, out _);
        if (destination.Length != frame.Length)
            throw new ArgumentException($"Destination holds {destination.Length} values; the frame has {frame.Length}.", nameof(destination));
        frame.CopyTo(destination);
    }

    /// <summary>
    /// Copies an OutputLayer2D's frame into a 2D <paramref name="destination"/> of its shape (e.g. a
    /// host's texture rows with a pitch) without allocating.
    /// </summary>
    public void CopyFrame(int layer, Span2D<double> destination)
    {
        var frame = OutputPixels(layer, out var info);
        if (destination.Height != info.Height || destination.Width != info.Width)
            throw new ArgumentException(
                $"Destination is {destination.Height}×{destination.Width}; the frame of layer {layer} is {info.Height}×{info.Width}.", nameof(destination));
        for (int row = 0; row < info.Height; row++)
            frame.Slice(row * info.Width, info.Width).CopyTo(destination.GetRowSpan(row));
    }

    /// <summary>A copy of the frame of the first OutputLayer2D bound to output <paramref name="port"/>.</summary>
    public double[,] GetOutputFrame(string port) => GetFrame(OutputFrameLayer(port));

    /// <summary>Copies the frame of the first OutputLayer2D bound to output <paramref name="port"/> into <paramref name="destination"/> without allocating.</summary>
    public void CopyOutputFrame(string port, Span2D<double> destination) => CopyFrame(OutputFrameLayer(port), destination);

    /// <summary>The pixels of OutputLayer2D <paramref name="layer"/> (row-major), or a clear error for any other layer.</summary>
    private Span<double> OutputPixels(int layer, out LayerInfo info)
    {
        var entity = LayerEntity(layer);
        info = World.Get<LayerInfo>(entity);
        if (info.Kind != LayerKind.Output2D)
            throw new ArgumentException($"Layer {layer} is {info.Kind}, not an OutputLayer2D.", nameof(layer));
        return World.GetTable(World.Get<LayerState>(entity).Pixels).Span(RegionColumns.PixelValue);
    }

    /// <summary>The first OutputLayer2D bound to output <paramref name="port"/>.</summary>
    private int OutputFrameLayer(string port)
    {
        var entity = FindPort(port, output: true);
        if (entity.IsNull)
            throw new ArgumentException($"Region '{Name}' has no output port '{port}'.", nameof(port));
        foreach (int layer in World.GetTable(World.Get<RegionPortBinding>(entity).Bindings).Span(RegionColumns.PortLayer))
        {
            if (Layer(layer).Kind == LayerKind.Output2D)
                return layer;
        }

        throw new ArgumentException($"Output port '{port}' has no OutputLayer2D bound.", nameof(port));
    }
}
