using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Engine;

/// <summary>Population tables: created for an owner entity, resized, destroyed with it; handles carry a generation.</summary>
public sealed partial class World
{
    /// <summary>Creates a population table with the columns of <paramref name="columns"/>, owned by <paramref name="owner"/>.</summary>
    public TableHandle CreateTable(in ComponentSet columns, Entity owner, int rows = 0)
    {
        ThrowIfIterating();
        ThrowIfNotAlive(owner);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var handle = AllocateTableSlot();
        var table = new Table(handle, columns, holdsEntities: false, owner, capacity: rows);
        table.AddRows(rows);
        tables[handle.Index] = table;
        return handle;
    }

    /// <summary>The table behind <paramref name="handle"/>.</summary>
    /// <exception cref="InvalidOperationException">The handle is stale or null.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Table GetTable(TableHandle handle)
    {
        if ((uint)handle.Index < (uint)tableCount && tableGenerations[handle.Index] == handle.Generation
            && tables[handle.Index] is { } table)
            return table;
        return ThrowStaleTable(handle);
    }

    /// <summary>Whether <paramref name="handle"/> refers to a live table.</summary>
    public bool IsAlive(TableHandle handle)
        => (uint)handle.Index < (uint)tableCount && handle.Generation != 0
           && tableGenerations[handle.Index] == handle.Generation && tables[handle.Index] is not null;

    /// <summary>Appends zeroed rows to a population table; returns the first new row.</summary>
    public int AddRows(TableHandle handle, int rows)
    {
        ThrowIfIterating();
        return PopulationTable(handle).AddRows(rows);
    }

    /// <summary>Removes rows [start, start+length) of a population table, keeping the order of the rest.</summary>
    public void RemoveRows(TableHandle handle, int start, int length)
    {
        ThrowIfIterating();
        PopulationTable(handle).RemoveRowsStable(start, length);
    }

    /// <summary>Sets a population table's row count (new rows zeroed, dropped rows cut from the end).</summary>
    public void ResizeTable(TableHandle handle, int rows)
    {
        ThrowIfIterating();
        PopulationTable(handle).Resize(rows);
    }

    /// <summary>
    /// Ping-pong storage for a population table of exactly two columns: the table takes
    /// <paramref name="firstArray"/> and <paramref name="secondArray"/> (same length, holding
    /// <paramref name="rows"/> rows) as its columns and hands its old arrays back through the same
    /// references, in O(1). Unchecked contract ("Dangerous"): every element at index
    /// <paramref name="rows"/> and beyond must be zero in both new arrays, because a table keeps
    /// the rows past its count zeroed and later growth relies on it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The table has other than two columns, holds entities, or a query is running.</exception>
    /// <exception cref="ArgumentException">The arrays differ in length or are shorter than <paramref name="rows"/>.</exception>
    public void DangerousExchangeColumnArrays<T1, T2>(TableHandle handle, ColumnKey<T1> first, ref T1[] firstArray,
        ColumnKey<T2> second, ref T2[] secondArray, int rows) where T1 : unmanaged where T2 : unmanaged
    {
        ThrowIfIterating();
        PopulationTable(handle).ExchangeColumnArrays(first, ref firstArray, second, ref secondArray, rows);
    }

    /// <summary>Reserves capacity in a population table so later growth does not reallocate.</summary>
    public void ReserveRows(TableHandle handle, int rows)
    {
        ThrowIfIterating();
        PopulationTable(handle).EnsureCapacity(rows);
    }

    /// <summary>Every live table (archetypes and populations) in handle order.</summary>
    public IEnumerable<Table> Tables()
    {
        for (int i = 0; i < tableCount; i++)
        {
            if (tables[i] is { } table)
                yield return table;
        }
    }

    /// <summary>The population table behind <paramref name="handle"/> (throws for stale handles and archetype tables).</summary>
    internal Table PopulationTable(TableHandle handle)
    {
        var table = GetTable(handle);
        if (table.HoldsEntities)
            throw new InvalidOperationException("Rows of an archetype table change only by creating or destroying entities.");
        return table;
    }

    private void DestroyTable(TableHandle handle)
    {
        tables[handle.Index] = null;
        tableGenerations[handle.Index]++;
        freeTables.Push(handle.Index);
    }

    private TableHandle AllocateTableSlot()
    {
        int index;
        if (freeTables.Count > 0)
        {
            index = freeTables.Pop();
        }
        else
        {
            index = tableCount++;
            if (index == tables.Length)
            {
                Array.Resize(ref tables, index * 2);
                Array.Resize(ref tableGenerations, index * 2);
            }

            tableGenerations[index] = 1;
        }

        return new TableHandle(index, tableGenerations[index]);
    }
}
