using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Topology;

/// <summary>
/// Column keys of a topology block's population tables (topology.md). Vertices are indices:
/// row i of the vertex table is vertex i, always. The dense weight table holds W row-major,
/// cell (i, j) at row <c>i * RowStride + j</c>; the dense mask table holds M, bit j % 64 of
/// row <c>i * RowStride / 64 + j / 64</c>. The sparse edge table holds the compressed rows:
/// vertex i's edges are rows <c>RowStart[i] .. RowStart[i] + Degree[i]</c>, in ascending column
/// order. Only the tables of the block's current representation hold rows.
/// </summary>
public static class TopologyColumns
{
    /// <summary>Activation x, in [−1, 1].</summary>
    public static readonly ColumnKey<float> Activation = new ColumnKey<float>("topology.vertex.activation");
    /// <summary>Pre-activation z of the last tick (recomputed every tick).</summary>
    public static readonly ColumnKey<float> PreActivation = new ColumnKey<float>("topology.vertex.preActivation");
    /// <summary>External input u of the coming tick (zeros when none; consumed by the tick).</summary>
    public static readonly ColumnKey<float> Input = new ColumnKey<float>("topology.vertex.input");
    /// <summary>Sensory gain s.</summary>
    public static readonly ColumnKey<float> SensoryGain = new ColumnKey<float>("topology.vertex.sensoryGain");
    /// <summary>Bias b.</summary>
    public static readonly ColumnKey<float> Bias = new ColumnKey<float>("topology.vertex.bias");
    /// <summary>Number of edges in the vertex's row of W (its in-degree: W[i, j] carries x_j into z_i).</summary>
    public static readonly ColumnKey<int> Degree = new ColumnKey<int>("topology.vertex.degree");
    /// <summary>Sparse representation: first row of the vertex's edges in the edge table (0 when dense).</summary>
    public static readonly ColumnKey<int> RowStart = new ColumnKey<int>("topology.vertex.rowStart");

    /// <summary>Dense representation: W, one float per cell, row-major with the block's row stride.</summary>
    public static readonly ColumnKey<float> DenseWeight = new ColumnKey<float>("topology.dense.weight");
    /// <summary>Dense representation: M, 64 cells per word, row-major with RowStride / 64 words per row.</summary>
    public static readonly ColumnKey<ulong> DenseMask = new ColumnKey<ulong>("topology.dense.mask");

    /// <summary>Sparse representation: the column j of an edge W[i, j].</summary>
    public static readonly ColumnKey<int> EdgeColumn = new ColumnKey<int>("topology.edge.column");
    /// <summary>Sparse representation: the weight W[i, j] of an edge.</summary>
    public static readonly ColumnKey<float> EdgeWeight = new ColumnKey<float>("topology.edge.weight");

    /// <summary>Pending structural change: the row i of the edge.</summary>
    public static readonly ColumnKey<int> ChangeRow = new ColumnKey<int>("topology.change.row");
    /// <summary>Pending structural change: the column j of the edge.</summary>
    public static readonly ColumnKey<int> ChangeColumn = new ColumnKey<int>("topology.change.column");
    /// <summary>Pending structural change: the weight a sprout starts with (0 for a removal).</summary>
    public static readonly ColumnKey<float> ChangeWeight = new ColumnKey<float>("topology.change.weight");
    /// <summary>Pending structural change: a <see cref="TopologyChangeKind"/>.</summary>
    public static readonly ColumnKey<byte> ChangeKind = new ColumnKey<byte>("topology.change.kind");

    /// <summary>The vertex table: one row per vertex.</summary>
    public static readonly TableDeclaration VertexTable =
        new("topology.vertex", Activation, PreActivation, Input, SensoryGain, Bias, Degree, RowStart);

    /// <summary>The dense weight table: N · RowStride cells when dense, empty when sparse.</summary>
    public static readonly TableDeclaration DenseWeightTable = new("topology.dense.weight", DenseWeight);

    /// <summary>The dense mask table: N · RowStride / 64 words when dense, empty when sparse.</summary>
    public static readonly TableDeclaration DenseMaskTable = new("topology.dense.mask", DenseMask);

    /// <summary>The sparse edge table: one row per edge when sparse, empty when dense.</summary>
    public static readonly TableDeclaration EdgeTable = new("topology.edge", EdgeColumn, EdgeWeight);

    /// <summary>The pending-change table (empty between ticks).</summary>
    public static readonly TableDeclaration ChangeTable = new("topology.change", ChangeRow, ChangeColumn, ChangeWeight, ChangeKind);

    /// <summary>Every table a block owns, in the order its state names them.</summary>
    public static IReadOnlyList<TableDeclaration> Tables { get; } = [VertexTable, DenseWeightTable, DenseMaskTable, EdgeTable, ChangeTable];
}
