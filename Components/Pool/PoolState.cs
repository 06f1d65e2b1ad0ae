using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Pool;

/// <summary>
/// Per-pool scalars and the handles of the pool's tables; a component of the pool entity
/// (together with <see cref="PoolConfig"/>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct PoolState : IComponent
{
    /// <inheritdoc />
    public static string StableName => "pool.state";

    /// <summary>Cell table (one row per cell).</summary>
    public TableHandle Cells;
    /// <summary>Synapse table (CSR payload).</summary>
    public TableHandle Synapses;
    /// <summary>Delay-ring table (MaxDelay × N rows).</summary>
    public TableHandle DelayRing;
    /// <summary>Ticks completed.</summary>
    public ulong TickCount;
    /// <summary>Ring slot drained next.</summary>
    public int WriteHead;
    /// <summary>Spikes on the last tick.</summary>
    public int LastSpikeCount;
    /// <summary>Number of leading cells that read <see cref="PoolColumns.Input"/> (0 = no input).</summary>
    public int InputLength;
    /// <summary>Number of excitatory cells (rows [0, ExcitatoryCount)).</summary>
    public int ExcitatoryCount;
    /// <summary>Sum of all spikes since creation (or load).</summary>
    public ulong TotalSpikes;
    /// <summary>
    /// 1 when every CSR row is in ascending target order (all generators produce that; a
    /// synaptogenesis append may break it). Lets a target-partitioned propagation find its part
    /// of a row by binary search; it never changes results.
    /// </summary>
    public byte RowsSorted;

    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding57;
    private short padding58;
    private int padding60;
#pragma warning restore CS0169
}
