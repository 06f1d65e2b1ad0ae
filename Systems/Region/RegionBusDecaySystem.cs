using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Decay phase (grownet.md "Buses"): once at the end of every tick, the region bus and every
/// layer bus decay — inhibition ×= decay, modulation = 1, step + 1.
/// </summary>
public sealed class RegionBusDecaySystem : ISystem
{

    /// <inheritdoc />
    public string Name => "RegionBusDecay";

    /// <inheritdoc />
    public void Update(World world)
    {
        // Passes change the regions' population tables, never the region entities' table.
        foreach (var owners in world.QueryOwners(RegionAccess.RegionSet))
            foreach (var region in owners.Entities)
            {
                if (world.IsRemote(region))
                    continue;
                world.Get<BusState>(region).Decay();
                foreach (var layer in RegionAccess.Layers(world, world.Get<RegionState>(region)))
                    world.Get<BusState>(layer).Decay();
            }
    }
}
