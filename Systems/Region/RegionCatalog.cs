using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>One line per region for reports.</summary>
public static class RegionCatalog
{
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
