using System.Runtime.CompilerServices;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The dense representation's columns as a kernel context takes them: W (row-major with the row
/// stride), M (64 cells per word) and the vertices' degrees. Arrays are the tables' backing
/// arrays (at least as long as the rows in use), read by worker threads; stale after a
/// structural change, so a system gathers it once per run.
/// </summary>
internal readonly struct DenseSkeleton
{
    private DenseSkeleton(float[] weights, ulong[] mask, int[] degree, int vertexCount, int stride, int cells, int maskWords)
    {
        Weights = weights;
        Mask = mask;
        Degree = degree;
        VertexCount = vertexCount;
        Stride = stride;
        Cells = cells;
        MaskWords = maskWords;
    }

    /// <summary>The dense columns of the block whose state is <paramref name="state"/>.</summary>
    public static DenseSkeleton Of(World world, in TopologyState state)
    {
        var vertices = world.GetTable(state.Vertices);
        var weights = world.GetTable(state.DenseWeights);
        var mask = world.GetTable(state.DenseMask);
        return new DenseSkeleton(weights.DangerousGetArray(TopologyColumns.DenseWeight), mask.DangerousGetArray(TopologyColumns.DenseMask),
            vertices.DangerousGetArray(TopologyColumns.Degree), vertices.Count, state.RowStride, weights.Count, mask.Count);
    }

    /// <summary>W, cell (i, j) at <c>i · Stride + j</c>.</summary>
    public float[] Weights { get; }

    /// <summary>M, bit j % 64 of word <c>i · WordsPerRow + j / 64</c>.</summary>
    public ulong[] Mask { get; }

    /// <summary>Edges per row.</summary>
    public int[] Degree { get; }

    /// <summary>N.</summary>
    public int VertexCount { get; }

    /// <summary>Floats per matrix row (a multiple of 64).</summary>
    public int Stride { get; }

    /// <summary>Rows of the weight table.</summary>
    public int Cells { get; }

    /// <summary>Rows of the mask table.</summary>
    public int MaskWords { get; }

    /// <summary>Mask words per row.</summary>
    public int WordsPerRow => Stride / 64;

    /// <summary>Columns the dense kernels process: N rounded up to the lane width.</summary>
    public int KernelColumns => LaneMath.RoundUpToWidth(VertexCount);

    /// <summary>Whether W[u, v] is an edge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool HasEdge(int u, int v) => (Mask[u * WordsPerRow + (v >> 6)] & (1UL << (v & 63))) != 0;
}
