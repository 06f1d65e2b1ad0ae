using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Merges a range of sparse rows into the second edge table (surviving edges minus removals, plus
/// sprouts, in column order) and moves their row starts and degrees there. Context: the rows, the
/// bucketed changes, the output arrays; each row writes only its own output range.
/// </summary>
internal readonly struct SparseRowMerge : IRangeAction
{
    private readonly SparseSkeleton data;
    private readonly int[] outColumns;
    private readonly float[] outWeights;
    private readonly int[] sproutStart;
    private readonly int[] removalStart;
    private readonly int[] sproutColumns;
    private readonly float[] sproutWeights;
    private readonly int[] removalColumns;
    private readonly int[] newStart;
    private readonly ulong[] sortKeys;

    /// <summary>
    /// The merge of <paramref name="data"/>'s rows with the changes bucketed in
    /// <paramref name="buffers"/> (its arrays are taken now, after they were grown: workers never
    /// read the buffers object).
    /// </summary>
    public SparseRowMerge(in SparseSkeleton data, SparseRebuildBuffers buffers)
    {
        this.data = data;
        outColumns = buffers.EdgeColumns;
        outWeights = buffers.EdgeWeights;
        sproutStart = buffers.SproutStart;
        removalStart = buffers.RemovalStart;
        sproutColumns = buffers.SproutColumns;
        sproutWeights = buffers.SproutWeights;
        removalColumns = buffers.RemovalColumns;
        newStart = buffers.NewStart;
        sortKeys = buffers.SortKeys;
    }

    /// <inheritdoc />
    public void Execute(int start, int end)
    {
        var columns = data.Columns;
        var weights = data.Weights;
        var rowStart = data.RowStart;
        var degree = data.Degree;
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
            // Changes are few per row: the runs between them are copied whole, and a
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
}
