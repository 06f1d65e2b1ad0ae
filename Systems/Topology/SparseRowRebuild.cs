using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Applying a tick's changes to the sparse rows (Prune phase): the changes are bucketed by row,
/// then every row is merged in parallel (<see cref="SparseRowMerge"/>) into a second edge table
/// that takes the place of the block's edge table, leaving it compact.
/// </summary>
internal static class SparseRowRebuild
{
    /// <summary>
    /// Sorts the changes into per-row buckets (a counting sort by row, O(N + changes)); each row's
    /// merge puts its own buckets in column order, in parallel.
    /// </summary>
    public static void BucketByRow(int n, ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, ReadOnlySpan<float> values,
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
    public static void Rebuild(World world, ref TopologyState state, in SparseSkeleton data, SparseRebuildBuffers buffers)
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
        // Chunks of a fixed number of edges (never derived from the thread count), as the sparse dynamics.
        int rowsPerChunk = TopologyDynamicsSystem.SparseRowsPerChunk(n, total);
        world.Parallel.For(n, rowsPerChunk, new SparseRowMerge(data, buffers));
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
}
