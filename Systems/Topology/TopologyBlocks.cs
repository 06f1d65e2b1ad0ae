using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>Finds the topology blocks of a world: systems query this set (structural ones with <see cref="World.QueryOwners"/>).</summary>
internal static class TopologyBlocks
{
    /// <summary>The component set every block entity has.</summary>
    public static readonly ComponentSet BlockSet = ComponentSet.Of<TopologyParameters, TopologyState>();
}
