using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Pool;

/// <summary>
/// Column keys of a pool's population tables. The cell table has one row per cell (SoA, one
/// array per field); the synapse table is the CSR payload (rows of source i are
/// <c>RowStart[i] .. RowStart[i+1]</c>, the last row ending at the synapse count); the delay
/// table holds the ring: slot s, cell i at row <c>s * N + i</c>.
/// </summary>
public static class PoolColumns
{
    /// <summary>Membrane potential, Q8.8.</summary>
    public static readonly ColumnKey<short> Membrane = new ColumnKey<short>("pool.cell.membrane");
    /// <summary>Adaptive spike threshold, Q8.8.</summary>
    public static readonly ColumnKey<short> Threshold = new ColumnKey<short>("pool.cell.threshold");
    /// <summary>Leak rate by profile (RS 4, FS 8, IB 2).</summary>
    public static readonly ColumnKey<byte> Leak = new ColumnKey<byte>("pool.cell.leak");
    /// <summary>Refractory countdown.</summary>
    public static readonly ColumnKey<byte> Refract = new ColumnKey<byte>("pool.cell.refract");
    /// <summary>Bit 0 inhibitory; bits 1–2 profile.</summary>
    public static readonly ColumnKey<byte> Flags = new ColumnKey<byte>("pool.cell.flags");
    /// <summary>Post-synaptic trace.</summary>
    public static readonly ColumnKey<sbyte> Trace = new ColumnKey<sbyte>("pool.cell.trace");
    /// <summary>1 when the cell spiked on the last tick.</summary>
    public static readonly ColumnKey<byte> SpikeOut = new ColumnKey<byte>("pool.cell.spikeOut");
    /// <summary>Synaptic current drained from the delay ring this tick.</summary>
    public static readonly ColumnKey<short> SynapticCurrent = new ColumnKey<short>("pool.cell.synapticCurrent");
    /// <summary>Homeostatic spike-rate average.</summary>
    public static readonly ColumnKey<ushort> SpikeRate = new ColumnKey<ushort>("pool.cell.spikeRate");
    /// <summary>External input current held for the coming ticks (rows ≥ the input length are ignored).</summary>
    public static readonly ColumnKey<short> Input = new ColumnKey<short>("pool.cell.input");
    /// <summary>CSR row start of the cell's outgoing synapses.</summary>
    public static readonly ColumnKey<uint> RowStart = new ColumnKey<uint>("pool.cell.rowStart");
    /// <summary>
    /// Pool tick at which the row's stored eligibilities were last brought up to date: the true
    /// value at pool tick C is the decay map applied (C − stamp) times (exact lazy decay).
    /// </summary>
    public static readonly ColumnKey<ulong> EligibilityStamp = new ColumnKey<ulong>("pool.cell.eligibilityStamp");
    /// <summary>Scratch: indices of the cells that spiked this tick (first LastSpikeCount rows).</summary>
    public static readonly ColumnKey<int> SpikeList = new ColumnKey<int>("pool.cell.spikeList");

    /// <summary>The synapse payload of the CSR store.</summary>
    public static readonly ColumnKey<Synapse> Synapses = new ColumnKey<Synapse>("pool.synapse");

    /// <summary>Delay-ring current, slot-major.</summary>
    public static readonly ColumnKey<short> DelaySlot = new ColumnKey<short>("pool.delay.current");

    /// <summary>The cell table's columns, declared once.</summary>
    public static IReadOnlyList<ColumnKey> CellColumns { get; } =
    [
        Membrane, Threshold, Leak, Refract, Flags, Trace, SpikeOut, SynapticCurrent, SpikeRate, Input,
        RowStart, EligibilityStamp, SpikeList,
    ];

    /// <summary>All cell columns.</summary>
    public static ComponentSet CellSet { get; } = ComponentSet.Of([.. CellColumns]);

    /// <summary>The synapse table's columns.</summary>
    public static ComponentSet SynapseSet { get; } = ComponentSet.Of(Synapses);

    /// <summary>The delay table's columns.</summary>
    public static ComponentSet DelaySet { get; } = ComponentSet.Of(DelaySlot);
}
