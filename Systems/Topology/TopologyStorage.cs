using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Structural operations on a block's tables: representation conversion, applying the recorded
/// sprouts and removals, compacting sparse rows and appending vertices. Vertex order is never
/// changed; every operation keeps each row's edges in ascending column order.
/// </summary>
internal static class TopologyStorage
{
    /// <summary>The dense row stride for <paramref name="vertices"/> vertices: N rounded up to 64 (whole mask words).</summary>
    public static int StrideFor(int vertices) => (Math.Max(vertices, 1) + 63) & ~63;

    /// <summary>Whether W[i, j] is an edge.</summary>
    public static bool HasEdge(World world, in TopologyState state, int i, int j)
    {
        if (state.Representation == TopologyRepresentation.Dense)
            return DenseSkeleton.Of(world, state).HasEdge(i, j);
        return SparseSkeleton.Of(world, state).RowColumns(i).BinarySearch(j) >= 0;
    }

    /// <summary>W[i, j] (0 for a non-edge).</summary>
    public static float Weight(World world, in TopologyState state, int i, int j)
    {
        if (state.Representation == TopologyRepresentation.Dense)
        {
            var dense = DenseSkeleton.Of(world, state);
            return dense.Weights[i * dense.Stride + j];
        }

        var sparse = SparseSkeleton.Of(world, state);
        int k = sparse.RowColumns(i).BinarySearch(j);
        return k >= 0 ? sparse.Weights[sparse.RowStart[i] + k] : 0f;
    }

    /// <summary>Calls <paramref name="visit"/> for every edge of row <paramref name="i"/> in ascending column order.</summary>
    public static void VisitRow(World world, in TopologyState state, int i, Action<int, float> visit)
    {
        if (state.Representation == TopologyRepresentation.Dense)
        {
            var dense = DenseSkeleton.Of(world, state);
            for (int word = 0; word < dense.WordsPerRow; word++)
            {
                ulong bits = dense.Mask[i * dense.WordsPerRow + word];
                while (bits != 0)
                {
                    int j = word * 64 + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    visit(j, dense.Weights[i * dense.Stride + j]);
                }
            }

            return;
        }

        var sparse = SparseSkeleton.Of(world, state);
        int start = sparse.RowStart[i];
        for (int k = start; k < start + sparse.Degree[i]; k++)
            visit(sparse.Columns[k], sparse.Weights[k]);
    }

    /// <summary>W as an N × N row-major matrix (0 for non-edges); <paramref name="destination"/> holds N² values.</summary>
    public static void CopyWeights(World world, in TopologyState state, Span<float> destination)
    {
        destination.Clear();
        if (state.Representation == TopologyRepresentation.Dense)
        {
            var dense = DenseSkeleton.Of(world, state);
            int n = dense.VertexCount;
            for (int i = 0; i < n; i++)
                dense.Weights.AsSpan(i * dense.Stride, n).CopyTo(destination.Slice(i * n, n));
            return;
        }

        var sparse = SparseSkeleton.Of(world, state);
        for (int i = 0; i < sparse.VertexCount; i++)
        {
            for (int k = sparse.RowStart[i]; k < sparse.RowStart[i] + sparse.Degree[i]; k++)
                destination[i * sparse.VertexCount + sparse.Columns[k]] = sparse.Weights[k];
        }
    }

    /// <summary>M as an N × N row-major matrix; <paramref name="destination"/> holds N² values.</summary>
    public static void CopyMask(World world, in TopologyState state, Span<bool> destination)
    {
        destination.Clear();
        if (state.Representation == TopologyRepresentation.Dense)
        {
            var dense = DenseSkeleton.Of(world, state);
            int n = dense.VertexCount;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    destination[i * n + j] = dense.HasEdge(i, j);
            return;
        }

        var sparse = SparseSkeleton.Of(world, state);
        for (int i = 0; i < sparse.VertexCount; i++)
        {
            foreach (int j in sparse.RowColumns(i))
                destination[i * sparse.VertexCount + j] = true;
        }
    }

    /// <summary>Σ |W| over the edges, row by row in column order (double).</summary>
    public static double AbsWeightSum(World world, in TopologyState state)
    {
        double sum = 0;
        if (state.Representation == TopologyRepresentation.Dense)
        {
            var dense = DenseSkeleton.Of(world, state);
            for (int i = 0; i < dense.VertexCount; i++)
                foreach (float w in dense.Weights.AsSpan(i * dense.Stride, dense.VertexCount))
                    sum += Math.Abs(w);
            return sum;
        }

        var sparse = SparseSkeleton.Of(world, state);
        for (int i = 0; i < sparse.VertexCount; i++)
            foreach (float w in sparse.Weights.AsSpan(sparse.RowStart[i], sparse.Degree[i]))
                sum += Math.Abs(w);
        return sum;
    }

    // ------------------------------------------------------------------ conversion

    /// <summary>Moves the skeleton from the dense tables into compact sparse rows.</summary>
    public static void ConvertToSparse(World world, ref TopologyState state)
    {
        var dense = DenseSkeleton.Of(world, state);
        int n = dense.VertexCount;
        long total = 0;
        for (int i = 0; i < n; i++)
            total += dense.Degree[i];
        world.ResizeTable(state.Edges, checked((int)total));
        var data = SparseSkeleton.Of(world, state);
        int position = 0;
        for (int i = 0; i < n; i++)
        {
            data.RowStart[i] = position;
            for (int word = 0; word < dense.WordsPerRow; word++)
            {
                ulong bits = dense.Mask[i * dense.WordsPerRow + word];
                while (bits != 0)
                {
                    int j = word * 64 + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    data.Columns[position] = j;
                    data.Weights[position] = dense.Weights[i * dense.Stride + j];
                    position++;
                }
            }
        }

        world.ResizeTable(state.DenseWeights, 0);
        world.ResizeTable(state.DenseMask, 0);
        state.RowStride = 0;
        state.Representation = TopologyRepresentation.Sparse;
        state.SparseRowsHaveGaps = false;
    }

    /// <summary>Moves the skeleton from the sparse rows (compact or gapped) into the dense tables.</summary>
    public static void ConvertToDense(World world, ref TopologyState state)
    {
        int n = world.GetTable(state.Vertices).Count;
        int stride = StrideFor(n);
        world.ResizeTable(state.DenseWeights, checked(n * stride));
        world.ResizeTable(state.DenseMask, n * (stride / 64));
        state.RowStride = stride;
        var data = SparseSkeleton.Of(world, state);
        var dense = DenseSkeleton.Of(world, state);
        for (int i = 0; i < n; i++)
        {
            int start = data.RowStart[i];
            for (int k = start; k < start + data.Degree[i]; k++)
            {
                int j = data.Columns[k];
                dense.Weights[i * stride + j] = data.Weights[k];
                dense.Mask[i * (stride / 64) + (j >> 6)] |= 1UL << (j & 63);
            }

            data.RowStart[i] = 0;
        }

        world.ResizeTable(state.Edges, 0);
        state.Representation = TopologyRepresentation.Dense;
        state.SparseRowsHaveGaps = false;
    }

    // ------------------------------------------------------------------ recorded changes

    /// <summary>
    /// Applies the block's change table (duel removals and sprouts recorded by the Growth phase),
    /// compacts sparse rows, and empties the change table.
    /// </summary>
    /// <param name="world">The world.</param>
    /// <param name="state">The block's state.</param>
    /// <param name="buffers">Scratch for the sparse rebuild (grown as needed).</param>
    public static void ApplyChanges(World world, ref TopologyState state, SparseRebuildBuffers buffers)
    {
        var changes = world.GetTable(state.Changes);
        var rows = changes.Span(TopologyColumns.ChangeRow);
        var columns = changes.Span(TopologyColumns.ChangeColumn);
        var values = changes.Span(TopologyColumns.ChangeWeight);
        var kinds = changes.Span(TopologyColumns.ChangeKind);
        int sprouts = 0, removals = 0;
        for (int k = 0; k < changes.Count; k++)
        {
            if (kinds[k] == (byte)TopologyChangeKind.Sprout)
                sprouts++;
            else
                removals++;
        }

        if (state.Representation == TopologyRepresentation.Dense)
        {
            var data = DenseSkeleton.Of(world, state);
            for (int k = 0; k < changes.Count; k++)
            {
                int i = rows[k], j = columns[k];
                ref ulong word = ref data.Mask[i * data.WordsPerRow + (j >> 6)];
                ulong bit = 1UL << (j & 63);
                if (kinds[k] == (byte)TopologyChangeKind.Sprout)
                {
                    data.Weights[i * data.Stride + j] = values[k];
                    word |= bit;
                    data.Degree[i]++;
                }
                else
                {
                    data.Weights[i * data.Stride + j] = 0f;
                    word &= ~bit;
                    data.Degree[i]--;
                }
            }
        }
        else if (changes.Count > 0 || state.SparseRowsHaveGaps)
        {
            var data = SparseSkeleton.Of(world, state);
            SparseRowRebuild.BucketByRow(data.VertexCount, rows, columns, values, kinds, sprouts, removals, buffers);
            SparseRowRebuild.Rebuild(world, ref state, data, buffers);
            state.SparseRowsHaveGaps = false;
        }

        state.EdgeCount += sprouts - removals;
        world.ResizeTable(state.Changes, 0);
    }

    // ------------------------------------------------------------------ growth

    /// <summary>Appends <paramref name="count"/> vertices (no edges) with the given gain and bias.</summary>
    public static void AppendVertices(World world, ref TopologyState state, int count, float sensoryGain, float bias)
    {
        int n = world.GetTable(state.Vertices).Count;
        int grown = n + count;
        if (state.Representation == TopologyRepresentation.Dense)
        {
            if (grown <= state.RowStride)
            {
                world.AddRows(state.DenseWeights, count * state.RowStride);
                world.AddRows(state.DenseMask, count * (state.RowStride / 64));
            }
            else
            {
                Restride(world, ref state, n, grown, StrideFor(Math.Max(grown, state.RowStride + state.RowStride / 2)));
            }
        }

        int edgeRows = world.GetTable(state.Edges).Count;
        world.AddRows(state.Vertices, count);
        var vertices = world.GetTable(state.Vertices);
        vertices.Span(TopologyColumns.SensoryGain)[n..].Fill(sensoryGain);
        vertices.Span(TopologyColumns.Bias)[n..].Fill(bias);
        if (state.Representation == TopologyRepresentation.Sparse)
            vertices.Span(TopologyColumns.RowStart)[n..].Fill(edgeRows);
    }

    /// <summary>
    /// Re-lays the dense tables with a wider row stride: rows move from the last to the first
    /// (each moves toward the back), and the cells between a row's old width and the new stride
    /// are cleared.
    /// </summary>
    private static void Restride(World world, ref TopologyState state, int rows, int grownRows, int stride)
    {
        int oldStride = state.RowStride;
        world.ResizeTable(state.DenseWeights, checked(grownRows * stride));
        world.ResizeTable(state.DenseMask, grownRows * (stride / 64));
        var weights = world.GetTable(state.DenseWeights);
        var mask = world.GetTable(state.DenseMask);
        int oldWords = oldStride / 64, words = stride / 64;
        for (int i = rows - 1; i >= 0; i--)
        {
            weights.MoveRows(i * oldStride, i * stride, oldStride);
            weights.ClearRows(i * stride + oldStride, stride - oldStride);
            mask.MoveRows(i * oldWords, i * words, oldWords);
            mask.ClearRows(i * words + oldWords, words - oldWords);
        }

        state.RowStride = stride;
    }
}
