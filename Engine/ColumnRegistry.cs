namespace GrowNet.Ecs.Engine;

/// <summary>
/// Process-wide registry of column keys. Registration is idempotent by name (registering the
/// same name with the same element type returns the existing key), thread-safe, and bounded
/// by <see cref="ComponentSet.Capacity"/>.
/// </summary>
public static class ColumnRegistry
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, ColumnKey> ByName = new(StringComparer.Ordinal);
    private static ColumnKey[] byId = new ColumnKey[16];
    private static int count;

    /// <summary>Number of registered keys.</summary>
    public static int Count => Volatile.Read(ref count);

    /// <summary>Registers (or returns the existing) column key named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty or already registered with another element type.</exception>
    /// <exception cref="InvalidOperationException">More than <see cref="ComponentSet.Capacity"/> keys.</exception>
    public static ColumnKey<T> Register<T>(string name) where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (Gate)
        {
            if (ByName.TryGetValue(name, out var existing))
            {
                if (existing is ColumnKey<T> typed)
                    return typed;
                throw new ArgumentException(
                    $"Column '{name}' is already registered with element type {existing.ElementType.Name}, not {typeof(T).Name}.",
                    nameof(name));
            }

            if (count >= ComponentSet.Capacity)
                throw new InvalidOperationException($"At most {ComponentSet.Capacity} column keys can be registered.");
            var key = new ColumnKey<T>(count, name);
            if (count == byId.Length)
                Array.Resize(ref byId, byId.Length * 2);
            byId[count] = key;
            ByName.Add(name, key);
            Volatile.Write(ref count, count + 1);
            return key;
        }
    }

    /// <summary>The key with the given id.</summary>
    public static ColumnKey Get(int id)
    {
        if ((uint)id >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(id), id, "No column key has this id.");
        return byId[id];
    }

    /// <summary>Finds a key by its stable name.</summary>
    public static bool TryGet(string name, out ColumnKey? key)
    {
        lock (Gate)
            return ByName.TryGetValue(name, out key);
    }
}
