namespace GrowNet.Ecs.Engine.Models;

/// <summary>
/// The model contract: what one family (pools, regions, topology blocks, graph blocks, …) gives
/// the engine, so the runner, links, recorders, the world codec and the catalog treat every
/// family alike. Implementations are stateless singletons; all state is in the world. The
/// family's systems are registered by the pipeline, which lists the whole tick in one place.
/// </summary>
public interface IModelFamily
{
    /// <summary>Family name, as scenario files and reports use it (e.g. <c>pool</c>).</summary>
    string Name { get; }

    /// <summary>The family's config record type (implements <see cref="IPopulationDefinition"/>).</summary>
    Type DefinitionType { get; }

    /// <summary>Every column and component the family stores, each declared once with its stable name.</summary>
    IReadOnlyList<ColumnKey> Columns { get; }

    /// <summary>Names older world files used for some columns (older name → column).</summary>
    IReadOnlyDictionary<string, ColumnKey> FormerNames { get; }

    /// <summary>Creates a population named <paramref name="name"/> from a validated definition.</summary>
    /// <exception cref="ModelConfigException">The definition is invalid (nothing is created).</exception>
    /// <exception cref="ArgumentException">The definition is of another family.</exception>
    Population Create(World world, string name, IPopulationDefinition definition);

    /// <summary>The family's populations in <paramref name="world"/>, in creation order.</summary>
    IReadOnlyList<Population> Populations(World world);

    /// <summary>Throws <see cref="InvalidDataException"/> when an invariant of a population does not hold.</summary>
    void Validate(World world);

    /// <summary>
    /// Brings every lazily kept value up to date without changing what it means, so equal worlds
    /// have equal bytes (the codec calls it before saving).
    /// </summary>
    void Canonicalize(World world);

    /// <summary>One line describing <paramref name="population"/> for reports.</summary>
    string Describe(Population population);
}
