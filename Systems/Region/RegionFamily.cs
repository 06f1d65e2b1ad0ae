using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>The GrowNet region family's side of the model contract (docs/architecture.md, "The model contract").</summary>
public sealed class RegionFamily : IModelFamily
{
    /// <summary>The family name.</summary>
    public const string FamilyName = "region";

    private RegionFamily()
    {
    }

    /// <summary>The one instance.</summary>
    public static RegionFamily Instance { get; } = new();

    /// <inheritdoc />
    public string Name => FamilyName;

    /// <inheritdoc />
    public Type DefinitionType => typeof(RegionDefinition);

    /// <inheritdoc />
    public IReadOnlyList<ColumnKey> Columns { get; } =
    [
        ComponentType<RegionConfig>.Key, ComponentType<RegionState>.Key, ComponentType<RegionMetrics>.Key,
        ComponentType<BusState>.Key, ComponentType<LayerInfo>.Key, ComponentType<LayerState>.Key,
        ComponentType<SlotConfig>.Key, ComponentType<TractInfo>.Key, ComponentType<TractState>.Key,
        ComponentType<RegionPortBinding>.Key,
        .. RegionTables.All.SelectMany(table => table.Columns).Distinct(),
    ];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ColumnKey> FormerNames { get; } = new Dictionary<string, ColumnKey>(StringComparer.Ordinal)
    {
        // Format 1.0 stored components under their CLR type names; the port binding was PortInfo then.
        ["GrowNet.Ecs.Components.Region.RegionConfig"] = ComponentType<RegionConfig>.Key,
        ["GrowNet.Ecs.Components.Region.RegionState"] = ComponentType<RegionState>.Key,
        ["GrowNet.Ecs.Components.Region.RegionMetrics"] = ComponentType<RegionMetrics>.Key,
        ["GrowNet.Ecs.Components.Region.BusState"] = ComponentType<BusState>.Key,
        ["GrowNet.Ecs.Components.Region.LayerInfo"] = ComponentType<LayerInfo>.Key,
        ["GrowNet.Ecs.Components.Region.LayerState"] = ComponentType<LayerState>.Key,
        ["GrowNet.Ecs.Components.Region.SlotConfig"] = ComponentType<SlotConfig>.Key,
        ["GrowNet.Ecs.Components.Region.TractInfo"] = ComponentType<TractInfo>.Key,
        ["GrowNet.Ecs.Components.Region.TractState"] = ComponentType<TractState>.Key,
        ["GrowNet.Ecs.Components.Region.PortInfo"] = ComponentType<RegionPortBinding>.Key,
    };

    /// <inheritdoc />
    public Population Create(World world, string name, IPopulationDefinition definition)
        => definition is RegionDefinition region
            ? Region.Create(world, name, region)
            : throw new ArgumentException($"A region is made from a {nameof(RegionDefinition)}, not a {definition?.GetType().Name ?? "null"}.", nameof(definition));

    /// <inheritdoc />
    public IReadOnlyList<Population> Populations(World world) => Region.All(world);

    /// <inheritdoc />
    public void Validate(World world) => RegionInvariants.Validate(world);

    /// <inheritdoc />
    public void Canonicalize(World world)
    {
        // Nothing is kept lazily: every region value is current after each step.
    }

    /// <inheritdoc />
    public string Describe(Population population)
    {
        var region = (Region)population;
        var state = region.World.Get<RegionState>(region.Entity);
        long neurons = 0;
        for (int l = 0; l < region.LayerCount; l++)
            neurons += region.NeuronCount(l);
        return $"region '{region.Name}': {region.LayerCount} layers, {neurons} neurons/pixels, " +
               $"{RegionMetricsSystem.TotalSlots(region.World, state)} slots, {RegionMetricsSystem.TotalSynapses(region.World, state)} edges " +
               $"in {region.TractCount} tracts, step {region.Bus.CurrentStep}";
    }
}
