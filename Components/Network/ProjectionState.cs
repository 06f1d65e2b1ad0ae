using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Network;

/// <summary>
/// A projection from pool <see cref="Source"/> (A) to pool <see cref="Target"/> (B): its tables
/// (rows by source cell of A; synapses whose targets are cells of B) and counters.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct ProjectionState : IComponent
{
    /// <inheritdoc />
    public static string StableName => "network.projection.state";

    /// <summary>Source pool A.</summary>
    public Entity Source;
    /// <summary>Target pool B.</summary>
    public Entity Target;
    /// <summary>Row table: one row per cell of A (CSR row start, lazy-eligibility stamp).</summary>
    public TableHandle Rows;
    /// <summary>Synapse table (CSR payload, pool synapses with targets in B).</summary>
    public TableHandle Synapses;
    /// <summary>Ticks transmitted; the clock of the lazy eligibility decay and the synaptogenesis seed.</summary>
    public ulong TickCount;
    /// <summary>Creation order among all network objects (projections run in this order).</summary>
    public ulong Order;
    /// <summary>Projection index (0, 1, …, in creation order; never reused): the synaptogenesis seed is XOR (index + 1).</summary>
    public int Index;
    /// <summary>1 when every row is in strictly ascending target order.</summary>
    public byte RowsSorted;

    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding53;
    private short padding54;
#pragma warning restore CS0169
}
