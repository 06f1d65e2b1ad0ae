using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// One chunk of the weakest-edge scan per index: the weakest edges of a row range below a bound,
/// into the chunk's own region of the key buffer (context: the skeleton, the layout, the bound,
/// the key buffer and the per-chunk counts; chunks write disjoint regions).
/// </summary>
internal readonly struct WeakestScan : IRangeAction
{
    private readonly DenseSkeleton dense;
    private readonly SparseSkeleton sparse;
    private readonly TopologyRepresentation representation;
    private readonly int vertexCount;
    private readonly int rowsPerChunk;
    private readonly int keep;
    private readonly int capacity;
    private readonly ulong bound;
    private readonly ulong[] keys;
    private readonly int[] counts;

    /// <summary>A scan of the skeleton in <paramref name="representation"/> laid out by <paramref name="layout"/>, keeping <paramref name="keep"/> keys below <paramref name="bound"/>.</summary>
    public WeakestScan(in DenseSkeleton dense, in SparseSkeleton sparse, TopologyRepresentation representation, int vertexCount,
        in WeakestScanLayout layout, int keep, ulong bound, ulong[] keys, int[] counts)
    {
        this.dense = dense;
        this.sparse = sparse;
        this.representation = representation;
        this.vertexCount = vertexCount;
        rowsPerChunk = layout.RowsPerChunk;
        capacity = layout.Capacity;
        this.keep = keep;
        this.bound = bound;
        this.keys = keys;
        this.counts = counts;
    }

    /// <summary>The same scan below another bound.</summary>
    public WeakestScan WithBound(ulong bound)
        => new(dense, sparse, representation, vertexCount, new WeakestScanLayout(rowsPerChunk, 0, capacity), keep, bound, keys, counts);

    /// <inheritdoc />
    public void Execute(int start, int end)
    {
        for (int chunk = start; chunk < end; chunk++)
        {
            var selector = new BoundedKeySelector(keys, chunk * capacity, capacity, keep, bound);
            int first = chunk * rowsPerChunk;
            int last = Math.Min(first + rowsPerChunk, vertexCount);
            if (representation == TopologyRepresentation.Sparse)
                ScanSparseRows(first, last, ref selector);
            else if (Lanes16Vector512.IsHardwareAccelerated)
                ScanDense<Lanes16Vector512>(first, last, ref selector);
            else if (Lanes16Vector256.IsHardwareAccelerated)
                ScanDense<Lanes16Vector256>(first, last, ref selector);
            else if (Lanes16Vector128.IsHardwareAccelerated)
                ScanDense<Lanes16Vector128>(first, last, ref selector);
            else
                ScanDenseScalar(first, last, ref selector);
            counts[chunk] = selector.FinishUnordered();
        }
    }

    private void ScanSparseRows(int first, int last, ref BoundedKeySelector selector)
    {
        if (Lanes16Vector512.IsHardwareAccelerated)
            ScanSparse<Lanes16Vector512>(first, last, ref selector);
        else if (Lanes16Vector256.IsHardwareAccelerated)
            ScanSparse<Lanes16Vector256>(first, last, ref selector);
        else if (Lanes16Vector128.IsHardwareAccelerated)
            ScanSparse<Lanes16Vector128>(first, last, ref selector);
        else
            ScanSparseScalar(first, last, ref selector);
    }

    /// <summary>
    /// Sixteen weights at a time against the bar (<c>AbsAtMost</c>); the few that pass are offered.
    /// A row's last partial group is tested one by one, so no load reaches past the row.
    /// </summary>
    private void ScanSparse<TLanes>(int first, int last, ref BoundedKeySelector selector) where TLanes : struct, ILanes16<TLanes>
    {
        int n = vertexCount;
        var columns = sparse.Columns;
        ref float weights = ref MemoryMarshal.GetArrayDataReference(sparse.Weights);
        ulong currentBound = selector.Bound;
        float limit = TopologyKeys.WeakValue(currentBound);
        var lanes = TLanes.Broadcast(limit);
        for (int i = first; i < last; i++)
        {
            int k = sparse.RowStart[i];
            int rowEnd = k + sparse.Degree[i];
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
        int n = vertexCount;
        var columns = sparse.Columns;
        var weights = sparse.Weights;
        float limit = TopologyKeys.WeakValue(selector.Bound);
        for (int i = first; i < last; i++)
        {
            int rowStart = sparse.RowStart[i];
            int rowEnd = rowStart + sparse.Degree[i];
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

    private void ScanDense<TLanes>(int first, int last, ref BoundedKeySelector selector) where TLanes : struct, ILanes16<TLanes>
    {
        int n = vertexCount;
        int stride = dense.Stride;
        int words = dense.WordsPerRow;
        int columns = dense.KernelColumns;
        ref float w = ref MemoryMarshal.GetArrayDataReference(dense.Weights);
        var mask = dense.Mask;
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
        int n = vertexCount;
        int words = dense.WordsPerRow;
        for (int i = first; i < last; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if ((dense.Mask[i * words + (j >> 6)] & (1UL << (j & 63))) != 0)
                    selector.Offer(TopologyKeys.Weak(MathF.Abs(dense.Weights[i * dense.Stride + j]), i * n + j));
            }
        }
    }
}
