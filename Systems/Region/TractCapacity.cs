using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The most events one pass of a tract can queue, from its structure alone, so queues and the
/// flush's scratch can be reserved when the structure changes instead of growing inside the
/// tick when activity first reaches them (a frame loop then allocates nothing once running).
/// </summary>
internal static class TractCapacity
{
    /// <summary>Reservations stop here (events per queue); larger bursts still grow their buffers once.</summary>
    public const int MaxReservedEvents = 1 << 16;

    /// <summary>A gated tract queues one event per edge of a firing source; a broadcast tract one per firing source.</summary>
    public static int EventsPerPass(World world, in TractInfo info, in TractState state)
    {
        int sources = Math.Max(0, world.GetTable(state.Sources).Count - 1);
        int events = info.Broadcast ? sources : world.GetTable(state.Edges).Count;
        return Math.Min(events, MaxReservedEvents);
    }

    /// <summary>Reserves both queues of every tract of the region for one pass's events.</summary>
    public static void ReserveQueues(World world, in RegionState region)
    {
        foreach (var tract in RegionAccess.Tracts(world, region))
        {
            var state = world.Get<TractState>(tract);
            int events = EventsPerPass(world, world.Get<TractInfo>(tract), state);
            if (world.GetTable(state.EntryQueue).Capacity < events)
                world.ReserveRows(state.EntryQueue, events);
            if (world.GetTable(state.PendingQueue).Capacity < events)
                world.ReserveRows(state.PendingQueue, events);
        }
    }
}
