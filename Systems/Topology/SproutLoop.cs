using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Candidates and the weakest-edge scan in one parallel loop (one wake-up of the pool), its
/// entries in this order: the first seed unit of each group, the candidate merge, the rest of the
/// rows the previous tick's merge reached (plus one bound batch) as seed units, the weakest-edge
/// sample for the guessed duels, and the scan's chunks. On two or more threads the merge runs
/// while the others seed ahead of it, sample and scan. A seed unit is claimed by whichever thread
/// gets there first (the merge seeds what it reaches unclaimed, and waits for a unit another
/// thread is seeding); seeds depend only on their row, so who seeds what changes no result. The
/// scan chunks wait for the sample (another thread runs it: entries start in plan order). On one
/// thread nothing is seeded ahead (the merge seeds exactly what it reaches) and no entry waits.
/// The context is immutable; what the entries share is in the scratch arrays it refers to (unit
/// states, flags, the sample's bound), written with interlocked or volatile operations.
/// </summary>
internal readonly struct SproutLoop : IRangeAction
{
    // Plan entries other than seed units (which are their unit's index).
    private const int PlanMerge = -1;
    private const int PlanSample = -2;
    private const int PlanFirstScanChunk = -3;

    private readonly int[] plan;
    private readonly CandidateMerge merge;
    private readonly WeakestScan scan;
    private readonly WeakestScanLayout layout;
    private readonly int keep;
    private readonly SparseSkeleton sparse;
    private readonly SampleShape sample;
    private readonly ulong[] sampleKeys;
    private readonly ulong[] weakKeys;
    private readonly int[] weakCounts;
    private readonly int[] unitState;
    private readonly int[] flags;
    private readonly ulong[] sampledBound;
    private readonly int threads;

    private SproutLoop(SproutScratch scratch, in CandidateMerge merge, in WeakestScan scan, in WeakestScanLayout layout, int keep,
        in SparseSkeleton sparse, in SampleShape sample, int threads)
    {
        plan = scratch.LoopPlan;
        this.merge = merge;
        this.scan = scan;
        this.layout = layout;
        this.keep = keep;
        this.sparse = sparse;
        this.sample = sample;
        sampleKeys = scratch.SampleKeys;
        weakKeys = scratch.WeakKeys;
        weakCounts = scratch.WeakCounts;
        unitState = scratch.UnitState;
        flags = scratch.LoopFlags;
        sampledBound = scratch.SampledBound;
        this.threads = threads;
    }

    /// <summary>
    /// Runs the loop: the merge's candidates land in the scratch's candidate keys (the count is
    /// returned); with <paramref name="sampleKeep"/> &gt; 0 (sparse), the sample's bound lands in
    /// <see cref="SproutScratch.SampledBound"/> (<see cref="ulong.MaxValue"/> when none was taken) and
    /// the scan's merged result in the weak keys, its total in the <see cref="SproutScratch.CollectedWeakest"/> flag (−1 when it did not run).
    /// </summary>
    public static int Run(World world, SproutScratch scratch, in CandidateMerge merge, in SparseSkeleton sparse, int sampleKeep,
        in WeakestScanLayout layout)
    {
        int entries = BuildPlan(scratch, merge, sampleKeep > 0 ? layout.ChunkCount : -1);
        var sample = sampleKeep > 0 ? SampleShape.Of(sparse, sampleKeep) : default;
        SproutScratch.Ensure(ref scratch.SampleKeys, sample.Length);
        var flags = scratch.LoopFlags;
        flags[SproutScratch.SampleDone] = 0;
        flags[SproutScratch.MergeDone] = 0;
        flags[SproutScratch.ScanChunksLeft] = sampleKeep > 0 ? layout.ChunkCount : 0;
        flags[SproutScratch.CollectedWeakest] = -1;
        flags[SproutScratch.MergedCount] = 0;
        scratch.SampledBound[0] = ulong.MaxValue;
        // The scan's bound is the sample's, known only inside the loop; the entries pass it on.
        var scan = new WeakestScan(default, sparse, TopologyRepresentation.Sparse, merge.VertexCount, layout, sampleKeep, ulong.MaxValue,
            scratch.WeakKeys, scratch.WeakCounts);
        world.Parallel.For(entries, 1, new SproutLoop(scratch, merge, scan, layout, sampleKeep, sparse, sample, world.Parallel.ThreadCount));
        return flags[SproutScratch.MergedCount];
    }

    /// <summary>Lays out the plan (<paramref name="scanChunks"/> &lt; 0: no sample and no scan); returns its length.</summary>
    private static int BuildPlan(SproutScratch scratch, in CandidateMerge merge, int scanChunks)
    {
        const int rows = CandidateMerge.RowsPerSeedUnit;
        int positiveUnits = merge.PositiveUnits;
        scratch.UnitState.AsSpan(0, positiveUnits + merge.NegativeUnits).Clear();
        var reached = scratch.ReachedRows;
        int positiveAhead = (Math.Min(merge.Positives, reached[0] + CandidateMerge.RowsPerBoundBatch) + rows - 1) / rows;
        int negativeAhead = (Math.Min(merge.Negatives, reached[1] + CandidateMerge.RowsPerBoundBatch) + rows - 1) / rows;
        reached[0] = 0;
        reached[1] = 0;
        SproutScratch.Ensure(ref scratch.LoopPlan, positiveAhead + negativeAhead + 2 + Math.Max(0, scanChunks));
        var plan = scratch.LoopPlan;
        int entries = 0;
        if (positiveAhead > 0)
            plan[entries++] = 0;
        if (negativeAhead > 0)
            plan[entries++] = positiveUnits;
        plan[entries++] = PlanMerge;
        for (int unit = 1; unit < Math.Max(positiveAhead, negativeAhead); unit++)
        {
            if (unit < positiveAhead)
                plan[entries++] = unit;
            if (unit < negativeAhead)
                plan[entries++] = positiveUnits + unit;
        }

        if (scanChunks >= 0)
        {
            plan[entries++] = PlanSample;
            for (int c = 0; c < scanChunks; c++)
                plan[entries++] = PlanFirstScanChunk - c;
        }

        return entries;
    }

    /// <inheritdoc />
    public void Execute(int start, int end)
    {
        for (int index = start; index < end; index++)
            RunEntry(plan[index]);
    }

    private void RunEntry(int entry)
    {
        if (entry >= 0)
        {
            // Seeding ahead pays only while the merge runs beside it, on another thread.
            if (threads > 1 && Volatile.Read(ref flags[SproutScratch.MergeDone]) == 0)
                merge.TrySeedAhead(entry);
        }
        else if (entry == PlanMerge)
        {
            try
            {
                flags[SproutScratch.MergedCount] = merge.Run();
            }
            finally
            {
                Volatile.Write(ref flags[SproutScratch.MergeDone], 1);
            }
        }
        else if (entry == PlanSample)
        {
            try
            {
                sampledBound[0] = WeakestEdges.SampleBound(sparse, keep, sample, sampleKeys);
            }
            finally
            {
                Volatile.Write(ref flags[SproutScratch.SampleDone], 1);
            }
        }
        else
        {
            ScanChunk(PlanFirstScanChunk - entry);
        }
    }

    private void ScanChunk(int chunk)
    {
        var spin = new SpinWait();
        while (Volatile.Read(ref flags[SproutScratch.SampleDone]) == 0)
            spin.SpinOnce(sleep1Threshold: -1);
        ulong bound = sampledBound[0];
        if (bound == ulong.MaxValue)
            return;
        scan.WithBound(bound).Execute(chunk, chunk + 1);
        // The thread that ends the scan merges its chunks, often while the merge still runs.
        if (Interlocked.Decrement(ref flags[SproutScratch.ScanChunksLeft]) == 0)
            flags[SproutScratch.CollectedWeakest] = WeakestEdges.Collect(weakKeys, weakCounts, layout, keep);
    }
}
