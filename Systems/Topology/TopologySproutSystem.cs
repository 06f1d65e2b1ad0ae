using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Step 4, sprouting (Growth phase). Sees the skeleton after pruning (the plasticity system
/// already removed weak edges), finds the strongest non-edges with <c>P = x_u x_v &gt; θ_sprout</c>
/// (at most K, by a k-way merge over vertices sorted by |x|, never an N×N temporary), fills free capacity up to <c>E_max</c>, then runs the duel: remaining candidates,
/// strongest first, against existing edges, weakest first, until the first candidate that
/// loses. The decisions are recorded in the block's change table; the Prune phase applies them.
/// </summary>
public sealed class TopologySproutSystem : ISystem
{
    private const int CellsPerScanBlock = 1 << 20;
    private const int EdgesPerScanBlock = 1 << 16;
    private const int ShortRow = 256;
    // Rows per seed unit: a run of group positions seeded together by whichever thread claims it.
    private const int RowsPerSeedUnit = 32;
    // Rows behind one bound entry of the merge.
    private const int RowsPerBoundBatch = 64;
    private const int UnitUnclaimed = 0;
    private const int UnitSeeding = 1;
    private const int UnitSeeded = 2;
    private const int UnitFailed = 3;
    // Entries of the sprouting loop's plan other than seed units (which are their unit's index).
    private const int PlanMerge = -1;
    private const int PlanSample = -2;
    private const int PlanFirstScanBlock = -3;
    private const int MaxLeadingWords = 32;
    // Membership tests a sparse row's walk makes before it builds its leading window.
    private const int PlainProbes = 4;
    private const int MaxClosePairs = 256;
    // heapColumns value of a batch bound entry (its heapRows value is the batch's first group position).
    private const int BatchBound = -2;
    private const int MaxScanBlocks = 64;
    private readonly List<Entity> blocks = new();
    private ulong[] vertexKeys = [];
    private ulong[] radixKeys = [];
    private readonly int[] radixCounts = new int[1 << 11];
    private ulong[] candidateKeys = [];
    private ulong[] heapKeys = [];
    private int[] heapRows = [];
    private int[] heapColumns = [];
    private ulong[] weakKeys = [];
    private int[] weakCounts = [];
    private ulong[] sampleKeys = [];
    private int[] groupRank = [];
    private ulong[] leadingBits = [];
    private byte[] windowBuilt = [];
    private ulong[] seedKeys = [];
    private int[] seedColumns = [];
    // Per sign group (positive, negative): rows the previous merge reached (the guess of how many to
    // seed ahead).
    private readonly int[] reachedRows = new int[2];
    // The sprouting loop (RunSproutLoop): its plan, each seed unit's state, the completion flags of
    // the sample and the merge, and what its blocks work on.
    private int[] loopPlan = [];
    private int[] unitState = [];
    private int positiveUnits;
    private int sampleState;
    private int mergeState;
    private int scanBlocksLeft;
    private int collectedWeakest;
    private CandidateMerge loopMerge;
    private BlockArrays loopData;
    private TopologyRepresentation loopRepresentation;
    private int loopSampleKeep;
    private ScanLayout loopLayout;
    private int loopThreads;
    private readonly float[] closePositive = new float[2 * MaxClosePairs];
    private readonly float[] closeNegative = new float[2 * MaxClosePairs];
    private readonly int[] mergedCount = new int[1];
    private readonly ulong[] sampledBound = new ulong[1];

    /// <inheritdoc />
    public string Name => "TopologySprout";

    /// <inheritdoc />
    public void Update(World world)
    {
        TopologyBlocks.Collect(world, blocks);
        foreach (var entity in blocks)
            Sprout(world, entity);
    }

    private void Sprout(World world, Entity entity)
    {
        var parameters = world.Get<TopologyParameters>(entity);
        ref var state = ref world.Get<TopologyState>(entity);
        var data = new BlockArrays(world, state);
        int n = data.VertexCount;
        int edges = state.EdgeCount;
        int free = Math.Max(0, parameters.EdgeBudget(n) - edges);
        int limit = (int)Math.Min(parameters.SproutLimit(n), (long)n * (n - 1) - edges);
        var representation = state.Representation;
        int candidates = 0;
        // Sparse blocks guess the duels before the merge (every candidate slot filled, the usual
        // case under a full budget) and scan for the weakest edges beside it (see RunSproutLoop).
        int guessedDuels = Math.Min(limit - Math.Min(free, limit), edges);
        ulong guessedBound = ulong.MaxValue;
        var guessedScan = default(ScanLayout);
        if (limit > 0)
        {
            int sampleKeep = representation == TopologyRepresentation.Sparse ? guessedDuels : 0;
            var merge = PrepareCandidates(data, representation, parameters.SproutThreshold, limit);
            if (sampleKeep > 0)
                guessedScan = LayOutScan(data, representation, sampleKeep);
            candidates = RunSproutLoop(world, data, representation, merge, sampleKeep, guessedScan);
            if (sampleKeep > 0)
                guessedBound = sampledBound[0];
        }

        int sprouts = Math.Min(free, candidates);
        int duels = Math.Min(candidates - sprouts, edges);
        int weakest = 0;
        if (duels > 0)
        {
            float strongest = TopologyKeys.CandidateValue(candidateKeys[sprouts]);
            // The guessed scan is exactly FindWeakest's first scan when the guess was right and
            // the sample's bound lies below the strongest remaining candidate's; FindWeakest
            // keeps its result when it found enough edges, and so does this.
            bool guessHolds = guessedBound != ulong.MaxValue && duels == guessedDuels && guessedBound < TopologyKeys.WeakBound(strongest);
            if (guessHolds && collectedWeakest >= duels)
                weakest = duels;
            else
                weakest = FindWeakest(world, data, representation, duels, strongest);
        }

        int replaced = Duel(sprouts, weakest);

        Record(world, state.Changes, n, sprouts + replaced, replaced);
        state.LastSprouted = sprouts;
        state.LastReplaced = replaced;
    }

    /// <summary>
    /// The duel: the k-th remaining candidate (strongest first) replaces the k-th weakest edge while
    /// its P exceeds that |W|; returns how many did. Candidates' P never rises along the list and the
    /// weakest edges' |W| never falls, so when the last pair wins every pair does, and the weakest
    /// edges (held unordered) need sorting only when some candidate loses.
    /// </summary>
    private int Duel(int sprouts, int weakest)
    {
        if (weakest == 0)
            return 0;
        var weak = weakKeys.AsSpan(0, weakest);
        ulong strongestOfWeak = 0;
        foreach (ulong key in weak)
            strongestOfWeak = Math.Max(strongestOfWeak, key);
        if (TopologyKeys.CandidateValue(candidateKeys[sprouts + weakest - 1]) > TopologyKeys.WeakValue(strongestOfWeak))
            return weakest;
        weak.Sort();
        int replaced = 0;
        while (replaced < weakest
               && TopologyKeys.CandidateValue(candidateKeys[sprouts + replaced]) > TopologyKeys.WeakValue(weakKeys[replaced]))
            replaced++;
        return replaced;
    }

    private void Record(World world, TableHandle changes, int n, int sprouts, int removals)
    {
        world.ResizeTable(changes, sprouts + removals);
        var table = world.GetTable(changes);
        var rows = table.Span(TopologyColumns.ChangeRow);
        var columns = table.Span(TopologyColumns.ChangeColumn);
        var weights = table.Span(TopologyColumns.ChangeWeight);
        var kinds = table.Span(TopologyColumns.ChangeKind);
        for (int k = 0; k < sprouts; k++)
        {
            (rows[k], columns[k]) = Math.DivRem(TopologyKeys.Cell(candidateKeys[k]), n);
            weights[k] = TopologyKeys.CandidateValue(candidateKeys[k]);
            kinds[k] = (byte)TopologyChangeKind.Sprout;
        }

        for (int k = 0; k < removals; k++)
        {
            (rows[sprouts + k], columns[sprouts + k]) = Math.DivRem(TopologyKeys.Cell(weakKeys[k]), n);
            weights[sprouts + k] = 0f;
            kinds[sprouts + k] = (byte)TopologyChangeKind.Remove;
        }
    }

    // ------------------------------------------------------------------ candidates

    /// <summary>
    /// The strongest candidates, sorted, into candidateKeys[0..count). P = x_u x_v is positive
    /// only for two activations of the same sign, and for a negative pair (−a)(−b) equals a·b
    /// exactly, so each sign group works on magnitudes. Within a group sorted by |x| descending,
    /// row u's potentialities fall as v moves down the list, so a heap holding each row's next
    /// non-edge pops candidates in descending P: a k-way merge that touches about K candidates
    /// plus the edges it steps over, never the N² products. Rows enter the merge lazily: a row
    /// at group position r can offer at most fl(|x_r| · |x_top|), so each group holds one bound
    /// entry for its next unseeded batch of rows, and a batch is seeded (in parallel) only when
    /// its bound reaches the top of the heap. Rows whose bound never does are never looked at.
    /// </summary>
    private CandidateMerge PrepareCandidates(in BlockArrays data, TopologyRepresentation representation, float threshold, int limit)
    {
        int n = data.VertexCount;
        EnsureLength(ref vertexKeys, n);
        EnsureLength(ref heapKeys, n + 2);
        EnsureLength(ref heapRows, n + 2);
        EnsureLength(ref heapColumns, n + 2);
        EnsureLength(ref seedKeys, n);
        EnsureLength(ref seedColumns, n);
        EnsureLength(ref candidateKeys, 2 * limit + 64);
        EnsureLength(ref radixKeys, n);
        int positives = 0, negatives = 0;
        var x = data.Activation;
        // Both groups are listed in ascending index, so the stable radix sort by |x| gives the
        // key order (|x| descending, then index).
        // Branch-free (the signs are random, so a branch mispredicted half the time): each key is
        // written to both lists and kept only by the count of its sign.
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
        KeyRadixSort.SortByHighWord(vertexKeys.AsSpan(0, positives), radixKeys, radixCounts);
        KeyRadixSort.SortByHighWord(vertexKeys.AsSpan(n - negatives, negatives), radixKeys, radixCounts);
        var window = default(LeadingWindow);
        if (representation == TopologyRepresentation.Sparse)
        {
            // Sparse membership tests are searches; the pairs a row meets first (its partners among
            // the largest |x| of its sign group) are mostly edges already, as the duel keeps the
            // strongest pairs. A seeded row records them (and its own vertex) as bits over the
            // group's leading ranks, so the walk skips whole runs of edges with a bit scan.
            int words = Math.Min(MaxLeadingWords, (Math.Max(positives, negatives) + 63) >> 6);
            EnsureLength(ref groupRank, 2 * n);
            EnsureLength(ref leadingBits, n * (words + 1));
            // groupRank[2v] is v's rank in the positive group, groupRank[2v + 1] in the negative one;
            // the window's width (a bit in the row's discarded last word) when v is beyond it.
            groupRank.AsSpan(0, 2 * n).Fill(words * 64);
            for (int r = 0; r < Math.Min(words * 64, positives); r++)
                groupRank[2 * TopologyKeys.Cell(vertexKeys[r])] = r;
            for (int r = 0; r < Math.Min(words * 64, negatives); r++)
                groupRank[2 * TopologyKeys.Cell(vertexKeys[n - negatives + r]) + 1] = r;
            EnsureLength(ref windowBuilt, n);
            windowBuilt.AsSpan(0, n).Clear();
            window = new LeadingWindow(groupRank, leadingBits, windowBuilt, words);
        }

        var scan = new RowScan(vertexKeys, data, representation, positives, negatives, threshold, window);
        int positiveClose = CloseMagnitudes(vertexKeys.AsSpan(0, positives), threshold, closePositive);
        int negativeClose = CloseMagnitudes(vertexKeys.AsSpan(n - negatives, negatives), threshold, closeNegative);
        return new CandidateMerge(scan, n, positives, negatives, threshold, limit, positiveClose, negativeClose);
    }

    /// <summary>
    /// The k-way merge of <see cref="PrepareCandidates"/>' rows: the strongest candidates, sorted,
    /// into candidateKeys[0..count); returns the count. Serial; it seeds the rows it reaches that
    /// no other thread has (see <see cref="EnsureSeeded"/>).
    /// </summary>
    private int MergeCandidates(in CandidateMerge merge)
    {
        var scan = merge.Scan;
        int n = merge.VertexCount, positives = merge.Positives, negatives = merge.Negatives, limit = merge.Limit;
        float threshold = merge.Threshold;
        int heapSize = 0;
        PushBatchBound(ref heapSize, 0, 0, positives, threshold);
        PushBatchBound(ref heapSize, n - negatives, n - negatives, n, threshold);

        // Candidates leave the heap in exact key order, and the K-th one ends the search, unless a
        // row's keys can fall somewhere at the K-th potentiality (see CollidesAt). Then every tie
        // with it is gathered and the cut made by key (the selector keeps memory bounded). A batch
        // bound lies at or below every key its rows can produce, so the same stop test applies to it.
        var positiveGroup = vertexKeys.AsSpan(0, positives);
        var negativeGroup = vertexKeys.AsSpan(n - negatives, negatives);
        int positiveClose = merge.PositiveClose;
        int negativeClose = merge.NegativeClose;
        var selected = new BoundedKeySelector(candidateKeys, 0, 2 * limit + 64, limit, ulong.MaxValue);
        float kth = float.NaN;
        bool gatherTies = false;
        while (heapSize > 0)
        {
            ulong key = heapKeys[0];
            if (selected.Count >= limit && (!gatherTies || TopologyKeys.CandidateValue(key) < kth))
                break;
            int a = heapRows[0];
            if (heapColumns[0] == BatchBound)
            {
                RemoveTop(ref heapSize);
                bool positive = a < positives;
                PushBatch(ref heapSize, positive ? 0 : 1, positive ? 0 : n - negatives, a, positive ? positives : n, threshold);
                continue;
            }

            selected.Offer(key);
            if (selected.Count == limit && float.IsNaN(kth))
            {
                kth = TopologyKeys.CandidateValue(key);
                gatherTies = CollidesAt(kth, positiveGroup, closePositive, positiveClose)
                             || CollidesAt(kth, negativeGroup, closeNegative, negativeClose);
            }

            if (scan.Next(a, heapColumns[0] + 1, out int b, out ulong nextKey))
            {
                heapKeys[0] = nextKey;
                heapColumns[0] = b;
                SiftDown(0, heapSize);
            }
            else
            {
                RemoveTop(ref heapSize);
            }
        }

        return selected.Finish();
    }

    /// <summary>
    /// Candidates and the weakest-edge scan in one parallel loop (one wake-up of the pool), its
    /// blocks in this order: the first seed unit of each group, the candidate merge, the rest of
    /// the rows the previous tick's merge reached (plus one bound batch) as seed units, the
    /// weakest-edge sample for <paramref name="sampleKeep"/> duels, and the scan's blocks. On two
    /// or more threads the merge runs while the others seed ahead of it, sample and scan. A seed
    /// unit is claimed by whichever thread gets there first (the merge seeds what it reaches
    /// unclaimed, and waits for a unit another thread is seeding); seeds depend only on their row,
    /// so who seeds what changes no result. The scan blocks wait for the sample (another thread
    /// runs it: blocks start in plan order). On one thread nothing is seeded ahead (the merge seeds
    /// exactly what it reaches) and no block waits. Returns the candidate count; the sample's
    /// bound lands in sampledBound[0] (<see cref="ulong.MaxValue"/> when none was taken), and the
    /// scan's merged result in weakKeys, its total in collectedWeakest (−1 when it did not run).
    /// </summary>
    private int RunSproutLoop(World world, in BlockArrays data, TopologyRepresentation representation, in CandidateMerge merge,
        int sampleKeep, in ScanLayout layout)
    {
        int positives = merge.Positives, negatives = merge.Negatives;
        positiveUnits = (positives + RowsPerSeedUnit - 1) / RowsPerSeedUnit;
        int negativeUnits = (negatives + RowsPerSeedUnit - 1) / RowsPerSeedUnit;
        EnsureLength(ref unitState, positiveUnits + negativeUnits);
        unitState.AsSpan(0, positiveUnits + negativeUnits).Clear();
        int positiveAhead = (Math.Min(positives, reachedRows[0] + RowsPerBoundBatch) + RowsPerSeedUnit - 1) / RowsPerSeedUnit;
        int negativeAhead = (Math.Min(negatives, reachedRows[1] + RowsPerBoundBatch) + RowsPerSeedUnit - 1) / RowsPerSeedUnit;
        reachedRows[0] = 0;
        reachedRows[1] = 0;
        EnsureLength(ref loopPlan, positiveAhead + negativeAhead + 2 + (sampleKeep > 0 ? layout.BlockCount : 0));
        int blocks = 0;
        if (positiveAhead > 0)
            loopPlan[blocks++] = 0;
        if (negativeAhead > 0)
            loopPlan[blocks++] = positiveUnits;
        loopPlan[blocks++] = PlanMerge;
        for (int unit = 1; unit < Math.Max(positiveAhead, negativeAhead); unit++)
        {
            if (unit < positiveAhead)
                loopPlan[blocks++] = unit;
            if (unit < negativeAhead)
                loopPlan[blocks++] = positiveUnits + unit;
        }

        if (sampleKeep > 0)
        {
            loopPlan[blocks++] = PlanSample;
            for (int b = 0; b < layout.BlockCount; b++)
                loopPlan[blocks++] = PlanFirstScanBlock - b;
        }

        sampledBound[0] = ulong.MaxValue;
        sampleState = 0;
        mergeState = 0;
        scanBlocksLeft = sampleKeep > 0 ? layout.BlockCount : 0;
        collectedWeakest = -1;
        loopMerge = merge;
        loopData = data;
        loopRepresentation = representation;
        loopSampleKeep = sampleKeep;
        loopLayout = layout;
        loopThreads = world.Parallel.ThreadCount;
        try
        {
            world.Parallel.For(blocks, 1, new SproutLoop(this));
        }
        finally
        {
            loopMerge = default;
            loopData = default;
        }

        return mergedCount[0];
    }

    /// <summary>Runs block <paramref name="block"/> of <see cref="RunSproutLoop"/>'s plan.</summary>
    private void RunLoopBlock(int block)
    {
        int entry = loopPlan[block];
        if (entry >= 0)
        {
            // Seeding ahead pays only while the merge runs beside it, on another thread.
            if (loopThreads > 1 && Volatile.Read(ref mergeState) == 0
                && Interlocked.CompareExchange(ref unitState[entry], UnitSeeding, UnitUnclaimed) == UnitUnclaimed)
                SeedUnit(entry);
        }
        else if (entry == PlanMerge)
        {
            try
            {
                mergedCount[0] = MergeCandidates(loopMerge);
            }
            finally
            {
                Volatile.Write(ref mergeState, 1);
            }
        }
        else if (entry == PlanSample)
        {
            try
            {
                sampledBound[0] = SampleBound(loopData, loopSampleKeep);
            }
            finally
            {
                Volatile.Write(ref sampleState, 1);
            }
        }
        else
        {
            var spin = new SpinWait();
            while (Volatile.Read(ref sampleState) == 0)
                spin.SpinOnce(sleep1Threshold: -1);
            ulong bound = sampledBound[0];
            if (bound == ulong.MaxValue)
                return;
            int scanBlock = PlanFirstScanBlock - entry;
            new WeakestScan(loopData, loopRepresentation, loopLayout.RowsPerBlock, loopSampleKeep, loopLayout.Capacity, bound, weakKeys,
                weakCounts).Execute(scanBlock, scanBlock + 1);
            // The thread that ends the scan merges its blocks, often while the merge still runs.
            if (Interlocked.Decrement(ref scanBlocksLeft) == 0)
                collectedWeakest = CollectWeakest(loopLayout, loopSampleKeep);
        }
    }

    /// <summary>The blocks of <see cref="RunSproutLoop"/>: each runs its plan entry.</summary>
    private readonly struct SproutLoop : IRangeAction
    {
        private readonly TopologySproutSystem owner;

        public SproutLoop(TopologySproutSystem owner) => this.owner = owner;

        public void Execute(int start, int end)
        {
            for (int block = start; block < end; block++)
                owner.RunLoopBlock(block);
        }
    }

    /// <summary>Seeds the rows of a unit this thread has claimed (each row's first candidate, into seedKeys and seedColumns), then marks it seeded.</summary>
    private void SeedUnit(int unit)
    {
        int state = UnitFailed;
        try
        {
            var merge = loopMerge;
            int first = unit < positiveUnits
                ? unit * RowsPerSeedUnit
                : merge.VertexCount - merge.Negatives + (unit - positiveUnits) * RowsPerSeedUnit;
            int last = Math.Min(first + RowsPerSeedUnit, unit < positiveUnits ? merge.Positives : merge.VertexCount);
            var scan = merge.Scan;
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

    /// <summary>
    /// Makes sure a unit is seeded before the merge reads it: seeds it when no thread has claimed
    /// it, waits when another thread is seeding it (a running block, so the wait ends).
    /// </summary>
    private void EnsureSeeded(int unit)
    {
        if (Volatile.Read(ref unitState[unit]) == UnitSeeded)
            return;
        if (Interlocked.CompareExchange(ref unitState[unit], UnitSeeding, UnitUnclaimed) == UnitUnclaimed)
            SeedUnit(unit);
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
        int unitBase = group == 0 ? 0 : positiveUnits;
        for (int unit = (first - groupStart) / RowsPerSeedUnit; unit <= (last - 1 - groupStart) / RowsPerSeedUnit; unit++)
            EnsureSeeded(unitBase + unit);
        for (int a = first; a < last; a++)
        {
            if (seedColumns[a] >= 0)
                Push(ref heapSize, seedKeys[a], a, seedColumns[a]);
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
            Push(ref heapSize, TopologyKeys.CandidateBound(bound), first, BatchBound);
    }

    /// <summary>What the candidate merge needs from <see cref="PrepareCandidates"/>.</summary>
    private readonly struct CandidateMerge
    {
        public CandidateMerge(in RowScan scan, int vertexCount, int positives, int negatives, float threshold, int limit,
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
        }

        public RowScan Scan { get; }
        public int VertexCount { get; }
        public int Positives { get; }
        public int Negatives { get; }
        public float Threshold { get; }
        public int Limit { get; }
        public int PositiveClose { get; }
        public int NegativeClose { get; }
    }

    /// <summary>
    /// A row's leading edges, built when its walk first gets long: bit r of the row's words is set
    /// when the row's vertex u already has an edge to the vertex at rank r of u's own sign group
    /// (sorted by |x| descending), or when that vertex is u itself. The row's last word takes the
    /// ranks beyond the window and is never read. Only the thread walking a row builds or reads
    /// its window.
    /// </summary>
    private readonly struct LeadingWindow
    {
        private readonly int[] groupRank;
        private readonly ulong[] bits;
        private readonly byte[] built;

        public LeadingWindow(int[] groupRank, ulong[] bits, byte[] built, int words)
        {
            this.groupRank = groupRank;
            this.bits = bits;
            this.built = built;
            Words = words;
        }

        /// <summary>Whether vertex <paramref name="u"/>'s window is built this tick.</summary>
        public bool IsBuilt(int u) => built[u] != 0;

        /// <summary>Words of ranks per row (0 when there is no window: dense membership tests are bit tests already).</summary>
        public int Words { get; }

        public ulong Word(int u, int word) => bits[u * (Words + 1) + word];

        public void Build(in BlockArrays data, int u, int side)
        {
            built[u] = 1;
            var row = bits.AsSpan(u * (Words + 1), Words + 1);
            row.Clear();
            int self = groupRank[2 * u + side];
            row[self >> 6] |= 1UL << (self & 63);
            int first = data.RowStart[u];
            int last = first + data.Degree[u];
            var columns = data.EdgeColumns;
            for (int k = first; k < last; k++)
            {
                int rank = groupRank[2 * columns[k] + side];
                row[rank >> 6] |= 1UL << (rank & 63);
            }
        }
    }

    /// <summary>
    /// The group's "close pairs" (a, b), stored as close[2c] = a and close[2c + 1] = b: neighbours
    /// a &gt; b (sorted by |x| descending, then index) that some row could round to the same
    /// product, with b's vertex index below a's. Along a row P never rises; its keys could fall only at such a pair, because
    /// equal rounded products need (a − b) &lt; 2⁻²³·a (both within one ulp of each other). Equal
    /// magnitudes are already in index order. Returns how many; −1 when they are too many to list
    /// or when products could leave the normal range (a threshold of about 0 and a magnitude
    /// under 10⁻¹⁵), in which case every tie is gathered.
    /// </summary>
    private static int CloseMagnitudes(ReadOnlySpan<ulong> sorted, float threshold, float[] close)
    {
        if (sorted.Length == 0)
            return 0;
        if (threshold < 1e-30f && TopologyKeys.CandidateValue(sorted[^1]) < 1e-15f)
            return -1;
        int count = 0;
        for (int k = 1; k < sorted.Length; k++)
        {
            float a = TopologyKeys.CandidateValue(sorted[k - 1]);
            float b = TopologyKeys.CandidateValue(sorted[k]);
            if (a != b && a - b <= a * (1f / (1 << 22)) && TopologyKeys.Cell(sorted[k]) < TopologyKeys.Cell(sorted[k - 1]))
            {
                if (2 * count == close.Length)
                    return -1;
                close[2 * count] = a;
                close[2 * count + 1] = b;
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Whether some row of the group meets a close pair exactly at potentiality <paramref name="p"/>:
    /// a row magnitude m with fl(m·a) = fl(m·b) = p. Such an m lies within 2⁻²¹ of p / b, so a
    /// binary search in the group's descending magnitudes finds the few candidates, and each
    /// distinct one is checked exactly. (Saturated rows at exactly 1.0 multiply exactly and never
    /// collide.)
    /// </summary>
    private static bool CollidesAt(float p, ReadOnlySpan<ulong> sorted, float[] close, int count)
    {
        if (count < 0)
            return true;
        for (int c = 0; c < count; c++)
        {
            float a = close[2 * c], b = close[2 * c + 1];
            double low = p * (1 - 1.0 / (1 << 21)) / b, high = p * (1 + 1.0 / (1 << 21)) / b;
            // First position whose magnitude is at most `high` (magnitudes fall along the group).
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (TopologyKeys.CandidateValue(sorted[mid]) > high)
                    lo = mid + 1;
                else
                    hi = mid;
            }

            float previous = float.NaN;
            for (int k = lo; k < sorted.Length; k++)
            {
                float m = TopologyKeys.CandidateValue(sorted[k]);
                if (m < low)
                    break;
                if (m == previous)
                    continue;
                previous = m;
                float pa = m * a, pb = m * b;
                if (pa == pb && pb == p)
                    return true;
            }
        }

        return false;
    }

    /// <summary>Walks one row of a sign group: the next non-edge, not the row's own vertex, with P above the threshold.</summary>
    private readonly struct RowScan
    {
        private readonly ulong[] sorted;
        private readonly BlockArrays data;
        private readonly TopologyRepresentation representation;
        private readonly int positives;
        private readonly float threshold;
        private readonly LeadingWindow window;
        private readonly int negativeStart;

        public RowScan(ulong[] sorted, in BlockArrays data, TopologyRepresentation representation, int positives, int negatives,
            float threshold, in LeadingWindow window)
        {
            negativeStart = data.VertexCount - negatives;
            this.sorted = sorted;
            this.data = data;
            this.representation = representation;
            this.positives = positives;
            this.threshold = threshold;
            this.window = window;
        }

        /// <summary>The first group position of row <paramref name="a"/>'s sign group.</summary>
        public int GroupStart(int a) => a < positives ? 0 : negativeStart;

        /// <summary>From group position <paramref name="from"/> on, the first pair of row <paramref name="a"/> that is a candidate.</summary>
        public bool Next(int a, int from, out int b, out ulong key)
        {
            int n = data.VertexCount;
            int end = a < positives ? positives : n;
            int groupStart = GroupStart(a);
            ulong row = sorted[a];
            int u = TopologyKeys.Cell(row);
            float xu = TopologyKeys.CandidateValue(row);
            b = from;
            if (window.Words > 0)
            {
                if (!window.IsBuilt(u))
                {
                    // Most rows meet an open partner within a few steps: try those with plain
                    // membership tests before paying for the window (O(degree)).
                    for (int probes = 0; b < end && probes < PlainProbes; b++)
                    {
                        if (b == a)
                            continue;
                        ulong column = sorted[b];
                        float p = xu * TopologyKeys.CandidateValue(column);
                        if (!(p > threshold))
                        {
                            key = 0;
                            return false;
                        }

                        int v = TopologyKeys.Cell(column);
                        probes++;
                        if (!IsEdge(data, representation, u, v))
                        {
                            key = TopologyKeys.Candidate(p, u * n + v);
                            return true;
                        }
                    }

                    window.Build(data, u, a < positives ? 0 : 1);
                }

                // Inside the leading window a bit scan finds the next rank that is neither an edge nor u.
                int windowEnd = Math.Min(end, groupStart + window.Words * 64);
                while (b < windowEnd)
                {
                    int rank = b - groupStart;
                    ulong open = ~window.Word(u, rank >> 6) & (ulong.MaxValue << (rank & 63));
                    if (open == 0)
                    {
                        b = groupStart + ((rank >> 6) + 1) * 64;
                        continue;
                    }

                    b = groupStart + (rank & ~63) + BitOperations.TrailingZeroCount(open);
                    if (b >= windowEnd)
                        break;
                    return Candidate(u, xu, b, n, out key);
                }
            }

            for (; b < end; b++)
            {
                if (b == a)
                    continue;
                ulong column = sorted[b];
                float p = xu * TopologyKeys.CandidateValue(column);
                // Further down the row P only falls: nothing left above the threshold.
                if (!(p > threshold))
                    break;
                int v = TopologyKeys.Cell(column);
                if (!IsEdge(data, representation, u, v))
                {
                    key = TopologyKeys.Candidate(p, u * n + v);
                    return true;
                }
            }

            key = 0;
            return false;
        }

        /// <summary>The pair (u, group position b) when its potentiality exceeds the threshold (past it, nothing in the row does).</summary>
        private bool Candidate(int u, float xu, int b, int n, out ulong key)
        {
            ulong column = sorted[b];
            float p = xu * TopologyKeys.CandidateValue(column);
            key = TopologyKeys.Candidate(p, u * n + TopologyKeys.Cell(column));
            return p > threshold;
        }
    }

    private void Push(ref int heapSize, ulong key, int row, int column)
    {
        int k = heapSize++;
        while (k > 0)
        {
            int parent = (k - 1) >> 1;
            if (heapKeys[parent] <= key)
                break;
            MoveHeapEntry(k, parent);
            k = parent;
        }

        SetHeapEntry(k, key, row, column);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MoveHeapEntry(int to, int from)
    {
        heapKeys[to] = heapKeys[from];
        heapRows[to] = heapRows[from];
        heapColumns[to] = heapColumns[from];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetHeapEntry(int k, ulong key, int row, int column)
    {
        heapKeys[k] = key;
        heapRows[k] = row;
        heapColumns[k] = column;
    }

    private void RemoveTop(ref int heapSize)
    {
        heapSize--;
        MoveHeapEntry(0, heapSize);
        SiftDown(0, heapSize);
    }

    private void SiftDown(int k, int size)
    {
        ulong key = heapKeys[k];
        int row = heapRows[k], column = heapColumns[k];
        while (true)
        {
            int child = 2 * k + 1;
            if (child >= size)
                break;
            if (child + 1 < size && heapKeys[child + 1] < heapKeys[child])
                child++;
            if (heapKeys[child] >= key)
                break;
            MoveHeapEntry(k, child);
            k = child;
        }

        SetHeapEntry(k, key, row, column);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsEdge(in BlockArrays data, TopologyRepresentation representation, int u, int v)
    {
        if (representation == TopologyRepresentation.Dense)
            return (data.DenseMask[u * data.WordsPerRow + (v >> 6)] & (1UL << (v & 63))) != 0;
        var row = data.EdgeColumns.AsSpan(data.RowStart[u], data.Degree[u]);
        // A vectorised scan of a short row beats a binary search's mispredicted branches.
        return row.Length <= ShortRow ? row.Contains(v) : row.BinarySearch(v) >= 0;
    }

    // ------------------------------------------------------------------ weakest edges

    /// <summary>The <paramref name="keep"/> weakest edges with |W| below <paramref name="strongest"/>, in no order, into weakKeys[0..count).</summary>
    private int FindWeakest(World world, in BlockArrays data, TopologyRepresentation representation, int keep, float strongest)
    {
        ulong bound = TopologyKeys.WeakBound(strongest);
        if (representation == TopologyRepresentation.Sparse)
        {
            // A tight first bound from a sample of the edges: the scan then offers about 1.5 × keep
            // edges instead of most of them. Should the sample mislead (fewer than keep edges below
            // its bound), the scan runs again with the exact bound, so results never depend on it.
            ulong sampled = SampleBound(data, keep);
            if (sampled < bound)
            {
                int found = ScanWeakest(world, data, representation, keep, sampled);
                if (found >= keep)
                    return found;
            }
        }

        return ScanWeakest(world, data, representation, keep, bound);
    }

    /// <summary>A weak-key bound expected to have about 1.5 × keep edges below it, from every s-th edge.</summary>
    private ulong SampleBound(in BlockArrays data, int keep)
    {
        int edges = 0;
        for (int i = 0; i < data.VertexCount; i++)
            edges += data.Degree[i];
        // At least 16 · keep samples for a small keep, but never more than needed for about
        // 1.5 · 48 ≈ 72 samples below the bound (a relative spread of ~12 %, far inside the 50 %
        // margin): a larger sample only costs time.
        int stride = Math.Max(edges / (16 * keep), keep / 48);
        if (stride < 4 || edges / stride < 64)
            return ulong.MaxValue;
        int samples = 0;
        EnsureLength(ref sampleKeys, edges / stride + 1);
        int skip = 0;
        for (int i = 0; i < data.VertexCount; i++)
        {
            int start = data.RowStart[i];
            int end = start + data.Degree[i];
            int k = start + skip;
            for (; k < end; k += stride)
                sampleKeys[samples++] = TopologyKeys.Weak(MathF.Abs(data.EdgeWeights[k]), 0);
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

    private int ScanWeakest(World world, in BlockArrays data, TopologyRepresentation representation, int keep, ulong bound)
    {
        var layout = LayOutScan(data, representation, keep);
        world.Parallel.For(layout.BlockCount, 1,
            new WeakestScan(data, representation, layout.RowsPerBlock, keep, layout.Capacity, bound, weakKeys, weakCounts));
        return Math.Min(keep, CollectWeakest(layout, keep));
    }

    /// <summary>The blocks of a weakest-edge scan keeping <paramref name="keep"/> edges (the key buffers grown to fit).</summary>
    private ScanLayout LayOutScan(in BlockArrays data, TopologyRepresentation representation, int keep)
    {
        int n = data.VertexCount;
        long perBlock = representation == TopologyRepresentation.Dense
            ? CellsPerScanBlock / data.KernelColumns
            : EdgesPerScanBlock / Math.Max(1, data.EdgeRows / Math.Max(1, n));
        int rowsPerBlock = (int)Math.Max((n + MaxScanBlocks - 1) / MaxScanBlocks, Math.Max(1, perBlock));
        int blockCount = (n + rowsPerBlock - 1) / rowsPerBlock;
        int capacity = 2 * keep + 16;
        EnsureLength(ref weakKeys, blockCount * capacity);
        EnsureLength(ref weakCounts, blockCount);
        return new ScanLayout(rowsPerBlock, blockCount, capacity);
    }

    /// <summary>Merges the scan blocks' survivors into weakKeys[0..) and cuts them to <paramref name="keep"/>, unordered; returns how many were found in all.</summary>
    private int CollectWeakest(in ScanLayout layout, int keep)
    {
        int total = 0;
        for (int b = 0; b < layout.BlockCount; b++)
        {
            Array.Copy(weakKeys, b * layout.Capacity, weakKeys, total, weakCounts[b]);
            total += weakCounts[b];
        }

        KeySelection.PartitionSmallest(weakKeys.AsSpan(0, total), keep);
        return total;
    }

    /// <summary>How a weakest-edge scan is cut: rows per block, blocks, and each block's region of the key buffer.</summary>
    private readonly record struct ScanLayout(int RowsPerBlock, int BlockCount, int Capacity);

    private static void EnsureLength<T>(ref T[] array, int length)
    {
        if (array.Length < length)
            array = new T[Math.Max(length, array.Length * 2)];
    }

    /// <summary>One scan block: the weakest edges of a row range, into its own region of the key buffer.</summary>
    private readonly struct WeakestScan : IRangeAction
    {
        private readonly BlockArrays data;
        private readonly TopologyRepresentation representation;
        private readonly int rowsPerBlock;
        private readonly int keep;
        private readonly int capacity;
        private readonly ulong bound;
        private readonly ulong[] keys;
        private readonly int[] counts;

        public WeakestScan(in BlockArrays data, TopologyRepresentation representation, int rowsPerBlock, int keep, int capacity,
            ulong bound, ulong[] keys, int[] counts)
        {
            this.data = data;
            this.representation = representation;
            this.rowsPerBlock = rowsPerBlock;
            this.keep = keep;
            this.capacity = capacity;
            this.bound = bound;
            this.keys = keys;
            this.counts = counts;
        }

        public void Execute(int start, int end)
        {
            for (int block = start; block < end; block++)
            {
                var selector = new BoundedKeySelector(keys, block * capacity, capacity, keep, bound);
                int first = block * rowsPerBlock;
                int last = Math.Min(first + rowsPerBlock, data.VertexCount);
                if (representation == TopologyRepresentation.Sparse)
                    ScanSparseRows(first, last, ref selector);
                else if (LaneBlock512.IsHardwareAccelerated)
                    ScanDense<LaneBlock512>(first, last, ref selector);
                else if (LaneBlock256.IsHardwareAccelerated)
                    ScanDense<LaneBlock256>(first, last, ref selector);
                else if (LaneBlock128.IsHardwareAccelerated)
                    ScanDense<LaneBlock128>(first, last, ref selector);
                else
                    ScanDenseScalar(first, last, ref selector);
                counts[block] = selector.FinishUnordered();
            }
        }

        private void ScanSparseRows(int first, int last, ref BoundedKeySelector selector)
        {
            if (LaneBlock512.IsHardwareAccelerated)
                ScanSparse<LaneBlock512>(first, last, ref selector);
            else if (LaneBlock256.IsHardwareAccelerated)
                ScanSparse<LaneBlock256>(first, last, ref selector);
            else if (LaneBlock128.IsHardwareAccelerated)
                ScanSparse<LaneBlock128>(first, last, ref selector);
            else
                ScanSparseScalar(first, last, ref selector);
        }

        /// <summary>
        /// Sixteen weights at a time against the bar (<c>AbsAtMost</c>); the few that pass are offered.
        /// A row's last partial group is tested one by one, so no load reaches past the row.
        /// </summary>
        private void ScanSparse<TLanes>(int first, int last, ref BoundedKeySelector selector) where TLanes : struct, ILaneBlock<TLanes>
        {
            int n = data.VertexCount;
            var columns = data.EdgeColumns;
            ref float weights = ref MemoryMarshal.GetArrayDataReference(data.EdgeWeights);
            ulong currentBound = selector.Bound;
            float limit = TopologyKeys.WeakValue(currentBound);
            var lanes = TLanes.Broadcast(limit);
            for (int i = first; i < last; i++)
            {
                int k = data.RowStart[i];
                int rowEnd = k + data.Degree[i];
                for (; k + LaneMath.Width <= rowEnd; k += LaneMath.Width)
                {
                    uint hits = TLanes.AbsAtMost(TLanes.Load(ref Unsafe.Add(ref weights, k)), lanes);
                    while (hits != 0)
                    {
                        int edge = k + BitOperations.TrailingZeroCount(hits);
                        hits &= hits - 1;
                        selector.Offer(TopologyKeys.Weak(MathF.Abs(Unsafe.Add(ref weights, edge)), i * n + columns[edge]));
                    }

                    if (selector.Bound != currentBound)
                    {
                        currentBound = selector.Bound;
                        limit = TopologyKeys.WeakValue(currentBound);
                        lanes = TLanes.Broadcast(limit);
                    }
                }

                for (; k < rowEnd; k++)
                {
                    float magnitude = MathF.Abs(Unsafe.Add(ref weights, k));
                    if (magnitude > limit)
                        continue;
                    selector.Offer(TopologyKeys.Weak(magnitude, i * n + columns[k]));
                    if (selector.Bound != currentBound)
                    {
                        currentBound = selector.Bound;
                        limit = TopologyKeys.WeakValue(currentBound);
                        lanes = TLanes.Broadcast(limit);
                    }
                }
            }
        }

        private void ScanSparseScalar(int first, int last, ref BoundedKeySelector selector)
        {
            int n = data.VertexCount;
            var columns = data.EdgeColumns;
            var weights = data.EdgeWeights;
            float limit = TopologyKeys.WeakValue(selector.Bound);
            for (int i = first; i < last; i++)
            {
                int rowStart = data.RowStart[i];
                int rowEnd = rowStart + data.Degree[i];
                for (int k = rowStart; k < rowEnd; k++)
                {
                    float magnitude = MathF.Abs(weights[k]);
                    if (magnitude > limit)
                        continue;
                    selector.Offer(TopologyKeys.Weak(magnitude, i * n + columns[k]));
                    limit = TopologyKeys.WeakValue(selector.Bound);
                }
            }
        }

        private void ScanDense<TLanes>(int first, int last, ref BoundedKeySelector selector) where TLanes : struct, ILaneBlock<TLanes>
        {
            int n = data.VertexCount;
            int stride = data.Stride;
            int words = data.WordsPerRow;
            int columns = data.KernelColumns;
            ref float w = ref MemoryMarshal.GetArrayDataReference(data.DenseWeights);
            var mask = data.DenseMask;
            ulong currentBound = selector.Bound;
            var limit = TLanes.Broadcast(TopologyKeys.WeakValue(currentBound));
            for (int i = first; i < last; i++)
            {
                ref float row = ref Unsafe.Add(ref w, (nint)i * stride);
                for (int word = 0, c0 = 0; c0 < columns; word++, c0 += 64)
                {
                    ulong bits = mask[i * words + word];
                    if (bits == 0)
                        continue;
                    int end = Math.Min(64, columns - c0);
                    for (int k = 0; k < end; k += LaneMath.Width)
                    {
                        uint lanes = (uint)(bits >> k) & 0xFFFF;
                        if (lanes == 0)
                            continue;
                        uint hits = lanes & TLanes.AbsAtMost(TLanes.Load(ref Unsafe.Add(ref row, c0 + k)), limit);
                        while (hits != 0)
                        {
                            int j = c0 + k + BitOperations.TrailingZeroCount(hits);
                            hits &= hits - 1;
                            selector.Offer(TopologyKeys.Weak(MathF.Abs(Unsafe.Add(ref row, j)), i * n + j));
                        }

                        if (selector.Bound != currentBound)
                        {
                            currentBound = selector.Bound;
                            limit = TLanes.Broadcast(TopologyKeys.WeakValue(currentBound));
                        }
                    }
                }
            }
        }

        private void ScanDenseScalar(int first, int last, ref BoundedKeySelector selector)
        {
            int n = data.VertexCount;
            int words = data.WordsPerRow;
            for (int i = first; i < last; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    if ((data.DenseMask[i * words + (j >> 6)] & (1UL << (j & 63))) != 0)
                        selector.Offer(TopologyKeys.Weak(MathF.Abs(data.DenseWeights[i * data.Stride + j]), i * n + j));
                }
            }
        }
    }
}
