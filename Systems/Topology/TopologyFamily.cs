using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>The topology family's side of the model contract (docs/architecture.md, "The model contract").</summary>
public sealed class TopologyFamily : IModelFamily
{
    /// <summary>The family name.</summary>
    public const string FamilyName = "topology";

    private TopologyFamily()
    {
    }

    /// <summary>The one instance.</summary>
    public static TopologyFamily Instance { get; } = new();

    /// <inheritdoc />
    public string Name => FamilyName;

    /// <inheritdoc />
    public Type DefinitionType => typeof(TopologyDefinition);

    /// <inheritdoc />
    public IReadOnlyList<ColumnKey> Columns { get; } =
    [
        ComponentType<TopologyParameters>.Key, ComponentType<TopologyState>.Key,
        .. TopologyColumns.Tables.SelectMany(table => table.Columns),
    ];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ColumnKey> FormerNames { get; } = new Dictionary<string, ColumnKey>(StringComparer.Ordinal)
    {
        // Format 1.0 stored components under their CLR type names.
        ["GrowNet.Ecs.Components.Topology.TopologyParameters"] = ComponentType<TopologyParameters>.Key,
        ["GrowNet.Ecs.Components.Topology.TopologyState"] = ComponentType<TopologyState>.Key,
    };

    /// <inheritdoc />
    public Population Create(World world, string name, IPopulationDefinition definition)
        => definition is TopologyDefinition topology
            ? TopologyBlock.Create(world, name, topology)
            : throw new ArgumentException($"A topology block is made from a {nameof(TopologyDefinition)}, not a {definition.GetType().Name}.",
                nameof(definition));

    /// <inheritdoc />
    public IReadOnlyList<Population> Populations(World world) => TopologyBlock.All(world);

    /// <inheritdoc />
    public void Validate(World world) => TopologyInvariants.Validate(world);

    /// <inheritdoc />
    public void Canonicalize(World world)
    {
        // Nothing is kept lazily: every table holds its final values between ticks.
    }

    /// <inheritdoc />
    public string Describe(Population population)
    {
        var block = (TopologyBlock)population;
        return $"topology block '{block.Name}': {block.VertexCount} vertices, {block.EdgeCount} edges (budget {block.EdgeBudget}), " +
               $"{block.Representation}, tick {block.TickCount}";
    }
}
