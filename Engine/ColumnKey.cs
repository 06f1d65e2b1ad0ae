using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Engine;

/// <summary>
/// Identifies one kind of column: a named, unmanaged element type. Entity components are columns
/// keyed by their type (<see cref="ComponentType{T}"/>, named by <see cref="IComponent.StableName"/>);
/// population tables declare several columns with the same element type under different names
/// (e.g. two <c>short</c> fields). The name is what a world file stores, so it is declared once,
/// by hand, and never derived from a CLR type name.
/// </summary>
/// <remarks>
/// Each key takes the next bit of a <see cref="ComponentSet"/> when it is constructed. That id
/// allocator is the only process-wide state of the column machinery: it holds no names (name
/// lookups go through an immutable <see cref="ColumnCatalog"/>), and keys are created once, as
/// <c>static readonly</c> fields of their declaring class.
/// </remarks>
public abstract class ColumnKey
{
    private static readonly object Gate = new();
    private static ColumnKey[] byId = new ColumnKey[64];
    private static int count;

    private protected ColumnKey(string name, Type elementType, int elementSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        ElementType = elementType;
        ElementSize = elementSize;
        lock (Gate)
        {
            if (count >= ComponentSet.Capacity)
                throw new InvalidOperationException($"At most {ComponentSet.Capacity} column keys can exist in one process; '{name}' is one too many.");
            if (count == byId.Length)
                Array.Resize(ref byId, byId.Length * 2);
            Id = count;
            byId[count] = this;
            Volatile.Write(ref count, count + 1);
        }
    }

    /// <summary>Number of keys created in this process.</summary>
    public static int CreatedCount => Volatile.Read(ref count);

    /// <summary>Dense id of this key in this process (its bit in a <see cref="ComponentSet"/>).</summary>
    public int Id { get; }

    /// <summary>Stable name, as stored in world files.</summary>
    public string Name { get; }

    /// <summary>The element type of the column.</summary>
    public Type ElementType { get; }

    /// <summary>Size in bytes of one element.</summary>
    public int ElementSize { get; }

    /// <summary>The key with the given id.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No key has this id.</exception>
    public static ColumnKey FromId(int id)
    {
        if ((uint)id >= (uint)CreatedCount)
            throw new ArgumentOutOfRangeException(nameof(id), id, "No column key has this id.");
        return Volatile.Read(ref byId)[id];
    }

    internal abstract Column CreateColumn(int capacity, bool uninitialized = false);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({ElementType.Name}, {ElementSize} B)";
}

/// <summary>A column key with its element type.</summary>
/// <typeparam name="T">Unmanaged element type.</typeparam>
public sealed class ColumnKey<T> : ColumnKey where T : unmanaged
{
    /// <summary>Declares a column named <paramref name="name"/>; keep the instance in a <c>static readonly</c> field.</summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    /// <exception cref="InvalidOperationException">More than <see cref="ComponentSet.Capacity"/> keys in this process.</exception>
    public ColumnKey(string name) : base(name, typeof(T), Unsafe.SizeOf<T>())
    {
    }

    internal override Column CreateColumn(int capacity, bool uninitialized = false) => new Column<T>(capacity, uninitialized);
}
