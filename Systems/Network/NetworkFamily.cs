using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// The network's side of the model contract: its populations are the sources (each with a
/// <c>value</c> port); it also declares the columns of projections, links and modulators, checks
/// their invariants after a load and canonicalizes the projections' lazy eligibility before a save.
/// </summary>
public sealed class NetworkFamily : IModelFamily
{
    /// <summary>The family name (of its populations, the sources).</summary>
    public const string FamilyName = "source";

    private NetworkFamily()
    {
    }

    /// <summary>The one instance.</summary>
    public static NetworkFamily Instance { get; } = new();

    /// <inheritdoc />
    public string Name => FamilyName;

    /// <inheritdoc />
    public Type DefinitionType => typeof(SourceDefinition);

    /// <inheritdoc />
    public IReadOnlyList<ColumnKey> Columns => NetworkColumns.All;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ColumnKey> FormerNames { get; } = new Dictionary<string, ColumnKey>();

    /// <inheritdoc />
    public Population Create(World world, string name, IPopulationDefinition definition)
        => definition is SourceDefinition source
            ? NetworkBuilder.AddSource(world, name, source)
            : throw new ArgumentException($"A source is made from a {nameof(SourceDefinition)}, not a {definition.GetType().Name}.", nameof(definition));

    /// <inheritdoc />
    public IReadOnlyList<Population> Populations(World world) => SignalSource.All(world);

    /// <inheritdoc />
    public void Validate(World world) => NetworkInvariants.Validate(world);

    /// <inheritdoc />
    public void Canonicalize(World world)
    {
        foreach (var projection in Projection.All(world))
            projection.MaterializeEligibility();
    }

    /// <inheritdoc />
    public string Describe(Population population)
    {
        var source = (SignalSource)population;
        var state = source.State;
        return $"source '{source.Name}': {state.Kind} → {NetworkBuilder.Address(source.World, state.To)}, every {state.Every} from tick {state.Start}";
    }
}
