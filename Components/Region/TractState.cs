using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Region;

/// <summary>
/// A tract's tables; a component of every tract entity. Edges are compressed sparse rows by
/// source neuron (rows of source s: <c>RowStart[s] .. RowStart[s+1]</c>), in creation order within
/// a row. Events wait in two queues: those queued in phase A of this tick (entry) and those
/// queued during the previous flush (pending); the next flush delivers both.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct TractState : IComponent
{
    /// <inheritdoc />
    public static string StableName => "region.tractState";

    /// <summary>One row per source neuron plus one (<see cref="RegionTables.Sources"/>).</summary>
    public TableHandle Sources;
    /// <summary>Edge table (<see cref="RegionTables.Edges"/>).</summary>
    public TableHandle Edges;
    /// <summary>Events queued during phase A (<see cref="RegionTables.Queue"/>).</summary>
    public TableHandle EntryQueue;
    /// <summary>Events queued during the previous flush.</summary>
    public TableHandle PendingQueue;
    /// <summary>Source pixels taking part (broadcast windowed tracts).</summary>
    public int ParticipatingSources;
}
