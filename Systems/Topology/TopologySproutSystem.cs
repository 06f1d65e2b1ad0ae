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
    private const int RowsPerSeedBlock = 32;
    // Rows behind one bound entry of the merge, and rows seeded at once when the merge outruns the
    // rows seeded ahead of it.
    private const int RowsPerBoundBatch = 64;
    private const int RowsPerSeedBatch = 256;
    private const int MaxLeadingWords = 32;
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
    private ulong[] seedKeys = [];
    private int[] seedColumns = [];
    // Per sign group (positive, negative): rows the previous merge reached (the guess of how many to
    // seed ahead), and the group position up to which this tick's rows are seeded.
    private readonly int[] reachedRows = new int[2];
    private readonly int[] seededEnd = new int[2];
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
        // case under a full budget) and scan for the weakest edges beside it (see MergeBesideScan).
        int guessedDuels = Math.Min(limit - Math.Min(free, limit), edges);
        ulong guessedBound = ulong.MaxValue;
        var guessedScan = default(ScanLayout);
        if (limit > 0)
        {
            int sampleKeep = representation == TopologyRepresentation.Sparse ? guessedDuels : 0;
            var merge = PrepareCandidates(world, data, representation, parameters.SproutThreshold, limit, sampleKeep);
            if (sampleKeep > 0)
                guessedBound = sampledBound[0];
            if (guessedBound != ulong.MaxValue)
            {
                guessedScan = LayOutScan(data, representation, guessedDuels);
                var scan = new WeakestScan(data, representation, guessedScan.RowsPerBlock, guessedDuels, guessedScan.Capacity,
                    guessedBound, weakKeys, weakCounts);
                world.Parallel.For(1 + guessedScan.BlockCount, 1, new MergeBesideScan(this, world, merge, scan, mergedCount));
                candidates = mergedCount[0];
            }
            else
            {
                candidates = MergeCandidates(world, merge);
            }
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
            if (guessHolds && CollectWeakest(guessedScan, duels) >= duels)
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
            int cell = TopologyKeys.Cell(candidateKeys[k]);
            rows[k] = cell / n;
            columns[k] = cell % n;
            weights[k] = TopologyKeys.CandidateValue(candidateKeys[k]);
            kinds[k] = (byte)TopologyChangeKind.Sprout;
        }

        for (int k = 0; k < removals; k++)
        {
            int cell = TopologyKeys.Cell(weakKeys[k]);
            rows[sprouts + k] = cell / n;
            columns[sprouts + k] = cell % n;
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
    private CandidateMerge PrepareCandidates(World world, in BlockArrays data, TopologyRepresentation representation, float threshold,
        int limit, int sampleKeep)
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
        for (int i = 0; i < n; i++)
        {
            float xi = x[i];
            if (xi > 0f)
                vertexKeys[positives++] = TopologyKeys.Candidate(xi, i);
            else if (xi < 0f)
                radixKeys[negatives++] = TopologyKeys.Candidate(-xi, i);
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
            window = new LeadingWindow(groupRank, leadingBits, words);
        }

        var scan = new RowScan(vertexKeys, data, representation, positives, negatives, threshold, window);
        SeedAhead(world, data, scan, positives, n - negatives, negatives, sampleKeep);
        int positiveClose = CloseMagnitudes(vertexKeys.AsSpan(0, positives), threshold, closePositive);
        int negativeClose = CloseMagnitudes(vertexKeys.AsSpan(n - negatives, negatives), threshold, closeNegative);
        return new CandidateMerge(scan, n, positives, negatives, threshold, limit, positiveClose, negativeClose);
    }

    /// <summary>
    /// The k-way merge of <see cref="PrepareCandidates"/>' seeded rows: the strongest candidates,
    /// sorted, into candidateKeys[0..count); returns the count. Serial (it may seed further rows
    /// with a parallel loop, which runs serially when the merge itself runs inside one).
    /// </summary>
    private int MergeCandidates(World world, in CandidateMerge merge)
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
                SeedBatch(world, ref heapSize, scan, positive ? 0 : 1, positive ? 0 : n - negatives, a, positive ? positives : n,
                    threshold);
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
    /// Seeds, in one parallel loop, as many leading rows of each group as the previous tick's merge
    /// reached (plus one bound batch): the merge's batches then find their rows seeded and cost
    /// no wake-up of the worker pool each. A row's seed depends on nothing but the row, so seeding
    /// more or fewer rows ahead changes no result, only the time. When <paramref name="sampleKeep"/>
    /// is positive, the loop's first block takes the weakest-edge sample for that many duels
    /// (<see cref="SampleBound"/>, serial) into sampledBound[0] while the other blocks seed.
    /// </summary>
    private void SeedAhead(World world, in BlockArrays data, in RowScan scan, int positives, int negativeStart, int negatives,
        int sampleKeep)
    {
        int positiveRows = Math.Min(positives, reachedRows[0] + RowsPerBoundBatch);
        int negativeRows = Math.Min(negatives, reachedRows[1] + RowsPerBoundBatch);
        int rows = positiveRows + negativeRows;
        var seeds = new SeedRows(scan, 0, positiveRows, negativeStart, seedKeys, seedColumns);
        world.Parallel.For(1 + (rows + RowsPerSeedBlock - 1) / RowsPerSeedBlock, 1,
            new SeedBesideSample(this, data, sampleKeep, seeds, rows, sampledBound));
        seededEnd[0] = positiveRows;
        seededEnd[1] = negativeStart + negativeRows;
        reachedRows[0] = 0;
        reachedRows[1] = 0;
    }

    /// <summary>
    /// The seed-ahead loop: block 0 takes the weakest-edge sample (when asked), block b &gt; 0
    /// seeds rows [32 (b − 1), 32 b). They share nothing: the sample only reads the edges.
    /// </summary>
    private readonly struct SeedBesideSample : IRangeAction
    {
        private readonly TopologySproutSystem owner;
        private readonly BlockArrays data;
        private readonly int sampleKeep;
        private readonly SeedRows seeds;
        private readonly int rows;
        private readonly ulong[] sampled;

        public SeedBesideSample(TopologySproutSystem owner, in BlockArrays data, int sampleKeep, in SeedRows seeds, int rows,
            ulong[] sampled)
        {
            this.owner = owner;
            this.data = data;
            this.sampleKeep = sampleKeep;
            this.seeds = seeds;
            this.rows = rows;
            this.sampled = sampled;
        }

        public void Execute(int start, int end)
        {
            for (int block = start; block < end; block++)
            {
                if (block == 0)
                {
                    sampled[0] = sampleKeep > 0 ? owner.SampleBound(data, sampleKeep) : ulong.MaxValue;
                    continue;
                }

                int first = (block - 1) * RowsPerSeedBlock;
                seeds.Execute(first, Math.Min(first + RowsPerSeedBlock, rows));
            }
        }
    }

    /// <summary>
    /// Pushes the batch of rows starting at group position <paramref name="first"/> (seeding them in
    /// parallel first when <see cref="SeedAhead"/> did not reach them), in position order; the bound
    /// of the group's next batch follows.
    /// </summary>
    private void SeedBatch(World world, ref int heapSize, in RowScan scan, int group, int groupStart, int first, int groupEnd,
        float threshold)
    {
        int last = Math.Min(first + RowsPerBoundBatch, groupEnd);
        if (last > seededEnd[group])
        {
            int from = seededEnd[group];
            int to = Math.Min(groupEnd, Math.Max(last, from + RowsPerSeedBatch));
            world.Parallel.For(to - from, RowsPerSeedBlock, new SeedRows(scan, from, to - from, 0, seedKeys, seedColumns));
            seededEnd[group] = to;
        }

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
    /// One parallel loop for two independent jobs: block 0 runs the (serial) candidate merge, the
    /// other blocks are the blocks of a weakest-edge scan, so the scan runs on the other threads
    /// while the merge does. They share nothing: the merge writes the heap, seed and candidate
    /// buffers, the scan the weak-key buffers, and both only read the edges.
    /// </summary>
    private readonly struct MergeBesideScan : IRangeAction
    {
        private readonly TopologySproutSystem owner;
        private readonly World world;
        private readonly CandidateMerge merge;
        private readonly WeakestScan scan;
        private readonly int[] mergedCount;

        public MergeBesideScan(TopologySproutSystem owner, World world, in CandidateMerge merge, in WeakestScan scan, int[] mergedCount)
        {
            this.owner = owner;
            this.world = world;
            this.merge = merge;
            this.scan = scan;
            this.mergedCount = mergedCount;
        }

        public void Execute(int start, int end)
        {
            for (int block = start; block < end; block++)
            {
                if (block == 0)
                    mergedCount[0] = owner.MergeCandidates(world, merge);
                else
                    scan.Execute(block - 1, block);
            }
        }
    }

    /// <summary>
    /// Each seeded row's leading edges: bit r of the row's words is set when the row's vertex u
    /// already has an edge to the vertex at rank r of u's own sign group (sorted by |x| descending),
    /// or when that vertex is u itself. The row's last word takes the ranks beyond the window and is
    /// never read.
    /// </summary>
    private readonly struct LeadingWindow
    {
        private readonly int[] groupRank;
        private readonly ulong[] bits;

        public LeadingWindow(int[] groupRank, ulong[] bits, int words)
        {
            this.groupRank = groupRank;
            this.bits = bits;
            Words = words;
        }

        /// <summary>Words of ranks per row (0 when there is no window: dense membership tests are bit tests already).</summary>
        public int Words { get; }

        public ulong Word(int u, int word) => bits[u * (Words + 1) + word];

        public void Build(in BlockArrays data, int u, int side)
        {
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
    /// First candidates of rows, into keys[a] and columns[a] (−1 when the row has none). Loop index
    /// k covers group positions first + k for k &lt; count, then secondFirst + (k − count): two
    /// ranges (one per sign group) in one loop.
    /// </summary>
    private readonly struct SeedRows : IRangeAction
    {
        private readonly RowScan scan;
        private readonly int first;
        private readonly int count;
        private readonly int secondFirst;
        private readonly ulong[] keys;
        private readonly int[] columns;

        public SeedRows(in RowScan scan, int first, int count, int secondFirst, ulong[] keys, int[] columns)
        {
            this.scan = scan;
            this.first = first;
            this.count = count;
            this.secondFirst = secondFirst;
            this.keys = keys;
            this.columns = columns;
        }

        public void Execute(int start, int end)
        {
            for (int k = start; k < end; k++)
            {
                int a = k < count ? first + k : secondFirst + (k - count);
                scan.BuildWindow(a);
                if (scan.Next(a, scan.GroupStart(a), out int b, out ulong key))
                {
                    keys[a] = key;
                    columns[a] = b;
                }
                else
                {
                    columns[a] = -1;
                }
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

        /// <summary>Records row <paramref name="a"/>'s leading edges (sparse only; call before the row's first <see cref="Next"/>).</summary>
        public void BuildWindow(int a)
        {
            if (window.Words > 0)
                window.Build(data, TopologyKeys.Cell(sorted[a]), a < positives ? 0 : 1);
        }

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
