namespace GrowNet.Ecs.Engine;

/// <summary>
/// The low-level view a world codec needs: entity and table slots with their generations and
/// free lists, and a restore path that rebuilds a world's storage exactly (same handles, same
/// archetype order, same free-slot order), so a restored world continues bit for bit.
/// </summary>
public sealed partial class World
{
    /// <summary>Number of entity slots ever used (alive, free or reserved).</summary>
    public int EntitySlotCount => entitySlots;

    /// <summary>Generation of every entity slot.</summary>
    public ReadOnlySpan<int> EntityGenerations => entityGenerations.AsSpan(0, entitySlots);

    /// <summary>Number of table slots ever used.</summary>
    public int TableSlotCount => tableCount;

    /// <summary>Generation of every table slot.</summary>
    public ReadOnlySpan<int> TableGenerations => tableGenerations.AsSpan(0, tableCount);

    /// <summary>Free entity slots, bottom of the reuse stack first (the last one is reused next).</summary>
    public int[] FreeEntitySlots() => StackBottomFirst(freeEntities);

    /// <summary>Free table slots, bottom of the reuse stack first.</summary>
    public int[] FreeTableSlots() => StackBottomFirst(freeTables);

    /// <summary>The live table in slot <paramref name="index"/>, or null.</summary>
    public Table? TableAt(int index) => (uint)index < (uint)tableCount ? tables[index] : null;

    /// <summary>
    /// Starts restoring saved storage into this world, which must be empty: sets the slot
    /// generations and free lists. Follow with <see cref="RestoreTable"/> for every table
    /// (archetype tables in their saved <see cref="Archetypes"/> order) and finish with
    /// <see cref="CompleteRestore"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The world is not empty.</exception>
    /// <exception cref="InvalidDataException">The slots are inconsistent.</exception>
    public void BeginRestore(ReadOnlySpan<int> savedEntityGenerations, ReadOnlySpan<int> freeEntitiesBottomFirst,
        ReadOnlySpan<int> savedTableGenerations, ReadOnlySpan<int> freeTablesBottomFirst)
    {
        ThrowIfIterating();
        if (entitySlots != 0 || tableCount != 0)
            throw new InvalidOperationException("Storage can only be restored into an empty world.");
        entityGenerations = new int[Math.Max(16, savedEntityGenerations.Length)];
        entityTables = new int[entityGenerations.Length];
        entityRows = new int[entityGenerations.Length];
        savedEntityGenerations.CopyTo(entityGenerations);
        entitySlots = savedEntityGenerations.Length;
        entityTables.AsSpan().Fill(NoTable);
        tables = new Table?[Math.Max(8, savedTableGenerations.Length)];
        tableGenerations = new int[tables.Length];
        savedTableGenerations.CopyTo(tableGenerations);
        tableCount = savedTableGenerations.Length;
        foreach (int generation in savedEntityGenerations)
            if (generation <= 0)
                throw new InvalidDataException("An entity slot has a generation ≤ 0.");
        foreach (int generation in savedTableGenerations)
            if (generation <= 0)
                throw new InvalidDataException("A table slot has a generation ≤ 0.");
        PushAll(freeEntities, freeEntitiesBottomFirst, entitySlots, "entity");
        PushAll(freeTables, freeTablesBottomFirst, tableCount, "table");
    }

    /// <summary>
    /// Recreates the table in slot <paramref name="index"/> with <paramref name="rows"/> rows whose
    /// columns are <em>not</em> cleared (a restore overwrites every byte; skipping the clear saves
    /// a pass over large worlds); the caller fills every column (and, for an archetype table, its
    /// entity column through <see cref="RestoreEntities"/>) before using the world.
    /// </summary>
    /// <exception cref="InvalidDataException">The slot is free, taken, or out of range, or the archetype exists.</exception>
    public Table RestoreTable(int index, in ComponentSet set, bool holdsEntities, Entity owner, int rows)
    {
        if ((uint)index >= (uint)tableCount)
            throw new InvalidDataException($"Table slot {index} is outside the {tableCount} saved slots.");
        if (tables[index] != null || freeTables.Contains(index))
            throw new InvalidDataException($"Table slot {index} is restored twice or is also free.");
        if (rows < 0)
            throw new InvalidDataException($"Table slot {index} has a negative row count.");
        var handle = new TableHandle(index, tableGenerations[index]);
        var table = new Table(handle, set, holdsEntities, holdsEntities ? Entity.Null : owner, rows, uninitialized: true);
        table.AddRows(rows);
        if (holdsEntities)
        {
            if (!archetypes.TryAdd(set, table))
                throw new InvalidDataException($"Archetype {set} is restored twice.");
            archetypeList.Add(table);
        }

        tables[index] = table;
        return table;
    }

    /// <summary>Sets the entity of each row of a restored archetype table.</summary>
    public void RestoreEntities(Table table, ReadOnlySpan<Entity> rowEntities)
    {
        if (!table.HoldsEntities || rowEntities.Length != table.Count)
            throw new InvalidDataException("Entity rows do not match the archetype table.");
        for (int row = 0; row < rowEntities.Length; row++)
            table.SetEntity(row, rowEntities[row]);
    }

    /// <summary>
    /// Finishes a restore: links every entity to its row and checks that each slot is either
    /// alive in exactly one row or free, and that every population table's owner is alive.
    /// </summary>
    /// <exception cref="InvalidDataException">The restored storage is inconsistent.</exception>
    public void CompleteRestore()
    {
        var seen = new bool[entitySlots];
        int alive = 0;
        foreach (var table in archetypeList)
        {
            var entities = table.Entities;
            for (int row = 0; row < entities.Length; row++)
            {
                var entity = entities[row];
                if ((uint)entity.Index >= (uint)entitySlots || entityGenerations[entity.Index] != entity.Generation)
                    throw new InvalidDataException($"{entity} in an archetype row does not match its slot.");
                if (seen[entity.Index])
                    throw new InvalidDataException($"{entity} appears in two archetype rows.");
                seen[entity.Index] = true;
                entityTables[entity.Index] = table.Handle.Index;
                entityRows[entity.Index] = row;
                alive++;
            }
        }

        foreach (int free in freeEntities)
        {
            if (seen[free])
                throw new InvalidDataException($"Entity slot {free} is both alive and free.");
            seen[free] = true;
        }

        for (int slot = 0; slot < entitySlots; slot++)
            if (!seen[slot])
                throw new InvalidDataException($"Entity slot {slot} is neither alive nor free.");
        for (int index = 0; index < tableCount; index++)
        {
            var table = tables[index];
            if (table == null)
            {
                if (!freeTables.Contains(index))
                    throw new InvalidDataException($"Table slot {index} is neither restored nor free.");
                continue;
            }

            if (!table.HoldsEntities && !IsAlive(table.Owner))
                throw new InvalidDataException($"Population table {index} is owned by {table.Owner}, which is not alive.");
        }

        EntityCount = alive;
    }

    private static void PushAll(Stack<int> stack, ReadOnlySpan<int> bottomFirst, int slots, string what)
    {
        stack.Clear();
        var seen = new HashSet<int>();
        foreach (int slot in bottomFirst)
        {
            if ((uint)slot >= (uint)slots || !seen.Add(slot))
                throw new InvalidDataException($"Free {what} slot {slot} is out of range or listed twice.");
            stack.Push(slot);
        }
    }

    private static int[] StackBottomFirst(Stack<int> stack)
    {
        var items = stack.ToArray(); // top first
        Array.Reverse(items);
        return items;
    }
}
