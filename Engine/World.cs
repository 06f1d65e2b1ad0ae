using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Engine;

/// <summary>
/// The container of all state: entities in archetype tables, population tables owned by
/// entities, the command buffer, the ordered scheduler, the world seed and the tick counter.
/// Generic: it knows nothing about neurons. Stepping and threads: <c>World.Stepping.cs</c>;
/// population tables: <c>World.Tables.cs</c>.
/// </summary>
public sealed partial class World : IDisposable
{
    private const int NoTable = -1;

    private readonly Dictionary<ComponentSet, Table> archetypes = new();
    private readonly List<Table> archetypeList = new();
    private Table?[] tables = new Table?[8];
    private int[] tableGenerations = new int[8];
    private int tableCount;
    private readonly Stack<int> freeTables = new();

    private int[] entityGenerations = new int[16];
    private int[] entityTables = new int[16];
    private int[] entityRows = new int[16];
    private int entitySlots;
    private readonly Stack<int> freeEntities = new();
    private int iterationDepth;

    /// <summary>Creates an empty world.</summary>
    /// <param name="seed">Root of every random stream drawn in this world.</param>
    /// <param name="phaseNames">The ordered phases of one tick (see the Systems pipeline).</param>
    public World(ulong seed = 0, IReadOnlyList<string>? phaseNames = null)
    {
        Seed = seed;
        Names = new EntityNames(this);
        Scheduler = new Scheduler(phaseNames ?? ["Update"]);
        Parallel = new WorkerPool(Environment.ProcessorCount);
    }

    /// <summary>Seed of the world's counter-based random streams.</summary>
    public ulong Seed { get; }

    /// <summary>Number of completed <see cref="Step"/> calls.</summary>
    public ulong Tick { get; set; }

    /// <summary>Optional entity names.</summary>
    public EntityNames Names { get; }


    /// <summary>The ordered systems of one tick, with their timing counters.</summary>
    public Scheduler Scheduler { get; }

    /// <summary>The range-parallel worker pool systems split their work over.</summary>
    public WorkerPool Parallel { get; private set; }

    /// <summary>True while a query enumerates tables; structural changes throw then.</summary>
    public bool IsIterating => Volatile.Read(ref iterationDepth) > 0;

    /// <summary>Number of live entities.</summary>
    public int EntityCount { get; private set; }

    /// <summary>The archetype tables, in creation order.</summary>
    public IReadOnlyList<Table> Archetypes => archetypeList;

    /// <summary>Stops the worker threads; the world's data stays readable.</summary>
    public void Dispose() => Parallel.Dispose();

    /// <summary>A random stream keyed by (world seed, <paramref name="stream"/>, current tick).</summary>
    public RandomStream Random(ulong stream) => new(Seed, stream, Tick);

    // ---------------------------------------------------------------- entities

    /// <summary>Creates an entity with the (zeroed) components of <paramref name="set"/>.</summary>
    public Entity Create(in ComponentSet set)
    {
        ThrowIfIterating();
        var entity = Reserve();
        Materialize(entity, set);
        return entity;
    }

    /// <summary>Creates an entity with one component.</summary>
    public Entity Create<T1>(in T1 c1) where T1 : unmanaged, IComponent
    {
        var entity = Create(ComponentSet.Of<T1>());
        Get<T1>(entity) = c1;
        return entity;
    }

    /// <summary>Creates an entity with two components.</summary>
    public Entity Create<T1, T2>(in T1 c1, in T2 c2) where T1 : unmanaged, IComponent where T2 : unmanaged, IComponent
    {
        var entity = Create(ComponentSet.Of<T1, T2>());
        Get<T1>(entity) = c1;
        Get<T2>(entity) = c2;
        return entity;
    }

    /// <summary>Creates an entity with three components.</summary>
    public Entity Create<T1, T2, T3>(in T1 c1, in T2 c2, in T3 c3)
        where T1 : unmanaged, IComponent where T2 : unmanaged, IComponent where T3 : unmanaged, IComponent
    {
        var entity = Create(ComponentSet.Of<T1, T2, T3>());
        Get<T1>(entity) = c1;
        Get<T2>(entity) = c2;
        Get<T3>(entity) = c3;
        return entity;
    }

    /// <summary>Whether <paramref name="entity"/> refers to a live entity (false for stale or null handles).</summary>
    public bool IsAlive(Entity entity)
        => (uint)entity.Index < (uint)entitySlots
           && entity.Generation != 0
           && entityGenerations[entity.Index] == entity.Generation
           && entityTables[entity.Index] != NoTable;

    /// <summary>Destroys an entity and every population table it owns.</summary>
    /// <exception cref="InvalidOperationException">The handle is stale, or a query is running.</exception>
    public void Destroy(Entity entity)
    {
        ThrowIfIterating();
        ThrowIfNotAlive(entity);
        var table = tables[entityTables[entity.Index]]!;
        var moved = table.RemoveRowSwapBack(entityRows[entity.Index]);
        if (!moved.IsNull)
            entityRows[moved.Index] = entityRows[entity.Index];
        for (int i = 0; i < tableCount; i++)
        {
            if (tables[i] is { HoldsEntities: false } owned && owned.Owner == entity)
                DestroyTable(owned.Handle);
        }

        entityTables[entity.Index] = NoTable;
        entityGenerations[entity.Index]++;
        freeEntities.Push(entity.Index);
        EntityCount--;
    }

    /// <summary>Whether the entity has component <typeparamref name="T"/>.</summary>
    public bool Has<T>(Entity entity) where T : unmanaged, IComponent
    {
        ThrowIfNotAlive(entity);
        return tables[entityTables[entity.Index]]!.Set.Contains(ComponentType<T>.Id);
    }

    /// <summary>A reference to the entity's component <typeparamref name="T"/>.</summary>
    /// <exception cref="KeyNotFoundException">The entity has no such component.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T Get<T>(Entity entity) where T : unmanaged, IComponent
    {
        ThrowIfNotAlive(entity);
        var table = tables[entityTables[entity.Index]]!;
        return ref table.TypedColumn(ComponentType<T>.Key).DangerousGetArray()[entityRows[entity.Index]];
    }

    /// <summary>Adds component <typeparamref name="T"/> (moving the entity to another archetype), or overwrites it.</summary>
    /// <remarks>Overwriting an existing component is not a structural change and is allowed during a query.</remarks>
    public void Add<T>(Entity entity, in T value) where T : unmanaged, IComponent
    {
        ThrowIfNotAlive(entity);
        var set = tables[entityTables[entity.Index]]!.Set;
        if (!set.Contains(ComponentType<T>.Id))
        {
            ThrowIfIterating();
            MoveTo(entity, set.With(ComponentType<T>.Id));
        }

        Get<T>(entity) = value;
    }

    /// <summary>Removes component <typeparamref name="T"/> (moving the entity to another archetype).</summary>
    public void Remove<T>(Entity entity) where T : unmanaged, IComponent
    {
        ThrowIfIterating();
        ThrowIfNotAlive(entity);
        var set = tables[entityTables[entity.Index]]!.Set;
        if (!set.Contains(ComponentType<T>.Id))
            throw new KeyNotFoundException($"{entity} has no component {typeof(T).Name}.");
        MoveTo(entity, set.Without(ComponentType<T>.Id));
    }

    internal void RemoveById(Entity entity, int keyId)
    {
        ThrowIfIterating();
        ThrowIfNotAlive(entity);
        var set = tables[entityTables[entity.Index]]!.Set;
        if (!set.Contains(keyId))
            throw new KeyNotFoundException($"{entity} has no component {ColumnKey.FromId(keyId).Name}.");
        MoveTo(entity, set.Without(keyId));
    }

    internal void EnsureComponent(Entity entity, int keyId)
    {
        ThrowIfIterating();
        ThrowIfNotAlive(entity);
        var set = tables[entityTables[entity.Index]]!.Set;
        if (!set.Contains(keyId))
            MoveTo(entity, set.With(keyId));
    }

    /// <summary>The archetype table and row of a live entity.</summary>
    public (Table Table, int Row) Locate(Entity entity)
    {
        ThrowIfNotAlive(entity);
        return (tables[entityTables[entity.Index]]!, entityRows[entity.Index]);
    }

    internal Entity Reserve()
    {
        int index;
        if (freeEntities.Count > 0)
        {
            index = freeEntities.Pop();
        }
        else
        {
            index = entitySlots++;
            if (index == entityGenerations.Length)
            {
                Array.Resize(ref entityGenerations, index * 2);
                Array.Resize(ref entityTables, index * 2);
                Array.Resize(ref entityRows, index * 2);
            }

            entityGenerations[index] = 1;
        }

        entityTables[index] = NoTable;
        return new Entity(index, entityGenerations[index]);
    }

    internal bool IsReserved(Entity entity)
        => (uint)entity.Index < (uint)entitySlots && entityGenerations[entity.Index] == entity.Generation
           && entityTables[entity.Index] == NoTable;

    /// <summary>Returns a reserved (never materialised) entity slot to the free list.</summary>
    internal void ReleaseReservation(Entity entity)
    {
        if (!IsReserved(entity))
            return;
        entityGenerations[entity.Index]++;
        freeEntities.Push(entity.Index);
    }

    internal void Materialize(Entity entity, in ComponentSet set)
    {
        var table = GetOrCreateArchetype(set);
        entityTables[entity.Index] = table.Handle.Index;
        entityRows[entity.Index] = table.AddEntityRow(entity);
        EntityCount++;
    }

    private void MoveTo(Entity entity, in ComponentSet set)
    {
        var from = tables[entityTables[entity.Index]]!;
        int fromRow = entityRows[entity.Index];
        var to = GetOrCreateArchetype(set);
        int toRow = to.AddEntityRow(entity);
        from.CopySharedColumns(fromRow, to, toRow);
        var moved = from.RemoveRowSwapBack(fromRow);
        if (!moved.IsNull)
            entityRows[moved.Index] = fromRow;
        entityTables[entity.Index] = to.Handle.Index;
        entityRows[entity.Index] = toRow;
    }

    private Table GetOrCreateArchetype(in ComponentSet set)
    {
        if (archetypes.TryGetValue(set, out var table))
            return table;
        var handle = AllocateTableSlot();
        table = new Table(handle, set, holdsEntities: true, Entity.Null, capacity: 4);
        tables[handle.Index] = table;
        archetypes.Add(set, table);
        archetypeList.Add(table);
        return table;
    }

    // ---------------------------------------------------------------- queries

    /// <summary>The archetype tables whose components include every key of <paramref name="all"/>.</summary>
    public Query Query(in ComponentSet all) => new(this, all);

    internal int ArchetypeCount => archetypeList.Count;

    internal Table ArchetypeAt(int index) => archetypeList[index];

    // Atomic: a host may enumerate queries on several threads at once (reading columns), and a
    // lost update would leave the world locked against structural change for good.
    internal void EnterIteration() => Interlocked.Increment(ref iterationDepth);

    internal void ExitIteration() => Interlocked.Decrement(ref iterationDepth);

    // ---------------------------------------------------------------- guards

    /// <summary>Throws when a query is running: structural changes must wait until it ends.</summary>
    public void ThrowIfIterating()
    {
        if (Volatile.Read(ref iterationDepth) > 0)
            ThrowStructuralChangeDuringQuery();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ThrowIfNotAlive(Entity entity)
    {
        if (!IsAlive(entity))
            ThrowNotAlive(entity);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotAlive(Entity entity)
        => throw new InvalidOperationException($"{entity} is not alive (destroyed, never created, or null).");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Table ThrowStaleTable(TableHandle handle)
        => throw new InvalidOperationException($"Table handle ({handle.Index}v{handle.Generation}) is stale or null.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowStructuralChangeDuringQuery()
        => throw new InvalidOperationException(
            "Structural change during a query: collect what to change and change it after the query ends (docs/architecture.md, \"Structural change\").");
}
