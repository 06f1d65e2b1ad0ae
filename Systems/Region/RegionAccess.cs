using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>Lookups shared by the region systems, builders and facade.</summary>
internal static class RegionAccess
{
    public static readonly ComponentSet RegionSet = ComponentSet.Of<RegionConfig, RegionState, RegionMetrics>().With(ComponentType<BusState>.Id);

    public static Span<Entity> Layers(World world, in RegionState state) => world.GetTable(state.Layers).Span(RegionColumns.LayerEntity);

    public static Span<Entity> Tracts(World world, in RegionState state) => world.GetTable(state.Tracts).Span(RegionColumns.TractEntity);

    public static Span<Entity> Ports(World world, in RegionState state) => world.GetTable(state.Ports).Span(RegionColumns.PortEntity);

    public static Span<MeshRule> Rules(World world, in RegionState state) => world.GetTable(state.MeshRules).Span(RegionColumns.MeshRules);

    /// <summary>Rows of a layer: slot neurons, or pixels of a 2D layer.</summary>
    public static int NeuronCount(World world, Entity layer)
    {
        var state = world.Get<LayerState>(layer);
        return world.GetTable(world.Get<LayerInfo>(layer).Kind == LayerKind.Standard ? state.Neurons : state.Pixels).Count;
    }

    /// <summary>The live regions in entity order (a new list: for host calls, not for ticks).</summary>
    public static List<Entity> Regions(World world)
    {
        var regions = new List<Entity>();
        CollectRegions(world, regions);
        return regions;
    }

    /// <summary>
    /// Collects the live regions (entity order) without holding a query open: for growth, which
    /// creates layer entities (spillover) and so changes the archetype tables an owner query walks.
    /// </summary>
    public static void CollectRegions(World world, List<Entity> regions)
    {
        regions.Clear();
        foreach (var table in world.Query(RegionSet))
            foreach (var entity in table.Entities)
                regions.Add(entity);
        if (regions.Count > 1)
            regions.Sort(static (a, b) => a.Index.CompareTo(b.Index));
    }
}
