using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Engine;

/// <summary>
/// Whole-column storage: one contiguous array per column key, rows indexed densely from 0.
/// An <em>archetype</em> table holds one entity per row (its key is the value of the component
/// set); a <em>population</em> table is owned by one entity and its rows are plain indices
/// (a pool's cells, a block's vertices). Row order in a population table is never changed
/// except by an explicit stable removal, so rows can stand for vertices.
/// </summary>
public sealed class Table
{
    private readonly Column?[] columnsById;
    private readonly Column[] columns;
    private readonly int[] columnIds;
    private Entity[] entities;

    internal Table(TableHandle handle, in ComponentSet set, bool holdsEntities, Entity owner, int capacity, bool uninitialized = false)
    {
        Handle = handle;
        Set = set;
        HoldsEntities = holdsEntities;
        Owner = owner;
        columnIds = set.ToIds();
        int maxId = columnIds.Length == 0 ? -1 : columnIds[^1];
        columnsById = new Column?[maxId + 1];
        columns = new Column[columnIds.Length];
        for (int i = 0; i < columnIds.Length; i++)
        {
            var column = ColumnKey.FromId(columnIds[i]).CreateColumn(capacity, uninitialized);
            columns[i] = column;
            columnsById[columnIds[i]] = column;
        }

        entities = holdsEntities ? new Entity[capacity] : [];
        Capacity = capacity;
    }

    /// <summary>This table's handle in its world.</summary>
    public TableHandle Handle { get; }

    /// <summary>The column keys of this table.</summary>
    public ComponentSet Set { get; }

    /// <summary>True for an archetype table (one entity per row).</summary>
    public bool HoldsEntities { get; }

    /// <summary>The entity that owns a population table (null for archetype tables).</summary>
    public Entity Owner { get; }

    /// <summary>Number of rows in use.</summary>
    public int Count { get; private set; }

    /// <summary>Number of rows the columns can hold before they grow.</summary>
    public int Capacity { get; private set; }

    /// <summary>
    /// Bumped on every structural change (rows added or removed); lets a caller notice that
    /// spans it holds may be stale.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>The ids of the columns in ascending order.</summary>
    public ReadOnlySpan<int> ColumnIds => columnIds;

    /// <summary>The entity of each row (archetype tables only).</summary>
    public ReadOnlySpan<Entity> Entities => entities.AsSpan(0, HoldsEntities ? Count : 0);

    /// <summary>Whether the table has the column <paramref name="key"/>.</summary>
    public bool Has(ColumnKey key) => Set.Contains(key.Id);

    /// <summary>The rows of column <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such column.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<T> Span<T>(ColumnKey<T> key) where T : unmanaged
        => TypedColumn(key).DangerousGetArray().AsSpan(0, Count);

    /// <summary>The rows of the component column <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<T> Span<T>() where T : unmanaged, IComponent => Span(ComponentType<T>.Key);

    /// <summary>The typed column object (its array may be longer than <see cref="Count"/>).</summary>
    public Column<T> TypedColumn<T>(ColumnKey<T> key) where T : unmanaged
    {
        int id = key.Id;
        if ((uint)id < (uint)columnsById.Length && columnsById[id] is Column<T> column)
            return column;
        return ThrowMissingColumn<T>(key);
    }

    /// <summary>The untyped column with id <paramref name="id"/>.</summary>
    public Column GetColumn(int id)
    {
        if ((uint)id < (uint)columnsById.Length && columnsById[id] is { } column)
            return column;
        throw new KeyNotFoundException($"Table has no column with id {id}.");
    }

    /// <summary>
    /// The backing array of column <paramref name="key"/> (its length is the capacity, not the row
    /// count; stale after the table grows). For kernel contexts that workers read.
    /// </summary>
    public T[] DangerousGetArray<T>(ColumnKey<T> key) where T : unmanaged => TypedColumn(key).DangerousGetArray();

    /// <summary>
    /// Moves rows <c>from .. from + length</c> to <c>to ..</c> in every column (overlap-safe, like
    /// <see cref="Array.Copy(Array, int, Array, int, int)"/>). The row count does not change.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A range reaches past the table's rows.</exception>
    public void MoveRows(int from, int to, int length)
    {
        CheckRows(from, length);
        CheckRows(to, length);
        if (length == 0 || from == to)
            return;
        foreach (var column in columns)
            column.MoveRange(from, to, length);
    }

    /// <summary>Zeroes rows <c>start .. start + length</c> in every column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range reaches past the table's rows.</exception>
    public void ClearRows(int start, int length)
    {
        CheckRows(start, length);
        foreach (var column in columns)
            column.Clear(start, length);
    }

    private void CheckRows(int start, int length)
    {
        if (start < 0 || length < 0 || start > Count - length)
            throw new ArgumentOutOfRangeException(nameof(start), $"Rows {start}..{start + length} are outside the table's {Count} rows.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Column<T> ThrowMissingColumn<T>(ColumnKey<T> key) where T : unmanaged
        => throw new KeyNotFoundException($"Table {Set} has no column '{key.Name}'.");

    internal void EnsureCapacity(int rows)
    {
        if (rows <= Capacity)
            return;
        int capacity = Math.Max(rows, Math.Max(4, Capacity * 2));
        foreach (var column in columns)
            column.Grow(capacity);
        if (HoldsEntities)
            Array.Resize(ref entities, capacity);
        Capacity = capacity;
    }

    /// <summary>Appends <paramref name="rows"/> zeroed rows; returns the index of the first.</summary>
    internal int AddRows(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        int first = Count;
        EnsureCapacity(checked(Count + rows));
        // Rows beyond Count are kept zeroed by every removal, so new rows need no clearing.
        Count += rows;
        Version++;
        return first;
    }

    internal void SetEntity(int row, Entity entity) => entities[row] = entity;

    internal int AddEntityRow(Entity entity)
    {
        int row = AddRows(1);
        entities[row] = entity;
        return row;
    }

    /// <summary>Removes rows [start, start+length) keeping the order of the rest.</summary>
    internal void RemoveRowsStable(int start, int length)
    {
        if ((uint)start > (uint)Count || (uint)length > (uint)(Count - start))
            throw new ArgumentOutOfRangeException(nameof(start), $"Rows {start}..{start + length} are outside the table's {Count} rows.");
        int tail = Count - start - length;
        foreach (var column in columns)
        {
            column.MoveRange(start + length, start, tail);
            column.Clear(Count - length, length);
        }

        if (HoldsEntities)
        {
            Array.Copy(entities, start + length, entities, start, tail);
            Array.Clear(entities, Count - length, length);
        }

        Count -= length;
        Version++;
    }

    /// <summary>Removes one entity row by moving the last row into it; returns the moved entity (or null).</summary>
    internal Entity RemoveRowSwapBack(int row)
    {
        int last = Count - 1;
        Entity moved = Entity.Null;
        if (row != last)
        {
            foreach (var column in columns)
                column.CopyRow(last, column, row);
            moved = entities[last];
            entities[row] = moved;
        }

        foreach (var column in columns)
            column.Clear(last, 1);
        entities[last] = Entity.Null;
        Count--;
        Version++;
        return moved;
    }

    /// <summary>
    /// Swaps the backing arrays of a two-column table with caller-filled ones holding
    /// <paramref name="rows"/> rows (see <see cref="World.DangerousExchangeColumnArrays{T1, T2}"/>).
    /// </summary>
    internal void ExchangeColumnArrays<T1, T2>(ColumnKey<T1> first, ref T1[] firstArray, ColumnKey<T2> second, ref T2[] secondArray, int rows)
        where T1 : unmanaged where T2 : unmanaged
    {
        if (columns.Length != 2 || HoldsEntities)
            throw new InvalidOperationException($"Only a population table of exactly two columns can exchange its arrays; table {Set} has {columns.Length}.");
        if (firstArray.Length != secondArray.Length || (uint)rows > (uint)firstArray.Length)
            throw new ArgumentException($"Exchanged arrays must have one length ≥ {rows} rows (got {firstArray.Length} and {secondArray.Length}).");
        var firstColumn = TypedColumn(first);
        var secondColumn = TypedColumn(second);
        firstArray = firstColumn.Exchange(firstArray);
        secondArray = secondColumn.Exchange(secondArray);
        Capacity = firstColumn.Capacity;
        Count = rows;
        Version++;
    }

    /// <summary>Sets the row count: grows with zeroed rows or drops rows at the end.</summary>
    internal void Resize(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (rows >= Count)
        {
            AddRows(rows - Count);
            return;
        }

        RemoveRowsStable(rows, Count - rows);
    }

    /// <summary>Copies every column of <paramref name="row"/> that both tables have into <paramref name="destination"/>.</summary>
    internal void CopySharedColumns(int row, Table destination, int destinationRow)
    {
        foreach (int id in columnIds)
        {
            if (destination.Set.Contains(id))
                GetColumn(id).CopyRow(row, destination.GetColumn(id), destinationRow);
        }
    }
}
