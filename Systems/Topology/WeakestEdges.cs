using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The duel's weakest surviving edges: the r smallest |W| below the strongest remaining
/// candidate's P, unordered, found by a parallel scan (<see cref="WeakestScan"/>) whose chunks each
/// keep their smallest keys in a bounded buffer. Sparse blocks first take a tight bar from a
/// deterministic sample of the edges (docs/topology.md, "The duel").
/// </summary>
internal static class WeakestEdges
{
    private const int CellsPerScanChunk = 1 << 20;
    private const int EdgesPerScanChunk = 1 << 16;
    private const int MaxScanChunks = 64;

    /// <summary>The <paramref name="keep"/> weakest edges with |W| below <paramref name="strongest"/>, in no order, into the weak keys [0..count).</summary>
    public static int Find(World world, SproutScratch scratch, in DenseSkeleton dense, in SparseSkeleton sparse,
        TopologyRepresentation representation, int n, int keep, float strongest)
    {
        ulong bound = TopologyKeys.WeakBound(strongest);
        if (representation == TopologyRepresentation.Sparse)
        {
            // A tight first bound from a sample of the edges: the scan then offers about 1.5 × keep
            // edges instead of most of them. Should the sample mislead (fewer than keep edges below
            // its bound), the scan runs again with the exact bound, so results never depend on it.
            var sample = SampleShape.Of(sparse, keep);
            SproutScratch.Ensure(ref scratch.SampleKeys, sample.Length);
            ulong sampled = SampleBound(sparse, keep, sample, scratch.SampleKeys);
            if (sampled < bound)
            {
                int found = Scan(world, scratch, dense, sparse, representation, n, keep, sampled);
                if (found >= keep)
                    return found;
            }
        }

        return Scan(world, scratch, dense, sparse, representation, n, keep, bound);
    }

    /// <summary>
    /// A weak-key bound expected to have about 1.5 × keep edges below it, from every s-th edge
    /// (<see cref="ulong.MaxValue"/> when the sample would be too small to trust).
    /// </summary>
    public static ulong SampleBound(in SparseSkeleton data, int keep, in SampleShape shape, ulong[] sampleKeys)
    {
        int edges = shape.Edges, stride = shape.Stride;
        if (shape.Length == 0)
            return ulong.MaxValue;
        int samples = 0;
        int skip = 0;
        for (int i = 0; i < data.VertexCount; i++)
        {
            int start = data.RowStart[i];
            int end = start + data.Degree[i];
            int k = start + skip;
            for (; k < end; k += stride)
                sampleKeys[samples++] = TopologyKeys.Weak(MathF.Abs(data.Weights[k]), 0);
            skip = k - end;
        }

        int rank = Math.Min(samples - 1, (int)Math.Ceiling(1.5 * keep * samples / edges) + 4);
        if (rank < 0)
            return ulong.MaxValue;
        var held = sampleKeys.AsSpan(0, samples);
        KeySelection.PartitionSmallest(held, rank + 1);
        ulong largest = 0;
        foreach (ulong key in held[..(rank + 1)])
            largest = Math.Max(largest, key);
        // Keys of equal |W| and higher index than the sample's still fall below the next float.
        return TopologyKeys.WeakBound(MathF.BitIncrement(TopologyKeys.WeakValue(largest)));
    }

    /// <summary>The chunks of a weakest-edge scan keeping <paramref name="keep"/> edges (the key buffers grown to fit).</summary>
    public static WeakestScanLayout LayOut(SproutScratch scratch, in DenseSkeleton dense, in SparseSkeleton sparse,
        TopologyRepresentation representation, int n, int keep)
    {
        long perChunk = representation == TopologyRepresentation.Dense
            ? CellsPerScanChunk / dense.KernelColumns
            : EdgesPerScanChunk / Math.Max(1, sparse.EdgeRows / Math.Max(1, n));
        int rowsPerChunk = (int)Math.Max((n + MaxScanChunks - 1) / MaxScanChunks, Math.Max(1, perChunk));
        int chunkCount = (n + rowsPerChunk - 1) / rowsPerChunk;
        int capacity = 2 * keep + 16;
        SproutScratch.Ensure(ref scratch.WeakKeys, chunkCount * capacity);
        SproutScratch.Ensure(ref scratch.WeakCounts, chunkCount);
        return new WeakestScanLayout(rowsPerChunk, chunkCount, capacity);
    }

    /// <summary>Merges the scan chunks' survivors into <paramref name="weakKeys"/>[0..) and cuts them to <paramref name="keep"/>, unordered; returns how many were found in all.</summary>
    public static int Collect(ulong[] weakKeys, int[] weakCounts, in WeakestScanLayout layout, int keep)
    {
        int total = 0;
        for (int c = 0; c < layout.ChunkCount; c++)
        {
            Array.Copy(weakKeys, c * layout.Capacity, weakKeys, total, weakCounts[c]);
            total += weakCounts[c];
        }

        KeySelection.PartitionSmallest(weakKeys.AsSpan(0, total), keep);
        return total;
    }

    private static int Scan(World world, SproutScratch scratch, in DenseSkeleton dense, in SparseSkeleton sparse,
        TopologyRepresentation representation, int n, int keep, ulong bound)
    {
        var layout = LayOut(scratch, dense, sparse, representation, n, keep);
        world.Parallel.For(layout.ChunkCount, 1,
            new WeakestScan(dense, sparse, representation, n, layout, keep, bound, scratch.WeakKeys, scratch.WeakCounts));
        return Math.Min(keep, Collect(scratch.WeakKeys, scratch.WeakCounts, layout, keep));
    }
}
