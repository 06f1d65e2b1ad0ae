using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Engine;

/// <summary>
/// One contiguous array of a table. Untyped operations (grow, move a row, raw bytes) serve the
/// table and the codec; systems use the typed <see cref="Column{T}"/> spans.
/// </summary>
public abstract class Column
{
    /// <summary>Number of elements the backing array can hold.</summary>
    public abstract int Capacity { get; }

    internal abstract void Grow(int capacity);

    internal abstract void CopyRow(int from, Column destination, int to);

    internal abstract void MoveRange(int from, int to, int length);

    internal abstract void Clear(int start, int length);

    internal abstract void WriteRow(int row, ReadOnlySpan<byte> bytes);

    /// <summary>The first <paramref name="rows"/> elements as raw bytes.</summary>
    public abstract Span<byte> RowBytes(int rows);
}

/// <summary>A typed column: a plain <typeparamref name="T"/> array.</summary>
/// <typeparam name="T">Unmanaged element type.</typeparam>
public sealed class Column<T> : Column where T : unmanaged
{
    private T[] items;

    internal Column(int capacity, bool uninitialized = false)
        => items = capacity == 0 ? [] : uninitialized ? GC.AllocateUninitializedArray<T>(capacity) : new T[capacity];

    /// <inheritdoc />
    public override int Capacity => items.Length;

    /// <summary>The backing array (its length is the capacity, not the row count).</summary>
    public T[] DangerousGetArray() => items;

    /// <summary>Puts <paramref name="replacement"/> in place of the backing array and returns the old one.</summary>
    internal T[] Exchange(T[] replacement)
    {
        var old = items;
        items = replacement;
        return old;
    }

    internal override void Grow(int capacity)
    {
        if (capacity > items.Length)
            Array.Resize(ref items, capacity);
    }

    internal override void CopyRow(int from, Column destination, int to)
        => ((Column<T>)destination).items[to] = items[from];

    internal override void MoveRange(int from, int to, int length)
        => Array.Copy(items, from, items, to, length);

    internal override void Clear(int start, int length) => Array.Clear(items, start, length);

    internal override void WriteRow(int row, ReadOnlySpan<byte> bytes)
        => items[row] = MemoryMarshal.Read<T>(bytes);

    /// <inheritdoc />
    public override Span<byte> RowBytes(int rows) => MemoryMarshal.AsBytes(items.AsSpan(0, rows));
}
