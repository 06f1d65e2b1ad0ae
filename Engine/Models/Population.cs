namespace GrowNet.Ecs.Engine.Models;

/// <summary>
/// The handle of one population (a pool, a region, a topology block, …): one entity with its
/// tables. Every family's facade derives from it, so the runner, links, recorders and the codec
/// treat all families alike: ports by name or index, metrics by name. Handles hold no state of
/// their own; everything lives in the world.
/// </summary>
public abstract class Population
{
    /// <summary>Wraps the population entity <paramref name="entity"/> of <paramref name="world"/>.</summary>
    protected Population(World world, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(world);
        World = world;
        Entity = entity;
    }

    /// <summary>The world holding the population.</summary>
    public World World { get; }

    /// <summary>The population entity.</summary>
    public Entity Entity { get; }

    /// <summary>The population's name (unique among the world's populations).</summary>
    public string Name => World.Names.Get(Entity);

    /// <summary>The family name (e.g. <c>pool</c>).</summary>
    public abstract string Family { get; }

    /// <summary>Whether the population still exists.</summary>
    public bool IsAlive => World.IsAlive(Entity);

    /// <summary>Number of ports.</summary>
    public abstract int PortCount { get; }

    /// <summary>Port <paramref name="index"/> as it is now (its length follows growth).</summary>
    public abstract PortDescriptor Port(int index);

    /// <summary>Names of the population's metrics, in the order <see cref="ReadMetrics"/> writes them.</summary>
    public abstract IReadOnlyList<string> MetricNames { get; }

    /// <summary>Writes the current metric values, one per <see cref="MetricNames"/> entry.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than <see cref="MetricNames"/>.</exception>
    public void ReadMetrics(Span<double> values)
    {
        if (values.Length < MetricNames.Count)
            throw new ArgumentException($"Population '{Name}' has {MetricNames.Count} metrics; the destination holds {values.Length}.", nameof(values));
        ReadMetricsCore(values);
    }

    /// <summary>The index of the port named <paramref name="name"/>, or −1.</summary>
    public int FindPort(string name)
    {
        for (int i = 0; i < PortCount; i++)
            if (string.Equals(Port(i).Name, name, StringComparison.Ordinal))
                return i;
        return -1;
    }

    /// <summary>The index of the port named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such port; the message lists the population's ports.</exception>
    public int PortIndex(string name)
    {
        int index = FindPort(name);
        if (index < 0)
        {
            var names = new string[PortCount];
            for (int i = 0; i < names.Length; i++)
                names[i] = Port(i).Name;
            throw new ArgumentException($"{Family} '{Name}' has no port '{name}'; its ports are: {string.Join(", ", names)}.", nameof(name));
        }

        return index;
    }

    /// <summary>
    /// Reads elements <c>start .. start + destination.Length</c> of port <paramref name="port"/>
    /// as doubles (bools as 0/1). Inputs read back what is staged. Allocates nothing. A remote
    /// population reads a range another rank sends from the world (<see cref="World.HoldRemotePort"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The port or the range is outside the population's ports.</exception>
    public void ReadPort(int port, int start, Span<double> destination)
    {
        // A remote population's ports read across ranks come from the exchange (docs/distributed.md).
        if (World.HasRemoteEntities && World.TryReadRemotePort(Entity, port, start, destination))
            return;
        var descriptor = CheckedPort(port, start, destination.Length);
        ReadPortCore(port, descriptor, start, destination);
    }

    /// <summary>
    /// Writes the element indices (absolute, ascending) of the non-zero elements of port
    /// <paramref name="port"/> in <c>start .. start + width</c> into <paramref name="indices"/> and
    /// returns how many there are: a pool's spikes, read without one double per cell. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The port or the range is outside the population's ports.</exception>
    /// <exception cref="ArgumentException"><paramref name="indices"/> is shorter than <paramref name="width"/>.</exception>
    public int ReadNonZero(int port, int start, int width, Span<int> indices)
    {
        var descriptor = CheckedPort(port, start, width);
        if (indices.Length < width)
            throw new ArgumentException($"The index buffer holds {indices.Length} elements; the range has {width}.", nameof(indices));
        return ReadNonZeroCore(port, descriptor, start, width, indices);
    }

    /// <summary>
    /// The image shape of port <paramref name="port"/> when its elements are a 2D frame in row-major
    /// order (a region's image input or OutputLayer2D frame), else null. Reports draw such ports as images.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such port.</exception>
    public FrameShape? PortFrameShape(int port)
    {
        CheckedPort(port, 0, 0);
        return FrameShapeCore(port);
    }

    /// <summary>Reads the whole port named <paramref name="port"/> into a new array.</summary>
    public double[] ReadPort(string port)
    {
        int index = PortIndex(port);
        var values = new double[Port(index).Length];
        ReadPort(index, 0, values);
        return values;
    }

    /// <summary>
    /// Writes <paramref name="values"/> to elements <c>start ..</c> of input port
    /// <paramref name="port"/>, converted to the port's element type (<see cref="PortValues"/>).
    /// Every value is checked before anything is written. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The port or the range is outside the population's ports.</exception>
    /// <exception cref="ArgumentException">The port is an output, or a value is NaN or infinite.</exception>
    public void WritePort(int port, int start, ReadOnlySpan<double> values)
    {
        var descriptor = CheckedPort(port, start, values.Length);
        if (descriptor.Direction != PortDirection.Input)
            throw new ArgumentException($"Port '{Name}/{descriptor.Name}' is an output; only inputs can be written.", nameof(port));
        PortValues.ThrowIfNotFinite(values, Name, descriptor.Name);
        WritePortCore(port, descriptor, start, values);
    }

    /// <summary>Writes the whole input port named <paramref name="port"/>.</summary>
    public void WritePort(string port, ReadOnlySpan<double> values) => WritePort(PortIndex(port), 0, values);

    /// <summary>Reads a checked range of a port (the family's part of <see cref="ReadPort(int,int,Span{double})"/>).</summary>
    protected abstract void ReadPortCore(int port, in PortDescriptor descriptor, int start, Span<double> destination);

    /// <summary>
    /// The family's part of <see cref="ReadNonZero"/> (a checked range, a long enough buffer). This
    /// default reads the range through <see cref="ReadPortCore"/> in chunks on the stack; a family
    /// that keeps the non-zero elements anyway (a pool's spike list) overrides it.
    /// </summary>
    protected virtual int ReadNonZeroCore(int port, in PortDescriptor descriptor, int start, int width, Span<int> indices)
    {
        Span<double> chunk = stackalloc double[256];
        int count = 0;
        for (int at = 0; at < width; at += chunk.Length)
        {
            var part = chunk[..Math.Min(chunk.Length, width - at)];
            ReadPortCore(port, descriptor, start + at, part);
            for (int i = 0; i < part.Length; i++)
            {
                indices[count] = start + at + i;
                count += part[i] != 0 ? 1 : 0; // branch-free: spikes are too irregular to predict
            }
        }

        return count;
    }

    /// <summary>
    /// Whether writing the whole input port <paramref name="port"/> leaves it exactly as if it had
    /// been written with zeros first (a plain replacement). The network's Input phase then skips
    /// resetting such a port to 0 when the first write of the tick covers all of it. False by
    /// default: a family whose writes add into state or stage frames keeps the reset.
    /// </summary>
    public bool WholeWriteReplaces(int port) => (uint)port < (uint)PortCount && WholeWriteReplacesCore(port);

    /// <summary>The family's part of <see cref="WholeWriteReplaces"/> (a valid port index).</summary>
    protected virtual bool WholeWriteReplacesCore(int port) => false;

    /// <summary>The family's part of <see cref="PortFrameShape"/> (a valid port index); by default no port is a frame.</summary>
    protected virtual FrameShape? FrameShapeCore(int port) => null;

    /// <summary>Writes a checked range of finite values to an input port.</summary>
    protected abstract void WritePortCore(int port, in PortDescriptor descriptor, int start, ReadOnlySpan<double> values);

    /// <summary>Writes the metric values (the destination is long enough).</summary>
    protected abstract void ReadMetricsCore(Span<double> values);

    private PortDescriptor CheckedPort(int port, int start, int length)
    {
        if ((uint)port >= (uint)PortCount)
            throw new ArgumentOutOfRangeException(nameof(port), port, $"{Family} '{Name}' has {PortCount} ports.");
        var descriptor = Port(port);
        if (start < 0 || length < 0 || start > descriptor.Length - length)
            throw new ArgumentOutOfRangeException(nameof(start), start,
                $"Range [{start}..{start + length}) is outside port '{Name}/{descriptor.Name}' of length {descriptor.Length}.");
        return descriptor;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Family} '{Name}'";
}
