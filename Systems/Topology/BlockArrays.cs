using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The backing arrays of one block's tables, gathered once per system run so kernels and
/// parallel actions can hold them (spans cannot live in a struct the worker pool copies).
/// Arrays are at least as long as the rows in use; stale after any structural change.
/// </summary>
internal readonly struct BlockArrays
{
    public BlockArrays(World world, in TopologyState state)
    {
        var vertices = world.GetTable(state.Vertices);
        VertexCount = vertices.Count;
        Activation = Column(vertices, TopologyColumns.Activation);
        PreActivation = Column(vertices, TopologyColumns.PreActivation);
        Input = Column(vertices, TopologyColumns.Input);
        SensoryGain = Column(vertices, TopologyColumns.SensoryGain);
        Bias = Column(vertices, TopologyColumns.Bias);
        Degree = Column(vertices, TopologyColumns.Degree);
        RowStart = Column(vertices, TopologyColumns.RowStart);
        var weights = world.GetTable(state.DenseWeights);
        DenseWeights = Column(weights, TopologyColumns.DenseWeight);
        DenseCells = weights.Count;
        var mask = world.GetTable(state.DenseMask);
        DenseMask = Column(mask, TopologyColumns.DenseMask);
        DenseMaskWords = mask.Count;
        var edges = world.GetTable(state.Edges);
        EdgeColumns = Column(edges, TopologyColumns.EdgeColumn);
        EdgeWeights = Column(edges, TopologyColumns.EdgeWeight);
        EdgeRows = edges.Count;
        Stride = state.RowStride;
    }

    public int VertexCount { get; }
    public float[] Activation { get; }
    public float[] PreActivation { get; }
    public float[] Input { get; }
    public float[] SensoryGain { get; }
    public float[] Bias { get; }
    public int[] Degree { get; }
    public int[] RowStart { get; }
    public float[] DenseWeights { get; }
    public int DenseCells { get; }
    public ulong[] DenseMask { get; }
    public int DenseMaskWords { get; }
    public int[] EdgeColumns { get; }
    public float[] EdgeWeights { get; }
    public int EdgeRows { get; }
    public int Stride { get; }

    /// <summary>Mask words per dense row.</summary>
    public int WordsPerRow => Stride / 64;

    /// <summary>Columns the dense kernels process: N rounded up to the lane width.</summary>
    public int KernelColumns => LaneMath.RoundUpToWidth(VertexCount);

    private static T[] Column<T>(Table table, ColumnKey<T> key) where T : unmanaged
        => table.TypedColumn(key).DangerousGetArray();
}
