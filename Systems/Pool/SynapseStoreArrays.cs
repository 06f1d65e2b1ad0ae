using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// The arrays one synapse store's transmission touches: the sending pool's spike list, the
/// store's CSR rows (one per sending cell) with their eligibility stamps and synapses, and the
/// receiving pool's delay ring and spike flags. A pool's own synapses send and receive in the same
/// pool; a projection sends from A and receives in B. Array lengths are capacities; the counts
/// are given.
/// </summary>
internal readonly record struct SynapseStoreArrays(
    int[] SpikeList,
    int Spikes,
    uint[] RowStart,
    ulong[] Stamps,
    int Rows,
    Synapse[] Synapses,
    int SynapseCount,
    short[] Ring,
    byte[] SpikeOut,
    int TargetCells)
{
    /// <summary>
    /// Events expected this tick: spiking rows times the mean row length. An estimate (no pass
    /// over the spiking rows) for choices that do not change results: serial or parallel, whether
    /// to warm the ring.
    /// </summary>
    public long ExpectedEvents => (long)Spikes * SynapseCount / Math.Max(Rows, 1);

    /// <summary>A pool's own store this tick: its spike list (<see cref="PoolState.LastSpikeCount"/> spikes), rows, synapses and ring.</summary>
    public static SynapseStoreArrays OfPool(World world, in PoolState state)
    {
        var cells = world.GetTable(state.Cells);
        var synapses = world.GetTable(state.Synapses);
        int n = cells.Count;
        return new SynapseStoreArrays(
            cells.DangerousGetArray(PoolColumns.SpikeList), state.LastSpikeCount,
            cells.DangerousGetArray(PoolColumns.RowStart), cells.DangerousGetArray(PoolColumns.EligibilityStamp), n,
            synapses.DangerousGetArray(PoolColumns.Synapses), synapses.Count,
            world.GetTable(state.DelayRing).DangerousGetArray(PoolColumns.DelaySlot), cells.DangerousGetArray(PoolColumns.SpikeOut), n);
    }
}
