using System.Numerics;
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
        var data = new BlockArrays(world, state);
        if (state.Representation == TopologyRepresentation.Dense)
            return (data.DenseMask[i * data.WordsPerRow + (j >> 6)] & (1UL << (j & 63))) != 0;
        return Array.BinarySearch(data.EdgeColumns, data.RowStart[i], data.Degree[i], j) >= 0;
    }

    /// <summary>W[i, j] (0 for a non-edge).</summary>
    public static float Weight(World world, in TopologyState state, int i, int j)
    {
        var data = new BlockArrays(world, state);
        if (state.Representation == TopologyRepresentation.Dense)
            return data.DenseWeights[i * data.Stride + j];
        int k = Array.BinarySearch(data.EdgeColumns, data.RowStart[i], data.Degree[i], j);
        return k >= 0 ? data.EdgeWeights[k] : 0f;
    }

    /// <summary>Calls <paramref name="visit"/> for every edge of row <paramref name="i"/> in ascending column order.</summary>
    public static void VisitRow(in BlockArrays data, TopologyRepresentation representation, int i, Action<int, float> visit)
    {
        if (representation == TopologyRepresentation.Dense)
        {
            for (int word = 0; word < data.WordsPerRow; word++)
            {
                ulong bits = data.DenseMask[i * data.WordsPerRow + word];
                while (bits != 0)
                {
                    int j = word * 64 + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    visit(j, data.DenseWeights[i * data.Stride + j]);
                }
            }

            return;
        }

        int start = data.RowStart[i];
        for (int k = start; k < start + data.Degree[i]; k++)
            visit(data.EdgeColumns[k], data.EdgeWeights[k]);
    }

    // ------------------------------------------------------------------ conversion

    /// <summary>Moves the skeleton from the dense tables into compact sparse rows.</summary>
    public static void ConvertToSparse(World world, ref TopologyState state)
    {
        var dense = new BlockArrays(world, state);
        int n = dense.VertexCount;
        long total = 0;
        for (int i = 0; i < n; i++)
            total += dense.Degree[i];
        world.ResizeTable(state.Edges, checked((int)total));
        var data = new BlockArrays(world, state);
        int position = 0;
        for (int i = 0; i < n; i++)
        {
            data.RowStart[i] = position;
            for (int word = 0; word < dense.WordsPerRow; word++)
            {
                ulong bits = dense.DenseMask[i * dense.WordsPerRow + word];
                while (bits != 0)
                {
                    int j = word * 64 + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    data.EdgeColumns[position] = j;
                    data.EdgeWeights[position] = dense.DenseWeights[i * dense.Stride + j];
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
        var data = new BlockArrays(world, state);
        for (int i = 0; i < n; i++)
        {
            int start = data.RowStart[i];
            for (int k = start; k < start + data.Degree[i]; k++)
            {
                int j = data.EdgeColumns[k];
                data.DenseWeights[i * stride + j] = data.EdgeWeights[k];
                data.DenseMask[i * (stride / 64) + (j >> 6)] |= 1UL << (j & 63);
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
    /// <param name="cells">Scratch for sorting sprouts (grown as needed).</param>
    /// <param name="weights">Scratch for sorting sprouts (grown as needed).</param>
    public static void ApplyChanges(World world, ref TopologyState state, ref long[] cells, ref float[] weights)
    {
        var changes = world.GetTable(state.Changes);
        var rows = changes.Span(TopologyColumns.ChangeRow);
        var columns = changes.Span(TopologyColumns.ChangeColumn);
        var values = changes.Span(TopologyColumns.ChangeWeight);
        var kinds = changes.Span(TopologyColumns.ChangeKind);
        var data = new BlockArrays(world, state);
        int n = data.VertexCount;
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
            for (int k = 0; k < changes.Count; k++)
            {
                int i = rows[k], j = columns[k];
                ref ulong word = ref data.DenseMask[i * data.WordsPerRow + (j >> 6)];
                ulong bit = 1UL << (j & 63);
                if (kinds[k] == (byte)TopologyChangeKind.Sprout)
                {
                    data.DenseWeights[i * data.Stride + j] = values[k];
                    word |= bit;
                    data.Degree[i]++;
                }
                else
                {
                    data.DenseWeights[i * data.Stride + j] = 0f;
                    word &= ~bit;
                    data.Degree[i]--;
                }
            }
        }
        else if (changes.Count > 0 || state.SparseRowsHaveGaps)
        {
            if (cells.Length < changes.Count)
            {
                cells = new long[Math.Max(changes.Count, cells.Length * 2)];
                weights = new float[cells.Length];
            }

            // Removals as absolute edge positions (rows lie in vertex order, so positions sort like (i, j)),
            // dropped during the compaction pass; sprouts as (i · N + j, weight), merged in afterwards.
            int removalStart = sprouts;
            int s = 0, r = removalStart;
            for (int k = 0; k < changes.Count; k++)
            {
                int i = rows[k], j = columns[k];
                if (kinds[k] == (byte)TopologyChangeKind.Sprout)
                {
                    cells[s] = (long)i * n + j;
                    weights[s] = values[k];
                    s++;
                }
                else
                {
                    cells[r++] = data.RowStart[i] + data.EdgeColumns.AsSpan(data.RowStart[i], data.Degree[i]).BinarySearch(j);
                }
            }

            cells.AsSpan(0, sprouts).Sort(weights.AsSpan(0, sprouts));
            var removed = cells.AsSpan(removalStart, removals);
            removed.Sort();
            int compact = CompactSparse(data, removed);
            int total = compact + sprouts;
            if (sprouts > 0)
            {
                if (total > data.EdgeRows)
                    world.ResizeTable(state.Edges, total);
                InsertSparse(new BlockArrays(world, state), cells.AsSpan(0, sprouts), weights.AsSpan(0, sprouts));
            }

            if (total < world.GetTable(state.Edges).Count)
                world.ResizeTable(state.Edges, total);
            state.SparseRowsHaveGaps = false;
        }

        state.EdgeCount += sprouts - removals;
        world.ResizeTable(state.Changes, 0);
    }

    /// <summary>
    /// Closes the gaps between rows, moving rows toward the front in order and leaving out the
    /// edges at the sorted absolute positions <paramref name="removed"/>; returns the edge total.
    /// </summary>
    private static int CompactSparse(in BlockArrays data, ReadOnlySpan<long> removed)
    {
        var columns = data.EdgeColumns;
        var weights = data.EdgeWeights;
        int position = 0, next = 0;
        for (int i = 0; i < data.VertexCount; i++)
        {
            int start = data.RowStart[i];
            int end = start + data.Degree[i];
            data.RowStart[i] = position;
            int from = start;
            while (next < removed.Length && removed[next] < end)
            {
                int gap = (int)removed[next++];
                Move(columns, weights, from, position, gap - from);
                position += gap - from;
                from = gap + 1;
            }

            Move(columns, weights, from, position, end - from);
            position += end - from;
            data.Degree[i] = position - data.RowStart[i];
        }

        return position;
    }

    private static void Move(int[] columns, float[] weights, int from, int to, int length)
    {
        if (from == to || length == 0)
            return;
        Array.Copy(columns, from, columns, to, length);
        Array.Copy(weights, from, weights, to, length);
    }

    /// <summary>
    /// Merges sorted sprouts into compact rows, from the last row backward so that every row
    /// moves toward the back and nothing is overwritten before it is read.
    /// </summary>
    private static void InsertSparse(in BlockArrays data, ReadOnlySpan<long> cells, ReadOnlySpan<float> weights)
    {
        int n = data.VertexCount;
        var columns = data.EdgeColumns;
        var values = data.EdgeWeights;
        int pending = cells.Length;
        for (int i = n - 1; i >= 0 && pending > 0; i--)
        {
            int last = pending;
            while (pending > 0 && cells[pending - 1] / n == i)
                pending--;
            int rowSprouts = last - pending;
            int start = data.RowStart[i];
            int degree = data.Degree[i];
            int newStart = start + pending;
            if (rowSprouts == 0)
            {
                Array.Copy(columns, start, columns, newStart, degree);
                Array.Copy(values, start, values, newStart, degree);
            }
            else
            {
                int write = newStart + degree + rowSprouts - 1;
                int read = start + degree - 1;
                int sprout = last - 1;
                while (sprout >= pending)
                {
                    int sproutColumn = (int)(cells[sprout] % n);
                    if (read >= start && columns[read] > sproutColumn)
                    {
                        columns[write] = columns[read];
                        values[write] = values[read];
                        read--;
                    }
                    else
                    {
                        columns[write] = sproutColumn;
                        values[write] = weights[sprout];
                        sprout--;
                    }

                    write--;
                }

                // The remaining old entries sit below the write position already shifted by `pending`.
                if (pending > 0)
                {
                    Array.Copy(columns, start, columns, newStart, read - start + 1);
                    Array.Copy(values, start, values, newStart, read - start + 1);
                }
            }

            data.RowStart[i] = newStart;
            data.Degree[i] = degree + rowSprouts;
        }
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
        var weights = world.GetTable(state.DenseWeights).Span(TopologyColumns.DenseWeight);
        var mask = world.GetTable(state.DenseMask).Span(TopologyColumns.DenseMask);
        int oldWords = oldStride / 64, words = stride / 64;
        for (int i = rows - 1; i >= 0; i--)
        {
            weights.Slice(i * oldStride, oldStride).CopyTo(weights.Slice(i * stride, oldStride));
            weights.Slice(i * stride + oldStride, stride - oldStride).Clear();
            mask.Slice(i * oldWords, oldWords).CopyTo(mask.Slice(i * words, oldWords));
            mask.Slice(i * words + oldWords, words - oldWords).Clear();
        }

        state.RowStride = stride;
    }
}
