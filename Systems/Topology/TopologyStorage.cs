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
    /// <param name="buffers">Scratch for the sparse rebuild (grown as needed).</param>
    public static void ApplyChanges(World world, ref TopologyState state, SparseRebuildBuffers buffers)
    {
        var changes = world.GetTable(state.Changes);
        var rows = changes.Span(TopologyColumns.ChangeRow);
        var columns = changes.Span(TopologyColumns.ChangeColumn);
        var values = changes.Span(TopologyColumns.ChangeWeight);
        var kinds = changes.Span(TopologyColumns.ChangeKind);
        var data = new BlockArrays(world, state);
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
            BucketByRow(data.VertexCount, rows, columns, values, kinds, sprouts, removals, buffers);
            RebuildSparse(world, ref state, data, buffers);
            state.SparseRowsHaveGaps = false;
        }

        state.EdgeCount += sprouts - removals;
        world.ResizeTable(state.Changes, 0);
    }

    /// <summary>
    /// Sorts the changes into per-row buckets (a counting sort by row, O(N + changes)); each row's
    /// merge puts its own buckets in column order, in parallel.
    /// </summary>
    private static void BucketByRow(int n, ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, ReadOnlySpan<float> values,
        ReadOnlySpan<byte> kinds, int sprouts, int removals, SparseRebuildBuffers buffers)
    {
        buffers.EnsureChanges(n, sprouts, removals);
        var sproutStart = buffers.SproutStart.AsSpan(0, n + 1);
        var removalStart = buffers.RemovalStart.AsSpan(0, n + 1);
        sproutStart.Clear();
        removalStart.Clear();
        for (int k = 0; k < rows.Length; k++)
        {
            if (kinds[k] == (byte)TopologyChangeKind.Sprout)
                sproutStart[rows[k] + 1]++;
            else
                removalStart[rows[k] + 1]++;
        }

        for (int i = 0; i < n; i++)
        {
            sproutStart[i + 1] += sproutStart[i];
            removalStart[i + 1] += removalStart[i];
        }

        sproutStart[..n].CopyTo(buffers.SproutFill);
        removalStart[..n].CopyTo(buffers.RemovalFill);
        for (int k = 0; k < rows.Length; k++)
        {
            int i = rows[k];
            if (kinds[k] == (byte)TopologyChangeKind.Sprout)
            {
                int at = buffers.SproutFill[i]++;
                buffers.SproutColumns[at] = columns[k];
                buffers.SproutWeights[at] = values[k];
            }
            else
            {
                buffers.RemovalColumns[buffers.RemovalFill[i]++] = columns[k];
            }
        }
    }

    /// <summary>
    /// Rebuilds the sparse rows compactly: every row is merged independently (its surviving
    /// edges minus its removals, plus its sprouts, in column order) into the second edge table at
    /// its new start, in parallel, and the second table then takes the place of the block's edge table.
    /// Closes the gaps that pruning left, so the table holds exactly |E| rows afterwards.
    /// </summary>
    private static void RebuildSparse(World world, ref TopologyState state, in BlockArrays data, SparseRebuildBuffers buffers)
    {
        int n = data.VertexCount;
        var newStart = buffers.NewStart;
        newStart[0] = 0;
        for (int i = 0; i < n; i++)
        {
            newStart[i + 1] = newStart[i] + data.Degree[i]
                              + (buffers.SproutStart[i + 1] - buffers.SproutStart[i])
                              - (buffers.RemovalStart[i + 1] - buffers.RemovalStart[i]);
        }

        int total = newStart[n];
        buffers.EnsureEdges(total);
        // Blocks of a fixed number of edges (never derived from the thread count), as the sparse dynamics.
        int rowsPerBlock = TopologyDynamicsSystem.SparseRowsPerBlock(n, total);
        world.Parallel.For(n, rowsPerBlock, new MergeRows(data, buffers));
        // The second table becomes the block's edge table and the old one the next tick's second
        // table (no copy back). A table keeps the rows past its count zeroed, so clear what an
        // earlier, longer table left past `total` in the buffer.
        if (buffers.DirtyEdges > total)
        {
            Array.Clear(buffers.EdgeColumns, total, buffers.DirtyEdges - total);
            Array.Clear(buffers.EdgeWeights, total, buffers.DirtyEdges - total);
        }

        int oldCount = world.GetTable(state.Edges).Count;
        world.DangerousExchangeColumnArrays(state.Edges, TopologyColumns.EdgeColumn, ref buffers.EdgeColumns,
            TopologyColumns.EdgeWeight, ref buffers.EdgeWeights, total);
        buffers.DirtyEdges = oldCount;
    }

    /// <summary>Merges a range of rows into the second edge table and moves their row starts and degrees there.</summary>
    private readonly struct MergeRows : IRangeAction
    {
        private readonly BlockArrays data;
        private readonly SparseRebuildBuffers buffers;

        public MergeRows(in BlockArrays data, SparseRebuildBuffers buffers)
        {
            this.data = data;
            this.buffers = buffers;
        }

        public void Execute(int start, int end)
        {
            var columns = data.EdgeColumns;
            var weights = data.EdgeWeights;
            var rowStart = data.RowStart;
            var degree = data.Degree;
            var outColumns = buffers.EdgeColumns;
            var outWeights = buffers.EdgeWeights;
            var sproutStart = buffers.SproutStart;
            var removalStart = buffers.RemovalStart;
            var sproutColumns = buffers.SproutColumns;
            var sproutWeights = buffers.SproutWeights;
            var removalColumns = buffers.RemovalColumns;
            var newStart = buffers.NewStart;
            var sortKeys = buffers.SortKeys;
            int removalKeys = sproutStart[data.VertexCount];
            for (int i = start; i < end; i++)
            {
                int s = sproutStart[i], sEnd = sproutStart[i + 1];
                int r = removalStart[i], rEnd = removalStart[i + 1];
                SortBucket(sproutColumns.AsSpan(s, sEnd - s), sproutWeights.AsSpan(s, sEnd - s), sortKeys.AsSpan(s, sEnd - s));
                SortBucket(removalColumns.AsSpan(r, rEnd - r), Span<float>.Empty, sortKeys.AsSpan(removalKeys + r, rEnd - r));
                int write = newStart[i];
                int writeEnd = newStart[i + 1];
                int read = rowStart[i];
                int readEnd = read + degree[i];
                // Changes are few per row: the runs between them move as whole blocks, and a
                // vectorised scan of the run (which is copied next anyway) finds where the next
                // change falls: the first column at or above it.
                while (s < sEnd || r < rEnd)
                {
                    bool sprout = r == rEnd || (s < sEnd && sproutColumns[s] < removalColumns[r]);
                    int column = sprout ? sproutColumns[s] : removalColumns[r];
                    int run = Vector512.IsHardwareAccelerated
                        ? CopyRunBelow(columns, weights, read, readEnd, outColumns, outWeights, write, writeEnd, column)
                        : -1;
                    if (run < 0)
                    {
                        run = columns.AsSpan(read, readEnd - read).IndexOfAnyExceptInRange(int.MinValue, column - 1);
                        if (run < 0)
                            run = readEnd - read;
                        columns.AsSpan(read, run).CopyTo(outColumns.AsSpan(write));
                        weights.AsSpan(read, run).CopyTo(outWeights.AsSpan(write));
                    }

                    read += run;
                    write += run;
                    if (sprout)
                    {
                        outColumns[write] = column;
                        outWeights[write++] = sproutWeights[s++];
                    }
                    else
                    {
                        // A removal names an existing edge: skip it.
                        read++;
                        r++;
                    }
                }

                CopyRowEnd(columns, weights, read, readEnd - read, outColumns, outWeights, write);
                write += readEnd - read;
                rowStart[i] = newStart[i];
                degree[i] = write - newStart[i];
            }
        }
    }

    /// <summary>
    /// Copies the run of a row's edges from <paramref name="read"/> up to the first column at or
    /// above <paramref name="column"/> (or the row's end) sixteen edges at a time, inline: runs
    /// average a few dozen edges, and two memmove calls and a search call per run cost more than
    /// the copying. Whole sixteen-edge groups are stored, so up to fifteen slots past the run are
    /// written too; the row's own later writes cover them, and only slots of the row's output
    /// (before <paramref name="writeEnd"/>) are ever touched. Returns the run's length, or −1
    /// (nothing written) when a group would reach past the row's output or past the arrays, for
    /// the caller's exact copy.
    /// </summary>
    private static int CopyRunBelow(int[] columns, float[] weights, int read, int readEnd, int[] outColumns, float[] outWeights,
        int write, int writeEnd, int column)
    {
        var bar = Vector512.Create(column);
        int run = 0;
        while (true)
        {
            int from = read + run, to = write + run;
            if (to + Vector512<int>.Count > writeEnd || from + Vector512<int>.Count > columns.Length
                || from + Vector512<int>.Count > weights.Length)
                return run == 0 ? -1 : FinishRun(columns, weights, read, readEnd, outColumns, outWeights, write, column, run);
            var group = Vector512.LoadUnsafe(ref columns[from]);
            Vector512.LoadUnsafe(ref weights[from]).StoreUnsafe(ref outWeights[to]);
            group.StoreUnsafe(ref outColumns[to]);
            uint stop = (uint)Vector512.GreaterThanOrEqual(group, bar).ExtractMostSignificantBits();
            int left = readEnd - from;
            if (left < Vector512<int>.Count)
                stop |= 1u << left;
            if (stop != 0)
                return run + BitOperations.TrailingZeroCount(stop);
            run += Vector512<int>.Count;
        }
    }

    /// <summary>
    /// Copies the row's last run (<paramref name="length"/> edges, after its last change) exactly:
    /// sixteen edges at a time inline, the last group overlapping the one before (the same edges
    /// to the same slots), so nothing past the run is written; a run under sixteen edges is
    /// copied by memmove.
    /// </summary>
    private static void CopyRowEnd(int[] columns, float[] weights, int read, int length, int[] outColumns, float[] outWeights,
        int write)
    {
        if (!Vector512.IsHardwareAccelerated || length < Vector512<int>.Count)
        {
            columns.AsSpan(read, length).CopyTo(outColumns.AsSpan(write));
            weights.AsSpan(read, length).CopyTo(outWeights.AsSpan(write));
            return;
        }

        // Bounds checked once for the whole run, so the group copies below stay inside the arrays.
        _ = columns.AsSpan(read, length);
        _ = weights.AsSpan(read, length);
        _ = outColumns.AsSpan(write, length);
        _ = outWeights.AsSpan(write, length);
        int k = 0;
        for (; k + Vector512<int>.Count <= length; k += Vector512<int>.Count)
            CopyGroup(columns, weights, read + k, outColumns, outWeights, write + k);
        if (k < length)
            CopyGroup(columns, weights, read + length - Vector512<int>.Count, outColumns, outWeights, write + length - Vector512<int>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyGroup(int[] columns, float[] weights, int from, int[] outColumns, float[] outWeights, int to)
    {
        Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(columns), (nuint)from)
            .StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(outColumns), (nuint)to);
        Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(weights), (nuint)from)
            .StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(outWeights), (nuint)to);
    }

    /// <summary>The exact copy of the rest of a run that <see cref="CopyRunBelow"/> began (its first <paramref name="done"/> edges are in place).</summary>
    private static int FinishRun(int[] columns, float[] weights, int read, int readEnd, int[] outColumns, float[] outWeights, int write,
        int column, int done)
    {
        int rest = columns.AsSpan(read + done, readEnd - read - done).IndexOfAnyExceptInRange(int.MinValue, column - 1);
        if (rest < 0)
            rest = readEnd - read - done;
        columns.AsSpan(read + done, rest).CopyTo(outColumns.AsSpan(write + done));
        weights.AsSpan(read + done, rest).CopyTo(outWeights.AsSpan(write + done));
        return done + rest;
    }

    /// <summary>
    /// Puts a row's bucket in column order; <paramref name="weights"/>, when not empty, move along.
    /// Buckets hold a few entries: an insertion sort, or for a long one (a row that won many
    /// sprouts) a sort of packed (column, weight bits) keys in the bucket's own slice of
    /// <paramref name="scratch"/>, so rows sort in parallel without sharing anything.
    /// </summary>
    private static void SortBucket(Span<int> columns, Span<float> weights, Span<ulong> scratch)
    {
        if (columns.Length < 2)
            return;
        if (columns.Length > 16)
        {
            for (int k = 0; k < columns.Length; k++)
                scratch[k] = ((ulong)(uint)columns[k] << 32) | (weights.IsEmpty ? 0u : BitConverter.SingleToUInt32Bits(weights[k]));
            scratch.Sort();
            for (int k = 0; k < columns.Length; k++)
            {
                columns[k] = (int)(scratch[k] >> 32);
                if (!weights.IsEmpty)
                    weights[k] = BitConverter.UInt32BitsToSingle((uint)scratch[k]);
            }

            return;
        }

        for (int k = 1; k < columns.Length; k++)
        {
            int column = columns[k];
            float weight = weights.IsEmpty ? 0f : weights[k];
            int m = k - 1;
            for (; m >= 0 && columns[m] > column; m--)
            {
                columns[m + 1] = columns[m];
                if (!weights.IsEmpty)
                    weights[m + 1] = weights[m];
            }

            columns[m + 1] = column;
            if (!weights.IsEmpty)
                weights[m + 1] = weight;
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
