using System.Diagnostics.CodeAnalysis;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>Argument checks and their exceptions.</summary>
public sealed partial class Region
{
    private Entity SlotLayer(int layer)
    {
        var entity = LayerEntity(layer);
        var kind = World.Get<LayerInfo>(entity).Kind;
        if (kind != LayerKind.Standard)
            throw new ArgumentException($"Layer {layer} is an {kind} layer, not a layer of slot neurons.", nameof(layer));
        return entity;
    }

    private int CheckNeuron(Entity layer, int index, int neuron)
    {
        int count = World.GetTable(World.Get<LayerState>(layer).Neurons).Count;
        if ((uint)neuron >= (uint)count)
            throw new ArgumentOutOfRangeException(nameof(neuron), neuron, $"Layer {index} has {count} neurons.");
        return neuron;
    }

    private void CheckTractEnds(int source, int destination)
    {
        var from = Layer(source);
        var to = Layer(destination);
        if (from.Kind == LayerKind.Output2D)
            throw new ArgumentException($"Layer {source} is an OutputLayer2D, a sink: it cannot be a tract source.", nameof(source));
        if (to.Kind == LayerKind.Input2D)
            throw new ArgumentException($"Layer {destination} is an InputLayer2D, fed only by its port: it cannot be a tract destination.", nameof(destination));
        if (from.Kind == LayerKind.Input2D && World.Get<LayerState>(LayerEntity(source)).Staging == FrameStaging.FireCountOnly)
            throw new InvalidOperationException($"A frame is staged on layer {source} without its pixels (it had no outgoing edges); run World.Step() before wiring it.");
    }

    private void CheckWindow(int source, int destination, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth, WindowPadding padding)
    {
        CheckTractEnds(source, destination);
        var input = Layer(source);
        if (input.Kind != LayerKind.Input2D)
            throw new ArgumentException($"Windowed wiring starts at an InputLayer2D; layer {source} is {input.Kind}.", nameof(source));
        ArgumentOutOfRangeException.ThrowIfLessThan(kernelHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(kernelWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(strideHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(strideWidth, 1);
        if (!Enum.IsDefined(padding))
            throw new ArgumentOutOfRangeException(nameof(padding), padding, "Padding is Valid or Same.");
        var output = Layer(destination);
        if (output.Kind == LayerKind.Output2D && (output.Height != input.Height || output.Width != input.Width))
            throw new ArgumentException(
                $"Windowed wiring into an OutputLayer2D needs the input's shape {input.Height}×{input.Width}; layer {destination} is {output.Height}×{output.Width}.",
                nameof(destination));
    }

    private void ThrowIfTicking()
    {
        if (World.Scheduler.IsRunning)
            ThrowTicking();
    }

    private static void ValidateShape(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if ((long)height * width > int.MaxValue)
            throw new ArgumentException($"A {height}×{width} layer has more pixels than a table can hold.");
    }

    [DoesNotReturn]
    private void ThrowNoLayer(int layer, int count)
        => throw new ArgumentOutOfRangeException(nameof(layer), layer, $"Region '{Name}' has no layer {layer} (it has {count}).");

    [DoesNotReturn]
    private void ThrowUnknownPort(string port)
        => throw new ArgumentException($"Region '{Name}' has no input port '{port}'.", nameof(port));

    [DoesNotReturn]
    private static void ThrowWrongPortKind(string port, PortKind kind)
        => throw new ArgumentException(kind == PortKind.Input2D
            ? $"Port '{port}' takes image frames: use SetFrame (or write the port)."
            : $"Port '{port}' takes scalar values: use SetInput (or write the port).", nameof(port));

    [DoesNotReturn]
    private static void ThrowNotFinite(string port, double value)
        => throw new ArgumentException($"Input for port '{port}' must be a finite number, not {value}.", nameof(value));

    [DoesNotReturn]
    private static void ThrowTicking()
        => throw new InvalidOperationException("A region cannot be changed while a tick runs.");
}
