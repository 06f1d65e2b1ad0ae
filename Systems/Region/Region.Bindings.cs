using CommunityToolkit.HighPerformance;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>Port bindings and staged inputs: what the host sets before a <see cref="World.Step"/>.</summary>
public sealed partial class Region
{
    /// <summary>Rows of the last pitched 2D frame staged, gathered (reused: staging allocates nothing once grown).</summary>
    private double[] pitchedFrame = [];

    /// <summary>Binds (or rebinds) scalar input <paramref name="port"/> to slot layers.</summary>
    public void BindInput(string port, params int[] layers) => Bind(port, PortKind.Input, layers);

    /// <summary>Binds (or rebinds) image input <paramref name="port"/> to InputLayer2D layers of one shape.</summary>
    public void BindInput2D(string port, params int[] layers) => Bind(port, PortKind.Input2D, layers);

    /// <summary>Binds (or rebinds) output <paramref name="port"/> to layers.</summary>
    public void BindOutput(string port, params int[] layers) => Bind(port, PortKind.Output, layers);

    /// <summary>The layers bound to a port (input ports first, then output ports of that name).</summary>
    public int[] PortLayers(string port)
    {
        var entity = FindPort(port, output: false);
        if (entity.IsNull)
            entity = FindPort(port, output: true);
        if (entity.IsNull)
            throw new ArgumentException($"Region '{Name}' has no port '{port}'.", nameof(port));
        return World.GetTable(World.Get<RegionPortBinding>(entity).Bindings).Span(RegionColumns.PortLayer).ToArray();
    }

    /// <summary>Stages <paramref name="value"/> on scalar input <paramref name="port"/> for the next <see cref="World.Step"/>.</summary>
    public void SetInput(string port, double value)
    {
        ThrowIfTicking();
        StageInput(port, value);
    }

    /// <summary>Stages <paramref name="value"/> on scalar input <paramref name="port"/>; also reached from a port write, which the network's Input phase makes before the region's entry consumes it.</summary>
    private void StageInput(string port, double value)
    {
        ref var info = ref InputPort(port, PortKind.Input);
        if (!double.IsFinite(value))
            ThrowNotFinite(port, value);
        info.Staged = true;
        info.StagedValue = value;
    }

    /// <summary>Stages a frame (row-major height × width) on image input <paramref name="port"/> for the next <see cref="World.Step"/>.</summary>
    public void SetFrame(string port, ReadOnlySpan<double> frame)
    {
        ThrowIfTicking();
        StageFrame(port, frame);
    }

    /// <summary>Stages a frame on image input <paramref name="port"/>; also reached from a port write (see <see cref="StageInput"/>).</summary>
    private void StageFrame(string port, ReadOnlySpan<double> frame)
    {
        ref var info = ref InputPort(port, PortKind.Input2D);
        var bindings = World.GetTable(info.Bindings).Span(RegionColumns.PortLayer);
        if (bindings.Length > 0)
        {
            var first = Layer(bindings[0]);
            if (frame.Length != (long)first.Height * first.Width)
                throw new ArgumentException(
                    $"Frame for port '{port}' has {frame.Length} values; the bound InputLayer2D is {first.Height}×{first.Width} = {first.Height * first.Width}.",
                    nameof(frame));
            stager.Stage(World, Config, bindings, RegionAccess.Layers(World, State), frame, port);
        }

        info.Staged = true;
    }

    /// <summary>Stages a [height, width] frame on image input <paramref name="port"/>.</summary>
    public void SetFrame(string port, double[,] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        SetFrame(port, new ReadOnlySpan2D<double>(frame));
    }

    /// <summary>
    /// Stages a 2D frame (<see cref="ReadOnlySpan2D{T}.Height"/> × <see cref="ReadOnlySpan2D{T}.Width"/>,
    /// e.g. a host's texture rows with a pitch) on image input <paramref name="port"/> without the host
    /// flattening it. A frame with a pitch is gathered into a buffer the region keeps, so staging
    /// allocates nothing once that buffer has grown to the frame size.
    /// </summary>
    public void SetFrame(string port, ReadOnlySpan2D<double> frame)
    {
        ThrowIfTicking();
        ref var info = ref InputPort(port, PortKind.Input2D);
        var bindings = World.GetTable(info.Bindings).Span(RegionColumns.PortLayer);
        if (bindings.Length > 0)
        {
            var first = Layer(bindings[0]);
            if (frame.Height != first.Height || frame.Width != first.Width)
                throw new ArgumentException(
                    $"Frame for port '{port}' is {frame.Height}×{frame.Width}; the bound InputLayer2D is {first.Height}×{first.Width}.",
                    nameof(frame));
        }

        if (frame.TryGetSpan(out var contiguous))
        {
            SetFrame(port, contiguous);
            return;
        }

        int length = frame.Height * frame.Width;
        if (pitchedFrame.Length < length)
            pitchedFrame = new double[length];
        frame.CopyTo(pitchedFrame);
        SetFrame(port, pitchedFrame.AsSpan(0, length));
    }

    private void Bind(string port, PortKind kind, int[] layers)
    {
        ThrowIfTicking();
        ArgumentException.ThrowIfNullOrEmpty(port);
        ArgumentNullException.ThrowIfNull(layers);
        foreach (int layer in layers)
        {
            var info = Layer(layer);
            if (kind == PortKind.Input && info.Kind != LayerKind.Standard)
                throw new ArgumentException($"Layer {layer} is an {info.Kind} layer; scalar ports bind slot layers (use BindInput2D for images).", nameof(layers));
            if (kind == PortKind.Input2D && info.Kind != LayerKind.Input2D)
                throw new ArgumentException($"Layer {layer} is a {info.Kind} layer; image ports bind InputLayer2D layers.", nameof(layers));
            if (kind == PortKind.Input2D && (info.Height != Layer(layers[0]).Height || info.Width != Layer(layers[0]).Width))
                throw new ArgumentException("Every InputLayer2D bound to one image port must have the same shape.", nameof(layers));
        }

        bool output = kind == PortKind.Output;
        var entity = FindPort(port, output);
        if (entity.IsNull)
        {
            entity = World.Create(ComponentSet.Of<RegionPortBinding>());
            World.Names.Set(entity, port);
            World.Get<RegionPortBinding>(entity) = new RegionPortBinding
            {
                Region = Entity,
                Bindings = World.CreateTable(RegionTables.Bindings.Set, entity),
            };
            int row = World.AddRows(State.Ports, 1);
            RegionAccess.Ports(World, State)[row] = entity;
        }

        ref var info2 = ref World.Get<RegionPortBinding>(entity);
        if (info2.Staged && info2.Kind == PortKind.Input2D)
        {
            // A frame staged through the old binding is dropped with it.
            foreach (int layer in World.GetTable(info2.Bindings).Span(RegionColumns.PortLayer))
                World.Get<LayerState>(LayerEntity(layer)).Staging = FrameStaging.None;
        }

        info2.Kind = kind;
        info2.Staged = false;
        World.ResizeTable(info2.Bindings, layers.Length);
        layers.CopyTo(World.GetTable(info2.Bindings).Span(RegionColumns.PortLayer));
    }

    private Entity FindPort(string port, bool output)
    {
        foreach (var entity in RegionAccess.Ports(World, State))
        {
            var kind = World.Get<RegionPortBinding>(entity).Kind;
            if ((kind == PortKind.Output) == output && World.Names.Get(entity) == port)
                return entity;
        }

        return Entity.Null;
    }

    private ref RegionPortBinding InputPort(string port, PortKind kind)
    {
        ArgumentNullException.ThrowIfNull(port);
        var entity = FindPort(port, output: false);
        if (entity.IsNull)
            ThrowUnknownPort(port);
        ref var info = ref World.Get<RegionPortBinding>(entity);
        if (info.Kind != kind)
            ThrowWrongPortKind(port, info.Kind);
        return ref info;
    }

}
