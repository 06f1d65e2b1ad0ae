using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Topology;

/// <summary>
/// Per-block scalars and the handles of the block's tables; a component of the block entity
/// (together with <see cref="TopologyParameters"/>). Everything a tick needs lives here or in
/// the tables, so a world codec can store a block generically.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct TopologyState : IComponent
{
    /// <inheritdoc />
    public static string StableName => "topology.state";

    /// <summary>Vertex table: one row per vertex (see <see cref="TopologyColumns"/>).</summary>
    public TableHandle Vertices;
    /// <summary>Dense weight table (N · RowStride rows when dense, empty when sparse).</summary>
    public TableHandle DenseWeights;
    /// <summary>Dense mask table (N · RowStride / 64 rows when dense, empty when sparse).</summary>
    public TableHandle DenseMask;
    /// <summary>Sparse edge table (one row per edge when sparse, empty when dense).</summary>
    public TableHandle Edges;
    /// <summary>Pending structural changes recorded in the Growth phase and applied in the Prune phase (empty between ticks).</summary>
    public TableHandle Changes;
    /// <summary>Dense representation: floats per matrix row, a multiple of 64 and ≥ N (0 when sparse).</summary>
    public int RowStride;
    /// <summary>The representation in use.</summary>
    public TopologyRepresentation Representation;
    /// <summary>True while the sparse rows have gaps (pruning ran; the Prune phase compacts them).</summary>
    public bool SparseRowsHaveGaps;
    /// <summary>True when <see cref="TopologyColumns.Input"/> holds an input for the coming tick.</summary>
    public bool InputPending;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding47;
#pragma warning restore CS0169
    /// <summary>Number of edges |E|.</summary>
    public int EdgeCount;
    /// <summary>Reward R, held until the host changes it. Default 1.</summary>
    public float Reward;
    /// <summary>Ticks since the last representation switch (saturating).</summary>
    public int TicksSinceSwitch;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private int padding60;
#pragma warning restore CS0169
    /// <summary>Ticks completed by this block.</summary>
    public ulong TickCount;
    /// <summary>Edges pruned for weakness on the last tick (step 3).</summary>
    public int LastPruned;
    /// <summary>Edges sprouted into free capacity on the last tick (step 4).</summary>
    public int LastSprouted;
    /// <summary>Duels won on the last tick: edges replaced by a stronger candidate (step 4).</summary>
    public int LastReplaced;
    /// <summary>Number of representation switches since creation.</summary>
    public int Switches;
}
