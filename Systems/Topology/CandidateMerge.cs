namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The k-way merge over the sign groups' rows (docs/topology.md, "Sprouting without N² products"):
/// an immutable context of arrays and constants built by <see cref="CandidateSetup"/>. The merge
/// runs on one thread; the rows it reaches are seeded by whichever thread claims their unit first
/// (<see cref="SeedUnit"/>, <see cref="EnsureSeeded"/>), which changes no result: a seed depends
/// only on its row.
/// </summary>
internal readonly struct CandidateMerge
{
    /// <summary>Rows per seed unit: a run of group positions seeded together by whichever thread claims it.</summary>
    public const int RowsPerSeedUnit = 32;

    /// <summary>Rows behind one bound entry of the merge.</summary>
    public const int RowsPerBoundBatch = 64;

    /// <summary>A unit no thread has claimed.</summary>
    public const int UnitUnclaimed = 0;

    private const int UnitSeeding = 1;
    private const int UnitSeeded = 2;
    private const int UnitFailed = 3;
    // The heap column of a batch bound entry (its row is the batch's first group position).
    private const int BatchBound = -2;

    private readonly ulong[] vertexKeys;
    private readonly CandidateHeap heap;
    private readonly ulong[] candidateKeys;
    private readonly ulong[] seedKeys;
    private readonly int[] seedColumns;
    private readonly int[] unitState;
    private readonly int[] reachedRows;
    private readonly float[] closePositive;
    private readonly float[] closeNegative;

    /// <summary>The merge over <paramref name="scan"/>'s rows with the scratch arrays of <paramref name="scratch"/> (grown by the setup).</summary>
    public CandidateMerge(in RowScan scan, SproutScratch scratch, int vertexCount, int positives, int negatives, float threshold, int limit,
        int positiveClose, int negativeClose)
    {
        Scan = scan;
        VertexCount = vertexCount;
        Positives = positives;
        Negatives = negatives;
        Threshold = threshold;
        Limit = limit;
        PositiveClose = positiveClose;
        NegativeClose = negativeClose;
        PositiveUnits = (positives + RowsPerSeedUnit - 1) / RowsPerSeedUnit;
        NegativeUnits = (negatives + RowsPerSeedUnit - 1) / RowsPerSeedUnit;
        vertexKeys = scratch.VertexKeys;
        heap = new CandidateHeap(scratch.HeapKeys, scratch.HeapRows, scratch.HeapColumns);
        candidateKeys = scratch.CandidateKeys;
        seedKeys = scratch.SeedKeys;
        seedColumns = scratch.SeedColumns;
        unitState = scratch.UnitState;
        reachedRows = scratch.ReachedRows;
        closePositive = scratch.ClosePositive;
        closeNegative = scratch.CloseNegative;
    }

    /// <summary>The row walker.</summary>
    public RowScan Scan { get; }
    /// <summary>N.</summary>
    public int VertexCount { get; }
    /// <summary>Vertices with x &gt; 0 (group positions 0 .. Positives).</summary>
    public int Positives { get; }
    /// <summary>Vertices with x &lt; 0 (group positions N − Negatives .. N).</summary>
    public int Negatives { get; }
    /// <summary>θ_sprout.</summary>
    public float Threshold { get; }
    /// <summary>K, the most candidates taken.</summary>
    public int Limit { get; }
    /// <summary>Close pairs of the positive group (−1: gather every tie).</summary>
    public int PositiveClose { get; }
    /// <summary>Close pairs of the negative group (−1: gather every tie).</summary>
    public int NegativeClose { get; }
    /// <summary>Seed units of the positive group (the negative group's units follow them).</summary>
    public int PositiveUnits { get; }
    /// <summary>Seed units of the negative group.</summary>
    public int NegativeUnits { get; }

    /// <summary>
    /// The strongest candidates, sorted, into the candidate keys [0..count); returns the count.
    /// Serial; it seeds the rows it reaches that no other thread has (see <see cref="EnsureSeeded"/>).
    /// </summary>
    public int Run()
    {
        var scan = Scan;
        int n = VertexCount, positives = Positives, negatives = Negatives, limit = Limit;
        float threshold = Threshold;
        int heapSize = 0;
        PushBatchBound(ref heapSize, 0, 0, positives, threshold);
        PushBatchBound(ref heapSize, n - negatives, n - negatives, n, threshold);

        // Candidates leave the heap in exact key order, and the K-th one ends the search, unless a
        // row's keys can fall somewhere at the K-th potentiality (see ClosePairs.CollidesAt). Then
        // every tie with it is gathered and the cut made by key (the selector keeps memory bounded).
        // A batch bound lies at or below every key its rows can produce, so the same stop test
        // applies to it.
        var selected = new BoundedKeySelector(candidateKeys, 0, 2 * limit + 64, limit, ulong.MaxValue);
        float kth = float.NaN;
        bool gatherTies = false;
        while (heapSize > 0)
        {
            ulong key = heap.TopKey;
            if (selected.Count >= limit && (!gatherTies || TopologyKeys.CandidateValue(key) < kth))
                break;
            int a = heap.TopRow;
            if (heap.TopColumn == BatchBound)
            {
                heap.RemoveTop(ref heapSize);
                bool positive = a < positives;
                PushBatch(ref heapSize, positive ? 0 : 1, positive ? 0 : n - negatives, a, positive ? positives : n, threshold);
                continue;
            }

            selected.Offer(key);
            if (selected.Count == limit && float.IsNaN(kth))
            {
                kth = TopologyKeys.CandidateValue(key);
                gatherTies = CollidesAtKth(kth);
            }

            if (scan.Next(a, heap.TopColumn + 1, out int b, out ulong nextKey))
                heap.ReplaceTop(nextKey, b, heapSize);
            else
                heap.RemoveTop(ref heapSize);
        }

        return selected.Finish();
    }

    private bool CollidesAtKth(float kth)
    {
        int n = VertexCount;
        return ClosePairs.CollidesAt(kth, vertexKeys.AsSpan(0, Positives), closePositive, PositiveClose)
               || ClosePairs.CollidesAt(kth, vertexKeys.AsSpan(n - Negatives, Negatives), closeNegative, NegativeClose);
    }

    /// <summary>
    /// Seeds the rows of a unit this thread has claimed (each row's first candidate, into the seed
    /// keys and columns), then marks it seeded.
    /// </summary>
    public void SeedUnit(int unit)
    {
        int state = UnitFailed;
        try
        {
            int first = unit < PositiveUnits
                ? unit * RowsPerSeedUnit
                : VertexCount - Negatives + (unit - PositiveUnits) * RowsPerSeedUnit;
            int last = Math.Min(first + RowsPerSeedUnit, unit < PositiveUnits ? Positives : VertexCount);
            var scan = Scan;
            for (int a = first; a < last; a++)
            {
                if (scan.Next(a, scan.GroupStart(a), out int b, out ulong key))
                {
                    seedKeys[a] = key;
                    seedColumns[a] = b;
                }
                else
                {
                    seedColumns[a] = -1;
                }
            }

            state = UnitSeeded;
        }
        finally
        {
            // Release: the seeds (and the rows' windows) are visible to whoever reads the state.
            Volatile.Write(ref unitState[unit], state);
        }
    }

    /// <summary>Claims and seeds <paramref name="unit"/> when no thread has (seeding ahead of the merge).</summary>
    public void TrySeedAhead(int unit)
    {
        if (Interlocked.CompareExchange(ref unitState[unit], UnitSeeding, UnitUnclaimed) == UnitUnclaimed)
            SeedUnit(unit);
    }

    /// <summary>
    /// Makes sure a unit is seeded before the merge reads it: seeds it when no thread has claimed
    /// it, waits when another thread is seeding it (a running loop entry, so the wait ends).
    /// </summary>
    private void EnsureSeeded(int unit)
    {
        if (Volatile.Read(ref unitState[unit]) == UnitSeeded)
            return;
        TrySeedAhead(unit);
        var spin = new SpinWait();
        int state;
        while ((state = Volatile.Read(ref unitState[unit])) == UnitSeeding)
            spin.SpinOnce(sleep1Threshold: -1);
        if (state != UnitSeeded)
            throw new InvalidOperationException("Seeding rows for the candidate merge failed on another thread.");
    }

    /// <summary>
    /// Pushes the batch of rows starting at group position <paramref name="first"/> (seeded first
    /// where needed), in position order; the bound of the group's next batch follows.
    /// </summary>
    private void PushBatch(ref int heapSize, int group, int groupStart, int first, int groupEnd, float threshold)
    {
        int last = Math.Min(first + RowsPerBoundBatch, groupEnd);
        int unitBase = group == 0 ? 0 : PositiveUnits;
        for (int unit = (first - groupStart) / RowsPerSeedUnit; unit <= (last - 1 - groupStart) / RowsPerSeedUnit; unit++)
            EnsureSeeded(unitBase + unit);
        for (int a = first; a < last; a++)
        {
            if (seedColumns[a] >= 0)
                heap.Push(ref heapSize, seedKeys[a], a, seedColumns[a]);
        }

        reachedRows[group] = last - groupStart;
        PushBatchBound(ref heapSize, groupStart, last, groupEnd, threshold);
    }

    /// <summary>
    /// Pushes the bound entry of the batch at group position <paramref name="first"/>: no row from
    /// there on can offer more than fl(|x_first| · |x_top|) (products of positive floats round
    /// monotonically), and its key (that P, cell 0) lies below every key those rows can produce.
    /// Nothing is pushed when the group is done or the bound is not above the threshold.
    /// </summary>
    private void PushBatchBound(ref int heapSize, int groupStart, int first, int groupEnd, float threshold)
    {
        if (first >= groupEnd)
            return;
        float bound = TopologyKeys.CandidateValue(vertexKeys[first]) * TopologyKeys.CandidateValue(vertexKeys[groupStart]);
        if (bound > threshold)
            heap.Push(ref heapSize, TopologyKeys.CandidateBound(bound), first, BatchBound);
    }
}
