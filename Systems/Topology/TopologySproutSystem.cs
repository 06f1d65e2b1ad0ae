using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Step 4, sprouting (Growth phase). Sees the skeleton after pruning (the plasticity system
/// already removed weak edges), finds the strongest non-edges with <c>P = x_u x_v &gt; θ_sprout</c>
/// (at most K, by a bounded selection over vertices scanned in order of |x|, never an N×N
/// temporary), fills free capacity up to <c>E_max</c>, then runs the duel: remaining candidates,
/// strongest first, against existing edges, weakest first, until the first candidate that
/// loses. The decisions are recorded in the block's change table; the Prune phase applies them.
/// </summary>
public sealed class TopologySproutSystem : ISystem
{
    private const int CellsPerScanBlock = 1 << 20;
    private const int MaxScanBlocks = 64;
    private readonly List<Entity> blocks = new();
    private ulong[] vertexKeys = [];
    private ulong[] candidateKeys = [];
    private ulong[] weakKeys = [];
    private int[] weakCounts = [];

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
        int candidates = limit > 0 ? FindCandidates(data, state.Representation, parameters.SproutThreshold, limit) : 0;
        int sprouts = Math.Min(free, candidates);
        int duels = Math.Min(candidates - sprouts, edges);
        int weakest = duels > 0
            ? FindWeakest(world, data, state.Representation, duels, TopologyKeys.CandidateValue(candidateKeys[sprouts]))
            : 0;
        int replaced = 0;
        while (replaced < weakest
               && TopologyKeys.CandidateValue(candidateKeys[sprouts + replaced]) > TopologyKeys.WeakValue(weakKeys[replaced]))
            replaced++;

        Record(world, state.Changes, n, sprouts + replaced, replaced);
        state.LastSprouted = sprouts;
        state.LastReplaced = replaced;
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

    /// <summary>The strongest candidates, sorted, into candidateKeys[0..count).</summary>
    private int FindCandidates(in BlockArrays data, TopologyRepresentation representation, float threshold, int limit)
    {
        int n = data.VertexCount;
        EnsureLength(ref vertexKeys, n);
        EnsureLength(ref candidateKeys, 2 * limit + 16);
        // Positive activations fill the front, negative ones the back; each sorted by |x| descending.
        int positives = 0, negatives = 0;
        var x = data.Activation;
        for (int i = 0; i < n; i++)
        {
            float xi = x[i];
            if (xi > 0f)
                vertexKeys[positives++] = TopologyKeys.Candidate(xi, i);
            else if (xi < 0f)
                vertexKeys[n - 1 - negatives++] = TopologyKeys.Candidate(-xi, i);
        }

        var positive = vertexKeys.AsSpan(0, positives);
        var negative = vertexKeys.AsSpan(n - negatives, negatives);
        positive.Sort();
        negative.Sort();
        var selector = new BoundedKeySelector(candidateKeys, 0, candidateKeys.Length, limit, TopologyKeys.CandidateBound(threshold));
        // P = x_u x_v is positive only for two activations of the same sign; for a negative pair
        // (−a)(−b) equals a·b exactly, so both lists work on magnitudes.
        ScanSameSign(positive, data, representation, ref selector);
        ScanSameSign(negative, data, representation, ref selector);
        return selector.Finish();
    }

    private static void ScanSameSign(ReadOnlySpan<ulong> sorted, in BlockArrays data, TopologyRepresentation representation,
        ref BoundedKeySelector selector)
    {
        if (sorted.Length == 0)
            return;
        int n = data.VertexCount;
        float largest = TopologyKeys.CandidateValue(sorted[0]);
        for (int a = 0; a < sorted.Length; a++)
        {
            int u = TopologyKeys.Cell(sorted[a]);
            float xu = TopologyKeys.CandidateValue(sorted[a]);
            // Magnitudes only fall from here on, so once u's best pair is below the bound, so is every later u's.
            if (xu * largest < TopologyKeys.CandidateValue(selector.Bound))
                break;
            for (int b = 0; b < sorted.Length; b++)
            {
                int v = TopologyKeys.Cell(sorted[b]);
                if (v == u)
                    continue;
                float p = xu * TopologyKeys.CandidateValue(sorted[b]);
                ulong key = TopologyKeys.Candidate(p, u * n + v);
                if (key >= selector.Bound)
                {
                    if (p < TopologyKeys.CandidateValue(selector.Bound))
                        break;
                    continue;
                }

                if (!IsEdge(data, representation, u, v))
                    selector.Offer(key);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsEdge(in BlockArrays data, TopologyRepresentation representation, int u, int v)
    {
        if (representation == TopologyRepresentation.Dense)
            return (data.DenseMask[u * data.WordsPerRow + (v >> 6)] & (1UL << (v & 63))) != 0;
        return Array.BinarySearch(data.EdgeColumns, data.RowStart[u], data.Degree[u], v) >= 0;
    }

    // ------------------------------------------------------------------ weakest edges

    /// <summary>The <paramref name="keep"/> weakest edges with |W| below <paramref name="strongest"/>, sorted, into weakKeys[0..count).</summary>
    private int FindWeakest(World world, in BlockArrays data, TopologyRepresentation representation, int keep, float strongest)
    {
        int n = data.VertexCount;
        long cellsPerRow = representation == TopologyRepresentation.Dense
            ? data.KernelColumns
            : Math.Max(1, data.EdgeRows / Math.Max(1, n));
        int rowsPerBlock = (int)Math.Max((n + MaxScanBlocks - 1) / MaxScanBlocks, Math.Max(1, CellsPerScanBlock / cellsPerRow));
        int blockCount = (n + rowsPerBlock - 1) / rowsPerBlock;
        int capacity = 2 * keep + 16;
        EnsureLength(ref weakKeys, blockCount * capacity);
        EnsureLength(ref weakCounts, blockCount);
        var action = new WeakestScan(data, representation, rowsPerBlock, keep, capacity, TopologyKeys.WeakBound(strongest),
            weakKeys, weakCounts);
        world.Parallel.For(blockCount, 1, action);
        int total = 0;
        for (int b = 0; b < blockCount; b++)
        {
            Array.Copy(weakKeys, b * capacity, weakKeys, total, weakCounts[b]);
            total += weakCounts[b];
        }

        var found = weakKeys.AsSpan(0, total);
        KeySelection.PartitionSmallest(found, keep);
        int count = Math.Min(keep, total);
        found[..count].Sort();
        return count;
    }

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
                    ScanSparse(first, last, ref selector);
                else if (LaneBlock512.IsHardwareAccelerated)
                    ScanDense<LaneBlock512>(first, last, ref selector);
                else if (LaneBlock256.IsHardwareAccelerated)
                    ScanDense<LaneBlock256>(first, last, ref selector);
                else if (LaneBlock128.IsHardwareAccelerated)
                    ScanDense<LaneBlock128>(first, last, ref selector);
                else
                    ScanDenseScalar(first, last, ref selector);
                counts[block] = selector.Finish();
            }
        }

        private void ScanSparse(int first, int last, ref BoundedKeySelector selector)
        {
            int n = data.VertexCount;
            var columns = data.EdgeColumns;
            var weights = data.EdgeWeights;
            for (int i = first; i < last; i++)
            {
                int rowStart = data.RowStart[i];
                int rowEnd = rowStart + data.Degree[i];
                for (int k = rowStart; k < rowEnd; k++)
                    selector.Offer(TopologyKeys.Weak(MathF.Abs(weights[k]), i * n + columns[k]));
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
