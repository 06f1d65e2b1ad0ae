using System.Reflection;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Systems.Topology;

namespace GrowNet.Ecs.Systems;

/// <summary>
/// The engine's model families: the catalog the world codec resolves column names with and the
/// runner creates populations through. The pipeline registers their systems.
/// </summary>
public static class ModelFamilies
{
    /// <summary>Every family, in the order populations are listed.</summary>
    public static ModelCatalog Catalog { get; } = new([PoolFamily.Instance, TopologyFamily.Instance], UnconvertedColumns(),
        UnconvertedComponents().Select(key => new KeyValuePair<string, ColumnKey>(FormerName(key), key)));

    /// <summary>Checks the invariants of every population (families, then the models not yet behind the contract).</summary>
    /// <exception cref="InvalidDataException">An invariant does not hold.</exception>
    public static void Validate(World world)
    {
        Catalog.Validate(world);
        Region.RegionInvariants.Validate(world);
    }

    /// <summary>One line per population of every model.</summary>
    public static IEnumerable<string> Describe(World world)
    {
        foreach (string line in Catalog.Describe(world))
            yield return line;
        foreach (string line in Region.RegionCatalog.Describe(world))
            yield return line;
    }

    // Regions are moving behind the model contract; until their family exists, their columns are
    // listed from their column classes.
    private static IEnumerable<ColumnKey> UnconvertedColumns()
    {
        IEnumerable<ColumnKey> Fields(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => typeof(ColumnKey).IsAssignableFrom(f.FieldType)).Select(f => (ColumnKey)f.GetValue(null)!);
        return Fields(typeof(RegionColumns)).Concat(UnconvertedComponents());
    }

    private static ColumnKey[] UnconvertedComponents() =>
    [
        ComponentType<RegionConfig>.Key, ComponentType<RegionState>.Key, ComponentType<RegionMetrics>.Key,
        ComponentType<BusState>.Key, ComponentType<LayerInfo>.Key, ComponentType<LayerState>.Key,
        ComponentType<SlotConfig>.Key, ComponentType<TractInfo>.Key, ComponentType<TractState>.Key,
        ComponentType<PortInfo>.Key,
    ];

    // Format 1.0 stored components under their CLR type names (these types have not moved since).
    private static string FormerName(ColumnKey key) => key.ElementType.FullName!;
}
