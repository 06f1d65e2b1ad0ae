using System.Runtime.CompilerServices;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The sparse representation's columns as a kernel context takes them: the edge table's columns
/// and weights, and each vertex's row start and degree (row i is edges
/// <c>RowStart[i] .. RowStart[i] + Degree[i]</c>, columns ascending). Arrays are the tables'
/// backing arrays, read by worker threads; stale after a structural change.
/// </summary>
internal readonly struct SparseSkeleton
{
    private SparseSkeleton(int[] columns, float[] weights, int[] rowStart, int[] degree, int vertexCount, int edgeRows)
    {
        Columns = columns;
        Weights = weights;
        RowStart = rowStart;
        Degree = degree;
        VertexCount = vertexCount;
        EdgeRows = edgeRows;
    }

    /// <summary>The sparse columns of the block whose state is <paramref name="state"/>.</summary>
    public static SparseSkeleton Of(World world, in TopologyState state)
    {
        var vertices = world.GetTable(state.Vertices);
        var edges = world.GetTable(state.Edges);
        return new SparseSkeleton(edges.DangerousGetArray(TopologyColumns.EdgeColumn), edges.DangerousGetArray(TopologyColumns.EdgeWeight),
            vertices.DangerousGetArray(TopologyColumns.RowStart), vertices.DangerousGetArray(TopologyColumns.Degree), vertices.Count, edges.Count);
    }

    /// <summary>Column j of each edge.</summary>
    public int[] Columns { get; }

    /// <summary>W[i, j] of each edge.</summary>
    public float[] Weights { get; }

    /// <summary>Each row's first edge.</summary>
    public int[] RowStart { get; }

    /// <summary>Edges per row.</summary>
    public int[] Degree { get; }

    /// <summary>N.</summary>
    public int VertexCount { get; }

    /// <summary>Rows of the edge table (|E| plus the gaps pruning left).</summary>
    public int EdgeRows { get; }

    /// <summary>Row <paramref name="i"/>'s columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<int> RowColumns(int i) => Columns.AsSpan(RowStart[i], Degree[i]);
}
