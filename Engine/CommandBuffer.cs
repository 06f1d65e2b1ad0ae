using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Engine;

/// <summary>
/// Records structural changes (create and destroy entities, add, set and remove components,
/// add, remove and resize rows of population tables) while systems iterate, and applies them
/// in recording order at the next phase boundary. Entities created through the buffer get their
/// handle at once; they become alive when the buffer is played back.
/// Steady state records into reused arrays: no allocation per tick.
/// </summary>
public sealed class CommandBuffer
{
    private enum Kind : byte
    {
        Create,
        Destroy,
        Set,
        Remove,
        AddRows,
        RemoveRows,
        Resize,
    }

    private struct Command
    {
        public Kind Kind;
        public Entity Entity;
        public TableHandle Table;
        public ComponentSet Set;
        public int KeyId;
        public int First;
        public int Second;
    }

    private readonly World world;
    private Command[] commands = new Command[16];
    private byte[] payload = new byte[256];
    private int count;
    private int payloadLength;

    internal CommandBuffer(World world) => this.world = world;

    /// <summary>Number of commands waiting.</summary>
    public int Count => count;

    /// <summary>Records the creation of an entity with the (zeroed) components of <paramref name="set"/>.</summary>
    /// <returns>The handle the entity will have; it is alive after playback.</returns>
    public Entity Create(in ComponentSet set)
    {
        var entity = world.Reserve();
        Append(new Command { Kind = Kind.Create, Entity = entity, Set = set });
        return entity;
    }

    /// <summary>Records the destruction of an entity.</summary>
    public void Destroy(Entity entity) => Append(new Command { Kind = Kind.Destroy, Entity = entity });

    /// <summary>Records setting component <typeparamref name="T"/> (added when missing).</summary>
    public void Set<T>(Entity entity, in T value) where T : unmanaged
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (payloadLength + size > payload.Length)
            Array.Resize(ref payload, Math.Max(payload.Length * 2, payloadLength + size));
        MemoryMarshal.Write(payload.AsSpan(payloadLength, size), in value);
        Append(new Command { Kind = Kind.Set, Entity = entity, KeyId = ComponentType<T>.Id, First = payloadLength, Second = size });
        payloadLength += size;
    }

    /// <summary>Records removing component <typeparamref name="T"/>.</summary>
    public void Remove<T>(Entity entity) where T : unmanaged
        => Append(new Command { Kind = Kind.Remove, Entity = entity, KeyId = ComponentType<T>.Id });

    /// <summary>Records appending <paramref name="rows"/> zeroed rows to a population table.</summary>
    public void AddRows(TableHandle table, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        Append(new Command { Kind = Kind.AddRows, Table = table, First = rows });
    }

    /// <summary>Records a stable removal of rows [start, start+length) from a population table.</summary>
    public void RemoveRows(TableHandle table, int start, int length)
        => Append(new Command { Kind = Kind.RemoveRows, Table = table, First = start, Second = length });

    /// <summary>Records setting a population table's row count.</summary>
    public void Resize(TableHandle table, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        Append(new Command { Kind = Kind.Resize, Table = table, First = rows });
    }

    /// <summary>
    /// Applies every recorded command in recording order and clears the buffer. Called by the
    /// scheduler at each phase boundary; a host may call it between ticks.
    /// </summary>
    public void Playback()
    {
        world.ThrowIfIterating();
        // Commands recorded while playing back (none today) would land after this batch.
        int index = 0;
        try
        {
            for (; index < count; index++)
                Apply(in commands[index]);
        }
        finally
        {
            // After a failure the remaining commands are dropped; their reserved slots are freed.
            ReleaseReservations(index + 1);
            count = 0;
            payloadLength = 0;
        }
    }

    /// <summary>Drops every recorded command; entities reserved by them are never created (their handles stay dead).</summary>
    public void Clear()
    {
        ReleaseReservations(0);
        count = 0;
        payloadLength = 0;
    }

    private void ReleaseReservations(int from)
    {
        for (int i = from; i < count; i++)
        {
            if (commands[i].Kind == Kind.Create)
                world.ReleaseReservation(commands[i].Entity);
        }
    }

    private void Apply(in Command command)
    {
        switch (command.Kind)
        {
            case Kind.Create:
                if (!world.IsReserved(command.Entity))
                    throw new InvalidOperationException($"{command.Entity} was already created or destroyed.");
                world.Materialize(command.Entity, command.Set);
                break;
            case Kind.Destroy:
                world.Destroy(command.Entity);
                break;
            case Kind.Set:
                SetRaw(command.Entity, command.KeyId, payload.AsSpan(command.First, command.Second));
                break;
            case Kind.Remove:
                world.RemoveById(command.Entity, command.KeyId);
                break;
            case Kind.AddRows:
                world.AddRows(command.Table, command.First);
                break;
            case Kind.RemoveRows:
                world.RemoveRows(command.Table, command.First, command.Second);
                break;
            case Kind.Resize:
                world.ResizeTable(command.Table, command.First);
                break;
        }
    }

    private void SetRaw(Entity entity, int keyId, ReadOnlySpan<byte> bytes)
    {
        world.EnsureComponent(entity, keyId);
        var (table, row) = world.Locate(entity);
        table.GetColumn(keyId).WriteRow(row, bytes);
    }

    private void Append(in Command command)
    {
        if (count == commands.Length)
            Array.Resize(ref commands, count * 2);
        commands[count++] = command;
    }
}
