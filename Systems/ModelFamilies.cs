using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems.Graph;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Systems.Region;
using GrowNet.Ecs.Systems.Topology;

namespace GrowNet.Ecs.Systems;

/// <summary>
/// The engine's model families: the catalog the world codec resolves column names with and the
/// runner creates populations through. The pipeline registers their systems.
/// </summary>
public static class ModelFamilies
{
    /// <summary>Every family, in the order populations are listed.</summary>
    public static ModelCatalog Catalog { get; } =
        new([PoolFamily.Instance, RegionFamily.Instance, TopologyFamily.Instance, GraphFamily.Instance, NetworkFamily.Instance]);

    /// <summary>Checks the invariants of every population.</summary>
    /// <exception cref="InvalidDataException">An invariant does not hold.</exception>
    public static void Validate(World world) => Catalog.Validate(world);

    /// <summary>One line per population of every family, then one per projection and link.</summary>
    public static IEnumerable<string> Describe(World world) => Catalog.Describe(world).Concat(NetworkBuilder.Describe(world));
}
