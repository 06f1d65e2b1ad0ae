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

    /// <summary>An entity as the batch leaves it, up to the command being checked.</summary>
    private readonly record struct PlannedEntity(Entity Handle, bool Alive, ComponentSet Set);

    private readonly World world;
    // What the batch does to entities (by index) and population tables' row counts (by table
    // index), simulated before anything is applied; kept and cleared so playback does not allocate.
    private readonly Dictionary<int, PlannedEntity> plannedEntities = [];
    private readonly Dictionary<int, int> plannedRows = [];
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
    public void Set<T>(Entity entity, in T value) where T : unmanaged, IComponent
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (payloadLength + size > payload.Length)
            Array.Resize(ref payload, Math.Max(payload.Length * 2, payloadLength + size));
        MemoryMarshal.Write(payload.AsSpan(payloadLength, size), in value);
        Append(new Command { Kind = Kind.Set, Entity = entity, KeyId = ComponentType<T>.Id, First = payloadLength, Second = size });
        payloadLength += size;
    }

    /// <summary>Records removing component <typeparamref name="T"/>.</summary>
    public void Remove<T>(Entity entity) where T : unmanaged, IComponent
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
    /// <remarks>
    /// All or nothing: the whole batch is checked against the world as the earlier commands of
    /// the batch would leave it before the first command is applied. A batch with a failing
    /// command (a stale or null entity, a repeated create, removing a missing component, a stale
    /// table, rows out of range) throws, naming the command, and is dropped whole: the world is as
    /// it was, and entities reserved by its creates are never created.
    /// </remarks>
    /// <exception cref="InvalidOperationException">A query is running (the commands are kept), or a
    /// command names an entity or table that is not alive at its turn.</exception>
    /// <exception cref="KeyNotFoundException">A command removes a component the entity does not have.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A command removes rows outside its table.</exception>
    public void Playback()
    {
        world.ThrowIfIterating();
        try
        {
            Validate();
        }
        catch
        {
            Clear();
            throw;
        }

        // Commands recorded while playing back (none today) would land after this batch.
        int index = 0;
        try
        {
            for (; index < count; index++)
                Apply(in commands[index]);
        }
        finally
        {
            // Only an out-of-memory can stop a checked batch; the rest is dropped then.
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

    /// <summary>Checks every command against the world as the commands before it leave it; throws at the first that would fail.</summary>
    private void Validate()
    {
        plannedEntities.Clear();
        plannedRows.Clear();
        for (int i = 0; i < count; i++)
        {
            ref readonly var command = ref commands[i];
            var entity = command.Entity;
            switch (command.Kind)
            {
                case Kind.Create:
                    if (!world.IsReserved(entity) || plannedEntities.ContainsKey(entity.Index))
                        throw new InvalidOperationException($"{Describe(i)}: {entity} was already created or destroyed.");
                    plannedEntities[entity.Index] = new PlannedEntity(entity, true, command.Set);
                    break;
                case Kind.Destroy:
                    RequireAlive(i, entity);
                    plannedEntities[entity.Index] = new PlannedEntity(entity, false, default);
                    break;
                case Kind.Set:
                    plannedEntities[entity.Index] = new PlannedEntity(entity, true, RequireAlive(i, entity).With(command.KeyId));
                    break;
                case Kind.Remove:
                    var set = RequireAlive(i, entity);
                    if (!set.Contains(command.KeyId))
                        throw new KeyNotFoundException($"{Describe(i)}: {entity} has no component {ColumnKey.FromId(command.KeyId).Name}.");
                    plannedEntities[entity.Index] = new PlannedEntity(entity, true, set.Without(command.KeyId));
                    break;
                case Kind.AddRows:
                    plannedRows[command.Table.Index] = checked(RequireRows(i, command.Table) + command.First);
                    break;
                case Kind.RemoveRows:
                    int rows = RequireRows(i, command.Table);
                    if ((uint)command.First > (uint)rows || (uint)command.Second > (uint)(rows - command.First))
                        throw new ArgumentOutOfRangeException(nameof(RemoveRows),
                            $"{Describe(i)}: rows {command.First}..{command.First + command.Second} are outside the table's {rows} rows.");
                    plannedRows[command.Table.Index] = rows - command.Second;
                    break;
                case Kind.Resize:
                    RequireRows(i, command.Table);
                    plannedRows[command.Table.Index] = command.First;
                    break;
            }
        }
    }

    /// <summary>The components of an entity alive at command <paramref name="index"/>'s turn.</summary>
    private ComponentSet RequireAlive(int index, Entity entity)
    {
        if (plannedEntities.TryGetValue(entity.Index, out var planned))
        {
            if (planned.Handle == entity && planned.Alive)
                return planned.Set;
        }
        else if (world.IsAlive(entity))
        {
            return world.Locate(entity).Table.Set;
        }

        throw new InvalidOperationException($"{Describe(index)}: {entity} is not alive (destroyed, never created, or null).");
    }

    /// <summary>The row count at command <paramref name="index"/>'s turn of a population table alive then.</summary>
    private int RequireRows(int index, TableHandle handle)
    {
        if (world.IsAlive(handle))
        {
            var table = world.PopulationTable(handle);
            var owner = table.Owner;
            bool ownerDestroyed = plannedEntities.TryGetValue(owner.Index, out var planned) && planned.Handle == owner && !planned.Alive;
            if (!ownerDestroyed)
                return plannedRows.TryGetValue(handle.Index, out int rows) ? rows : table.Count;
        }

        throw new InvalidOperationException($"{Describe(index)}: table handle ({handle.Index}v{handle.Generation}) is stale or null.");
    }

    private string Describe(int index) => $"Command {index + 1} of {count} ({commands[index].Kind}), batch dropped";

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
