using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Engine;

/// <summary>
/// Identifies one kind of column: a registered, named, unmanaged element type. Entity components
/// are columns keyed by their type (<see cref="ComponentType{T}"/>); population tables may register
/// several columns with the same element type under different names (e.g. two <c>short</c> fields).
/// Names are stable across processes, which is what the world codec stores.
/// </summary>
public abstract class ColumnKey
{
    private protected ColumnKey(int id, string name, Type elementType, int elementSize)
    {
        Id = id;
        Name = name;
        ElementType = elementType;
        ElementSize = elementSize;
    }

    /// <summary>Dense id of this key in this process (the bit in a <see cref="ComponentSet"/>).</summary>
    public int Id { get; }

    /// <summary>Stable, unique name.</summary>
    public string Name { get; }

    /// <summary>The element type of the column.</summary>
    public Type ElementType { get; }

    /// <summary>Size in bytes of one element.</summary>
    public int ElementSize { get; }

    internal abstract Column CreateColumn(int capacity, bool uninitialized = false);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({ElementType.Name}, {ElementSize} B)";
}

/// <summary>A column key with its element type.</summary>
/// <typeparam name="T">Unmanaged element type.</typeparam>
public sealed class ColumnKey<T> : ColumnKey where T : unmanaged
{
    internal ColumnKey(int id, string name) : base(id, name, typeof(T), Unsafe.SizeOf<T>())
    {
    }

    internal override Column CreateColumn(int capacity, bool uninitialized = false) => new Column<T>(capacity, uninitialized);
}
