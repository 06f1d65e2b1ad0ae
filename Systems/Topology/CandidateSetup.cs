using GrowNet.Ecs.Components.Topology;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Prepares the candidate merge. P = x_u x_v is positive only for two activations of the same
/// sign, and for a negative pair (−a)(−b) equals a·b exactly, so each sign group works on
/// magnitudes. Within a group sorted by |x| descending, row u's potentialities fall as v moves
/// down the list, so a heap holding each row's next non-edge pops candidates in descending P: a
/// k-way merge that touches about K candidates plus the edges it steps over, never the N²
/// products. Rows enter the merge lazily: a row at group position r can offer at most
/// fl(|x_r| · |x_top|), so each group holds one bound entry for its next unseeded batch of rows,
/// and a batch is seeded (in parallel) only when its bound reaches the top of the heap.
/// </summary>
internal static class CandidateSetup
{
    private const int MaxLeadingWords = 32;

    /// <summary>Sorts the sign groups, builds the rank table of the leading windows (sparse) and lists the close pairs.</summary>
    public static CandidateMerge Prepare(SproutScratch scratch, ReadOnlySpan<float> x, in DenseSkeleton dense, in SparseSkeleton sparse,
        TopologyRepresentation representation, float threshold, int limit)
    {
        int n = x.Length;
        Grow(scratch, n, limit);
        var vertexKeys = scratch.VertexKeys;
        int positives = 0, negatives = 0;
        // Both groups are listed in ascending index, so the stable radix sort by |x| gives the
        // key order (|x| descending, then index).
        // Branch-free (the signs are random, so a branch mispredicted half the time): each key is
        // written to both lists and kept only by the count of its sign.
        var radixKeys = scratch.RadixKeys;
        for (int i = 0; i < n; i++)
        {
            float xi = x[i];
            ulong key = TopologyKeys.Candidate(MathF.Abs(xi), i);
            vertexKeys[positives] = key;
            radixKeys[negatives] = key;
            positives += xi > 0f ? 1 : 0;
            negatives += xi < 0f ? 1 : 0;
        }

        radixKeys.AsSpan(0, negatives).CopyTo(vertexKeys.AsSpan(n - negatives));
        KeyRadixSort.SortByHighWord(vertexKeys.AsSpan(0, positives), radixKeys, scratch.RadixCounts);
        KeyRadixSort.SortByHighWord(vertexKeys.AsSpan(n - negatives, negatives), radixKeys, scratch.RadixCounts);
        var window = representation == TopologyRepresentation.Sparse ? LeadingWindows(scratch, n, positives, negatives) : default;
        var scan = new RowScan(vertexKeys, dense, sparse, representation, n, positives, negatives, threshold, window);
        int positiveClose = ClosePairs.CloseMagnitudes(vertexKeys.AsSpan(0, positives), threshold, scratch.ClosePositive);
        int negativeClose = ClosePairs.CloseMagnitudes(vertexKeys.AsSpan(n - negatives, negatives), threshold, scratch.CloseNegative);
        const int rows = CandidateMerge.RowsPerSeedUnit;
        SproutScratch.Ensure(ref scratch.UnitState, (positives + rows - 1) / rows + (negatives + rows - 1) / rows);
        return new CandidateMerge(scan, scratch, n, positives, negatives, threshold, limit, positiveClose, negativeClose);
    }

    private static void Grow(SproutScratch scratch, int n, int limit)
    {
        SproutScratch.Ensure(ref scratch.VertexKeys, n);
        SproutScratch.Ensure(ref scratch.HeapKeys, n + 2);
        SproutScratch.Ensure(ref scratch.HeapRows, n + 2);
        SproutScratch.Ensure(ref scratch.HeapColumns, n + 2);
        SproutScratch.Ensure(ref scratch.SeedKeys, n);
        SproutScratch.Ensure(ref scratch.SeedColumns, n);
        SproutScratch.Ensure(ref scratch.CandidateKeys, 2 * limit + 64);
        SproutScratch.Ensure(ref scratch.RadixKeys, n);
    }

    /// <summary>
    /// Sparse membership tests are searches; the pairs a row meets first (its partners among the
    /// largest |x| of its sign group) are mostly edges already, as the duel keeps the strongest
    /// pairs. A seeded row records them (and its own vertex) as bits over the group's leading
    /// ranks, so the walk skips whole runs of edges with a bit scan.
    /// </summary>
    private static LeadingWindow LeadingWindows(SproutScratch scratch, int n, int positives, int negatives)
    {
        var vertexKeys = scratch.VertexKeys;
        int words = Math.Min(MaxLeadingWords, (Math.Max(positives, negatives) + 63) >> 6);
        SproutScratch.Ensure(ref scratch.GroupRank, 2 * n);
        SproutScratch.Ensure(ref scratch.LeadingBits, n * (words + 1));
        var groupRank = scratch.GroupRank;
        // groupRank[2v] is v's rank in the positive group, groupRank[2v + 1] in the negative one;
        // the window's width (a bit in the row's discarded last word) when v is beyond it.
        groupRank.AsSpan(0, 2 * n).Fill(words * 64);
        for (int r = 0; r < Math.Min(words * 64, positives); r++)
            groupRank[2 * TopologyKeys.Cell(vertexKeys[r])] = r;
        for (int r = 0; r < Math.Min(words * 64, negatives); r++)
            groupRank[2 * TopologyKeys.Cell(vertexKeys[n - negatives + r]) + 1] = r;
        SproutScratch.Ensure(ref scratch.WindowBuilt, n);
        scratch.WindowBuilt.AsSpan(0, n).Clear();
        return new LeadingWindow(groupRank, scratch.LeadingBits, scratch.WindowBuilt, words);
    }
}
