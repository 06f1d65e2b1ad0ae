using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>The graph-module family's side of the model contract (docs/architecture.md, "The model contract"; graph.md).</summary>
public sealed class GraphFamily : IModelFamily
{
    /// <summary>The family name.</summary>
    public const string FamilyName = "graph";

    private GraphFamily()
    {
    }

    /// <summary>The one instance.</summary>
    public static GraphFamily Instance { get; } = new();

    /// <inheritdoc />
    public string Name => FamilyName;

    /// <inheritdoc />
    public Type DefinitionType => typeof(GraphDefinition);

    /// <inheritdoc />
    public IReadOnlyList<ColumnKey> Columns { get; } =
        [ComponentType<GraphConfig>.Key, ComponentType<GraphState>.Key, .. GraphColumns.Tables.SelectMany(t => t.Columns)];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ColumnKey> FormerNames { get; } = new Dictionary<string, ColumnKey>(StringComparer.Ordinal);

    /// <inheritdoc />
    public Population Create(World world, string name, IPopulationDefinition definition)
        => definition is GraphDefinition graph
            ? GraphFactory.Create(world, name, graph)
            : throw new ArgumentException($"A graph block is made from a {nameof(GraphDefinition)}, not a {definition.GetType().Name}.", nameof(definition));

    /// <inheritdoc />
    public IReadOnlyList<Population> Populations(World world) => GraphBlock.All(world);

    /// <inheritdoc />
    public void Validate(World world) => GraphInvariants.Validate(world);

    /// <inheritdoc />
    /// <remarks>Nothing is kept lazily: every column holds its final value after each tick, whatever the thread count.</remarks>
    public void Canonicalize(World world)
    {
    }

    /// <inheritdoc />
    public string Describe(Population population)
    {
        var block = (GraphBlock)population;
        return $"graph block '{block.Name}': {block.NodeCount} nodes ({block.ChannelCount} channels, {block.NodeCount - block.PredictorStart} predictors, " +
               $"Lmax {block.MaxLevel}), Cstruct {block.Cstruct}, tick {block.TickCount}";
    }
}
