namespace GrowNet.Ecs.Engine.Models;

/// <summary>
/// An immutable list of model families and the column catalog their declarations make: what the
/// world codec resolves names with, what the runner creates populations through, and where
/// invariants and descriptions of every population come from.
/// </summary>
public sealed class ModelCatalog
{
    private readonly IModelFamily[] families;

    /// <summary>
    /// A catalog of <paramref name="families"/> (names unique) plus extra columns (e.g. a host's
    /// components) and the names older files used for them.
    /// </summary>
    /// <exception cref="ArgumentException">Two families share a name, or two columns share a stable name.</exception>
    public ModelCatalog(IEnumerable<IModelFamily> families, IEnumerable<ColumnKey>? extraColumns = null,
        IEnumerable<KeyValuePair<string, ColumnKey>>? extraFormerNames = null)
    {
        this.families = families.ToArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var family in this.families)
            if (!names.Add(family.Name))
                throw new ArgumentException($"Two model families are named '{family.Name}'.", nameof(families));
        Columns = new ColumnCatalog(
            this.families.SelectMany(f => f.Columns).Concat(extraColumns ?? []),
            this.families.SelectMany(f => f.FormerNames).Concat(extraFormerNames ?? []));
    }

    /// <summary>The families, in the order populations are listed and validated.</summary>
    public IReadOnlyList<IModelFamily> Families => families;

    /// <summary>Every declared column, by stable (and former) name.</summary>
    public ColumnCatalog Columns { get; }

    /// <summary>A catalog with the same families and more columns.</summary>
    public ModelCatalog WithColumns(params IEnumerable<ColumnKey> extraColumns)
        => new(families, Columns.Columns.Except(families.SelectMany(f => f.Columns)).Concat(extraColumns));

    /// <summary>The family named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No family has that name (the message lists them).</exception>
    public IModelFamily Family(string name)
    {
        foreach (var family in families)
            if (string.Equals(family.Name, name, StringComparison.Ordinal))
                return family;
        throw new ArgumentException($"No model family '{name}'; families: {string.Join(", ", families.Select(f => f.Name))}.", nameof(name));
    }

    /// <summary>Every population of every family, family by family in catalog order.</summary>
    public IEnumerable<Population> Populations(World world)
    {
        foreach (var family in families)
            foreach (var population in family.Populations(world))
                yield return population;
    }

    /// <summary>The population named <paramref name="name"/>, or null.</summary>
    /// <exception cref="InvalidOperationException">Two populations share the name.</exception>
    public Population? Find(World world, string name)
    {
        Population? found = null;
        foreach (var population in Populations(world))
        {
            if (!string.Equals(population.Name, name, StringComparison.Ordinal))
                continue;
            if (found != null)
                throw new InvalidOperationException($"Two populations are named '{name}' ({found} and {population}).");
            found = population;
        }

        return found;
    }

    /// <summary>The population named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No population has that name.</exception>
    public Population Get(World world, string name)
        => Find(world, name) ?? throw new ArgumentException($"No population '{name}'.", nameof(name));

    /// <summary>Creates a population through its family, refusing a name another population has.</summary>
    /// <exception cref="ArgumentException">The name is taken or empty, or the definition's family is unknown.</exception>
    /// <exception cref="ModelConfigException">The definition is invalid (nothing is created).</exception>
    public Population Create(World world, string name, IPopulationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Find(world, name) != null)
            throw new ArgumentException($"A population named '{name}' exists already.", nameof(name));
        return Family(definition.Family).Create(world, name, definition);
    }

    /// <summary>Checks every family's invariants.</summary>
    /// <exception cref="InvalidDataException">An invariant does not hold.</exception>
    public void Validate(World world)
    {
        foreach (var family in families)
            family.Validate(world);
    }

    /// <summary>Canonicalizes every family's lazily kept values (before a save).</summary>
    public void Canonicalize(World world)
    {
        foreach (var family in families)
            family.Canonicalize(world);
    }

    /// <summary>One line per population.</summary>
    public IEnumerable<string> Describe(World world)
    {
        foreach (var family in families)
            foreach (var population in family.Populations(world))
                yield return family.Describe(population);
    }
}
