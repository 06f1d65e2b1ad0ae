using System.Runtime.CompilerServices;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// What the region model tells the world codec (through <see cref="ModelCatalog"/>): its column
/// keys and component types, registered before a world file is read so the names in the file
/// resolve, and one line per region for reports.
/// </summary>
public static class RegionCatalog
{
    /// <summary>Registers every region column key and component type in this process.</summary>
    public static void EnsureRegistered()
    {
        RuntimeHelpers.RunClassConstructor(typeof(RegionColumns).TypeHandle);
        _ = ComponentType<RegionConfig>.Key;
        _ = ComponentType<RegionState>.Key;
        _ = ComponentType<RegionMetrics>.Key;
        _ = ComponentType<BusState>.Key;
        _ = ComponentType<LayerInfo>.Key;
        _ = ComponentType<LayerState>.Key;
        _ = ComponentType<SlotConfig>.Key;
        _ = ComponentType<TractInfo>.Key;
        _ = ComponentType<TractState>.Key;
        _ = ComponentType<PortInfo>.Key;
    }

    /// <summary>One line per region: layers, neurons, slots, edges, step.</summary>
    public static IEnumerable<string> Describe(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        foreach (var region in Region.All(world))
        {
            var state = world.Get<RegionState>(region.Entity);
            long neurons = 0;
            for (int l = 0; l < region.LayerCount; l++)
                neurons += region.NeuronCount(l);
            yield return $"region '{region.Name}': {region.LayerCount} layers, {neurons} neurons/pixels, " +
                         $"{RegionMetricsSystem.TotalSlots(world, state)} slots, {RegionMetricsSystem.TotalSynapses(world, state)} edges " +
                         $"in {region.TractCount} tracts, step {region.Bus.CurrentStep}";
        }
    }
}
