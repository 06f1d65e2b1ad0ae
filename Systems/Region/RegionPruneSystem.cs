using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The Prune phase: regions with <see cref="RegionConfig.AutoPruneInterval"/> &gt; 0 prune stale
/// and weak gated edges every that many ticks (hosts may also call <see cref="Region.Prune"/>
/// between ticks). The counts go to the tick's metrics.
/// </summary>
public sealed class RegionPruneSystem : ISystem
{

    /// <inheritdoc />
    public string Name => "RegionPrune";

    /// <inheritdoc />
    public void Update(World world)
    {
        // Passes change the regions' population tables, never the region entities' table.
        foreach (var owners in world.QueryOwners(RegionAccess.RegionSet))
            foreach (var region in owners.Entities)
            {
                if (world.IsRemote(region))
                    continue;
                var config = world.Get<RegionConfig>(region);
                long step = world.Get<BusState>(region).CurrentStep;
                if (config.AutoPruneInterval <= 0 || (step + 1) % config.AutoPruneInterval != 0)
                    continue;
                var result = RegionPruner.Prune(world, region, config.AutoPruneStaleWindow, config.AutoPruneMinStrength);
                ref var metrics = ref world.Get<RegionMetrics>(region);
                metrics.PrunedSynapses = result.PrunedSynapses;
                metrics.PrunedEdges = result.PrunedEdges;
            }
    }
}
