using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>The network bookkeeping entity: creation order, projection indices and the change version.</summary>
internal static class NetworkRegistry
{
    private static readonly ComponentSet StateSet = ComponentSet.Of<NetworkState>();

    /// <summary>The current change version (0 while the world has no network objects).</summary>
    public static uint Version(World world)
    {
        foreach (var table in world.Query(StateSet))
            if (table.Count > 0)
                return table.Span<NetworkState>()[0].Version;
        return 0;
    }

    /// <summary>Takes the next creation order number and bumps the version.</summary>
    public static ulong TakeOrder(World world)
    {
        ref var state = ref State(world);
        state.Version++;
        return state.NextOrder++;
    }

    /// <summary>Takes the next projection index.</summary>
    public static int TakeProjectionIndex(World world) => State(world).NextProjectionIndex++;

    /// <summary>Records that an object was removed.</summary>
    public static void Bump(World world) => State(world).Version++;

    private static ref NetworkState State(World world)
    {
        Entity found = Entity.Null;
        foreach (var table in world.Query(StateSet))
            if (table.Count > 0)
                found = table.Entities[0];
        if (found.IsNull)
            found = world.Create(new NetworkState { Version = 1 });
        return ref world.Get<NetworkState>(found);
    }
}
