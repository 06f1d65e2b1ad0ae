using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The dense-representation kernels: row-major W with a row stride (a multiple of 64), one
/// mask bit per cell, x padded with zeros to the kernel's column count. Each kernel exists as a
/// generic over <see cref="ILanes16{TSelf}"/> and as a scalar loop; all give identical bits
/// (the canonical sum order, docs/topology.md). The non-generic entry points pick the widest
/// accelerated lane set.
/// </summary>
public static class TopologyDenseKernels
{
    /// <summary>The lane set the entry points use on this machine ("scalar" when none is accelerated).</summary>
    public static string PathName
        => Lanes16Vector512.IsHardwareAccelerated ? "Vector512" : Lanes16Vector256.IsHardwareAccelerated ? "Vector256"
            : Lanes16Vector128.IsHardwareAccelerated ? "Vector128" : "scalar";

    /// <summary>
    /// <c>dots[r] = Σ_j W[r, j] · x[j]</c> over <paramref name="columns"/> columns in the canonical
    /// order, for the <c>dots.Length</c> rows that start at <paramref name="weights"/>[0].
    /// </summary>
    /// <param name="weights">Rows of W, row r at <c>r * stride</c>.</param>
    /// <param name="stride">Floats per row.</param>
    /// <param name="x">Activations, at least <paramref name="columns"/> long, zero past N.</param>
    /// <param name="columns">Columns summed: a multiple of 16, at most <paramref name="stride"/>.</param>
    /// <param name="dots">One result per row.</param>
    public static void RowDots(ReadOnlySpan<float> weights, int stride, ReadOnlySpan<float> x, int columns, Span<float> dots)
    {
        if (Lanes16Vector512.IsHardwareAccelerated)
            RowDots<Lanes16Vector512>(weights, stride, x, columns, dots);
        else if (Lanes16Vector256.IsHardwareAccelerated)
            RowDots<Lanes16Vector256>(weights, stride, x, columns, dots);
        else if (Lanes16Vector128.IsHardwareAccelerated)
            RowDots<Lanes16Vector128>(weights, stride, x, columns, dots);
        else
            RowDotsScalar(weights, stride, x, columns, dots);
    }

    /// <summary><see cref="RowDots"/> with lane set <typeparamref name="TLanes"/>; four rows at a time share each load of x.</summary>
    public static void RowDots<TLanes>(ReadOnlySpan<float> weights, int stride, ReadOnlySpan<float> x, int columns, Span<float> dots)
        where TLanes : struct, ILanes16<TLanes>
    {
        CheckShape(weights.Length, stride, x.Length, columns, dots.Length);
        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float xs = ref MemoryMarshal.GetReference(x);
        int rows = dots.Length;
        int row = 0;
        for (; row + 4 <= rows; row += 4)
        {
            ref float w0 = ref Unsafe.Add(ref w, (nint)row * stride);
            ref float w1 = ref Unsafe.Add(ref w0, stride);
            ref float w2 = ref Unsafe.Add(ref w1, stride);
            ref float w3 = ref Unsafe.Add(ref w2, stride);
            TLanes a0 = TLanes.Zero, a1 = TLanes.Zero, a2 = TLanes.Zero, a3 = TLanes.Zero;
            for (int c = 0; c < columns; c += LaneMath.Width)
            {
                var xv = TLanes.Load(ref Unsafe.Add(ref xs, c));
                a0 = TLanes.Add(a0, TLanes.Multiply(TLanes.Load(ref Unsafe.Add(ref w0, c)), xv));
                a1 = TLanes.Add(a1, TLanes.Multiply(TLanes.Load(ref Unsafe.Add(ref w1, c)), xv));
                a2 = TLanes.Add(a2, TLanes.Multiply(TLanes.Load(ref Unsafe.Add(ref w2, c)), xv));
                a3 = TLanes.Add(a3, TLanes.Multiply(TLanes.Load(ref Unsafe.Add(ref w3, c)), xv));
            }

            dots[row] = TLanes.Sum(a0);
            dots[row + 1] = TLanes.Sum(a1);
            dots[row + 2] = TLanes.Sum(a2);
            dots[row + 3] = TLanes.Sum(a3);
        }

        for (; row < rows; row++)
        {
            ref float wr = ref Unsafe.Add(ref w, (nint)row * stride);
            var acc = TLanes.Zero;
            for (int c = 0; c < columns; c += LaneMath.Width)
                acc = TLanes.Add(acc, TLanes.Multiply(TLanes.Load(ref Unsafe.Add(ref wr, c)), TLanes.Load(ref Unsafe.Add(ref xs, c))));
            dots[row] = TLanes.Sum(acc);
        }
    }

    /// <summary><see cref="RowDots"/> with scalar lane sums.</summary>
    public static void RowDotsScalar(ReadOnlySpan<float> weights, int stride, ReadOnlySpan<float> x, int columns, Span<float> dots)
    {
        CheckShape(weights.Length, stride, x.Length, columns, dots.Length);
        for (int row = 0; row < dots.Length; row++)
        {
            var wr = weights.Slice(row * stride, columns);
            var acc = new LaneAccumulator();
            for (int c = 0; c < columns; c++)
                acc[c & (LaneMath.Width - 1)] += wr[c] * x[c];
            dots[row] = LaneMath.Sum(acc);
        }
    }

    /// <summary>
    /// Steps 2 and 3 for the <c>degrees.Length</c> rows starting at row <paramref name="firstRow"/>
    /// (whose cells start at <paramref name="weights"/>[0] and mask words at <paramref name="mask"/>[0]):
    /// <c>W = clip(M ∘ (W + ((η R) x_i) (x_j − x_i W)), −1, 1)</c>, then every edge with
    /// <c>|W| &lt; θ_survival</c> leaves the skeleton (W = 0, M = 0). Writes each row's new degree.
    /// </summary>
    /// <param name="weights">Rows of W, row r at <c>r * stride</c>.</param>
    /// <param name="mask">Mask words, row r at <c>r * stride / 64</c>.</param>
    /// <param name="stride">Floats per row, a multiple of 64.</param>
    /// <param name="x">The new activations x_{t+1} of every vertex, at least <paramref name="columns"/> long, zero past N.</param>
    /// <param name="columns">Columns processed: a multiple of 16, at most <paramref name="stride"/>.</param>
    /// <param name="firstRow">Vertex index of the first row (for x_i).</param>
    /// <param name="rewardRate">η · R.</param>
    /// <param name="survival">θ_survival.</param>
    /// <param name="degrees">Receives each row's edge count after pruning.</param>
    /// <returns>Edges pruned in these rows.</returns>
    public static int PlasticityRows(Span<float> weights, Span<ulong> mask, int stride, ReadOnlySpan<float> x, int columns,
        int firstRow, float rewardRate, float survival, Span<int> degrees)
    {
        if (Lanes16Vector512.IsHardwareAccelerated)
            return PlasticityRows<Lanes16Vector512>(weights, mask, stride, x, columns, firstRow, rewardRate, survival, degrees);
        if (Lanes16Vector256.IsHardwareAccelerated)
            return PlasticityRows<Lanes16Vector256>(weights, mask, stride, x, columns, firstRow, rewardRate, survival, degrees);
        if (Lanes16Vector128.IsHardwareAccelerated)
            return PlasticityRows<Lanes16Vector128>(weights, mask, stride, x, columns, firstRow, rewardRate, survival, degrees);
        return PlasticityRowsScalar(weights, mask, stride, x, columns, firstRow, rewardRate, survival, degrees);
    }

    /// <summary><see cref="PlasticityRows"/> with lane set <typeparamref name="TLanes"/>; 16-cell groups with no edge are skipped.</summary>
    public static int PlasticityRows<TLanes>(Span<float> weights, Span<ulong> mask, int stride, ReadOnlySpan<float> x, int columns,
        int firstRow, float rewardRate, float survival, Span<int> degrees)
        where TLanes : struct, ILanes16<TLanes>
    {
        CheckPlasticityShape(weights.Length, mask.Length, stride, x.Length, columns, firstRow, degrees.Length);
        ref float w = ref MemoryMarshal.GetReference(weights);
        ref ulong m = ref MemoryMarshal.GetReference(mask);
        ref float xs = ref MemoryMarshal.GetReference(x);
        int wordsPerRow = stride / 64;
        var threshold = TLanes.Broadcast(survival);
        var minusOne = TLanes.Broadcast(-1f);
        var one = TLanes.Broadcast(1f);
        int pruned = 0;
        for (int row = 0; row < degrees.Length; row++)
        {
            float xi = x[firstRow + row];
            var xiLanes = TLanes.Broadcast(xi);
            var gain = TLanes.Broadcast(rewardRate * xi);
            ref float wr = ref Unsafe.Add(ref w, (nint)row * stride);
            ref ulong mr = ref Unsafe.Add(ref m, (nint)row * wordsPerRow);
            int before = 0, after = 0;
            for (int word = 0, c0 = 0; c0 < columns; word++, c0 += 64)
            {
                ulong bits = Unsafe.Add(ref mr, word);
                if (bits == 0)
                    continue;
                before += BitOperations.PopCount(bits);
                int end = Math.Min(64, columns - c0);
                ulong kept = 0;
                for (int k = 0; k < end; k += LaneMath.Width)
                {
                    uint lanes = (uint)(bits >> k) & 0xFFFF;
                    if (lanes == 0)
                        continue;
                    ref float cell = ref Unsafe.Add(ref wr, c0 + k);
                    var wv = TLanes.Load(ref cell);
                    var xj = TLanes.Load(ref Unsafe.Add(ref xs, c0 + k));
                    var updated = TLanes.Add(wv, TLanes.Multiply(gain, TLanes.Subtract(xj, TLanes.Multiply(xiLanes, wv))));
                    var clipped = LaneMath.Clamp(TLanes.KeepLanes(updated, lanes), minusOne, one);
                    uint alive = lanes & TLanes.AbsAtLeast(clipped, threshold);
                    TLanes.Store(TLanes.KeepLanes(clipped, alive), ref cell);
                    kept |= (ulong)alive << k;
                }

                Unsafe.Add(ref mr, word) = kept;
                after += BitOperations.PopCount(kept);
            }

            degrees[row] = after;
            pruned += before - after;
        }

        return pruned;
    }

    /// <summary><see cref="PlasticityRows"/> one cell at a time.</summary>
    public static int PlasticityRowsScalar(Span<float> weights, Span<ulong> mask, int stride, ReadOnlySpan<float> x, int columns,
        int firstRow, float rewardRate, float survival, Span<int> degrees)
    {
        CheckPlasticityShape(weights.Length, mask.Length, stride, x.Length, columns, firstRow, degrees.Length);
        int wordsPerRow = stride / 64;
        int pruned = 0;
        for (int row = 0; row < degrees.Length; row++)
        {
            float xi = x[firstRow + row];
            float gain = rewardRate * xi;
            var wr = weights.Slice(row * stride, stride);
            var mr = mask.Slice(row * wordsPerRow, wordsPerRow);
            int before = 0, after = 0;
            for (int j = 0; j < columns; j++)
            {
                ref ulong word = ref mr[j >> 6];
                ulong bit = 1UL << (j & 63);
                if ((word & bit) == 0)
                    continue;
                before++;
                float updated = wr[j] + gain * (x[j] - xi * wr[j]);
                float clipped = LaneMath.Clamp(updated, -1f, 1f);
                if (MathF.Abs(clipped) >= survival)
                {
                    wr[j] = clipped;
                    after++;
                }
                else
                {
                    wr[j] = 0f;
                    word &= ~bit;
                }
            }

            degrees[row] = after;
            pruned += before - after;
        }

        return pruned;
    }

    private static void CheckShape(int weights, int stride, int x, int columns, int rows)
    {
        if (columns < 0 || columns % LaneMath.Width != 0 || columns > stride || x < columns
            || (rows > 0 && weights < (long)(rows - 1) * stride + columns))
            ThrowShape();
    }

    private static void CheckPlasticityShape(int weights, int mask, int stride, int x, int columns, int firstRow, int rows)
    {
        CheckShape(weights, stride, x, columns, rows);
        if (stride % 64 != 0 || firstRow < 0 || x < firstRow + rows || (rows > 0 && mask < (long)rows * (stride / 64)))
            ThrowShape();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowShape()
        => throw new ArgumentException("Kernel spans do not fit: columns must be a multiple of 16 within the stride, x must cover the columns and the rows, and the weight and mask spans must cover every row.");
}
