namespace GrowNet.Ecs.Engine;

/// <summary>
/// An immutable map from stable column names to keys, built from the columns that models
/// declare: how a world file's names are resolved. Older names (aliases) resolve too, so files
/// written before a column was renamed still load.
/// </summary>
public sealed class ColumnCatalog
{
    private readonly Dictionary<string, ColumnKey> byName = new(StringComparer.Ordinal);
    private readonly ColumnKey[] keys;

    /// <summary>Builds a catalog of <paramref name="columns"/> plus older names of some of them.</summary>
    /// <exception cref="ArgumentException">Two columns (or an alias and a column) share a name.</exception>
    public ColumnCatalog(IEnumerable<ColumnKey> columns, IEnumerable<KeyValuePair<string, ColumnKey>>? aliases = null)
    {
        var list = new List<ColumnKey>();
        foreach (var key in columns)
        {
            if (byName.TryGetValue(key.Name, out var existing))
            {
                if (ReferenceEquals(existing, key))
                    continue;
                throw new ArgumentException($"Two columns are named '{key.Name}' ({existing.ElementType.Name} and {key.ElementType.Name}).", nameof(columns));
            }

            byName.Add(key.Name, key);
            list.Add(key);
        }

        foreach (var (alias, key) in aliases ?? [])
        {
            if (!byName.TryAdd(alias, key) && !ReferenceEquals(byName[alias], key))
                throw new ArgumentException($"The older name '{alias}' of column '{key.Name}' is already the name of '{byName[alias].Name}'.", nameof(aliases));
        }

        keys = list.ToArray();
    }

    /// <summary>The declared columns, in declaration order.</summary>
    public IReadOnlyList<ColumnKey> Columns => keys;

    /// <summary>Finds the column stored under <paramref name="name"/> (a current or an older name).</summary>
    public bool TryResolve(string name, out ColumnKey? key) => byName.TryGetValue(name, out key);

    /// <summary>A catalog that also holds <paramref name="more"/> columns (e.g. a host's own components).</summary>
    public ColumnCatalog With(params IEnumerable<ColumnKey> more)
        => new(keys.Concat(more), byName.Where(pair => pair.Key != pair.Value.Name));
}
