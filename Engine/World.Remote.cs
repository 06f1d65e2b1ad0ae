namespace GrowNet.Ecs.Engine;

public sealed partial class World
{
    // Generation of each entity slot marked remote (0 = local), so a reused slot is local again.
    private int[] remoteGenerations = [];
    private int remoteCount;
    private readonly Dictionary<(int Entity, int Port), RemotePort> remotePorts = new();

    /// <summary>
    /// Changes whenever an entity is marked remote or local, so systems that cache lists of
    /// entities can tell when to rebuild them.
    /// </summary>
    public int RemoteVersion { get; private set; }

    /// <summary>Whether any entity is marked remote (a destroyed one counts until its mark is cleared).</summary>
    public bool HasRemoteEntities => remoteCount > 0;

    /// <summary>
    /// Marks a live entity as remote: another process (an MPI rank, docs/distributed.md) owns its
    /// state, and systems that honour the mark skip it. Runtime placement, like the thread count:
    /// it is not world state and is not saved.
    /// </summary>
    public void SetRemote(Entity entity, bool remote)
    {
        ThrowIfNotAlive(entity);
        ThrowIfIterating();
        if (remoteGenerations.Length <= entity.Index)
            Array.Resize(ref remoteGenerations, Math.Max(entity.Index + 1, remoteGenerations.Length * 2));
        bool was = remoteGenerations[entity.Index] == entity.Generation;
        if (was == remote)
            return;
        remoteGenerations[entity.Index] = remote ? entity.Generation : 0;
        remoteCount += remote ? 1 : -1;
        RemoteVersion++;
    }

    /// <summary>
    /// Holds elements <c>start .. start + length</c> of output port <paramref name="port"/> of the
    /// remote population <paramref name="entity"/> as the owning rank sends them (a distributed
    /// run's exchange writes the returned buffer every tick): while the entity is remote,
    /// <see cref="Models.Population.ReadPort(int, int, Span{double})"/> reads that range from here instead of
    /// from the shell's state. Registering the same port again replaces the range.
    /// </summary>
    /// <returns>The buffer the exchange writes the values into (<paramref name="length"/> doubles).</returns>
    public double[] HoldRemotePort(Entity entity, int port, int start, int length)
    {
        ThrowIfNotAlive(entity);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var held = new RemotePort(entity.Generation, start, new double[length]);
        remotePorts[(entity.Index, port)] = held;
        return held.Values;
    }

    /// <summary>Forgets every port range held by <see cref="HoldRemotePort"/>.</summary>
    public void ReleaseRemotePorts() => remotePorts.Clear();

    /// <summary>
    /// Reads elements <c>start ..</c> of port <paramref name="port"/> of <paramref name="entity"/>
    /// from the range held for it (<see cref="HoldRemotePort"/>) when the entity is remote and the
    /// range covers the read; false otherwise (the caller reads the population's own state).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The port is held, but not this range of it.</exception>
    public bool TryReadRemotePort(Entity entity, int port, int start, Span<double> destination)
    {
        if (remotePorts.Count == 0 || !IsRemote(entity) || !remotePorts.TryGetValue((entity.Index, port), out var held)
            || held.Generation != entity.Generation)
            return false;
        if (start < held.Start || start - held.Start > held.Values.Length - destination.Length)
            throw new ArgumentOutOfRangeException(nameof(start), start,
                $"Range [{start}..{start + destination.Length}) of port {port} of {Names.Get(entity)} is not what the owning rank sends "
                + $"([{held.Start}..{held.Start + held.Values.Length})).");
        held.Values.AsSpan(start - held.Start, destination.Length).CopyTo(destination);
        return true;
    }

    /// <summary>Whether <paramref name="entity"/> is marked remote (see <see cref="SetRemote"/>).</summary>
    public bool IsRemote(Entity entity) => remoteCount > 0 && IsMarkedRemote(entity); // one field read in a one-process world: inlined into every system's loop

    private bool IsMarkedRemote(Entity entity)
        => (uint)entity.Index < (uint)remoteGenerations.Length && remoteGenerations[entity.Index] == entity.Generation && IsAlive(entity);

    private readonly record struct RemotePort(int Generation, int Start, double[] Values);
}
