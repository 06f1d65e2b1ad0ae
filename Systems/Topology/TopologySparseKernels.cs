using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The sparse-representation kernels: one row of W as parallel (column, weight) spans in
/// ascending column order. They reproduce the dense kernels' arithmetic exactly: the dot
/// product adds each present term into lane <c>column mod 16</c> and reduces the lanes with the
/// canonical tree, and the plasticity update performs the same operations per edge.
/// </summary>
public static class TopologySparseKernels
{
    /// <summary><c>Σ W[i, j] · x[j]</c> over the row's edges in the canonical lane order.</summary>
    /// <remarks>
    /// One edge at a time: forming the products sixteen at a time (gathered x, one vector
    /// multiply) and then adding them one by one into the accumulators measured slower.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float RowDot(ReadOnlySpan<int> columns, ReadOnlySpan<float> weights, ReadOnlySpan<float> x)
    {
        var acc = new LaneAccumulator();
        for (int k = 0; k < columns.Length; k++)
        {
            int j = columns[k];
            acc[j & (LaneMath.Width - 1)] += weights[k] * x[j];
        }

        return LaneMath.Sum(acc);
    }

    /// <summary>
    /// Steps 2 and 3 for one row: each edge's weight becomes
    /// <c>clip(W + gain · (x_j − x_i W), −1, 1)</c> with gain = (η R) x_i; edges with
    /// <c>|W| &lt; θ_survival</c> are dropped and the survivors moved to the front in order.
    /// Picks the widest accelerated lane set (sixteen edges at a time, the same operations per
    /// edge as <see cref="PlasticityRowScalar"/>).
    /// </summary>
    /// <returns>The number of surviving edges (the row's new degree).</returns>
    public static int PlasticityRow(Span<int> columns, Span<float> weights, ReadOnlySpan<float> x, float xi, float gain, float survival)
    {
        if (Lanes16Vector512.IsHardwareAccelerated)
            return PlasticityRow<Lanes16Vector512>(columns, weights, x, xi, gain, survival);
        if (Lanes16Vector256.IsHardwareAccelerated)
            return PlasticityRow<Lanes16Vector256>(columns, weights, x, xi, gain, survival);
        if (Lanes16Vector128.IsHardwareAccelerated)
            return PlasticityRow<Lanes16Vector128>(columns, weights, x, xi, gain, survival);
        return PlasticityRowScalar(columns, weights, x, xi, gain, survival);
    }

    /// <summary>
    /// <see cref="PlasticityRow(Span{int}, Span{float}, ReadOnlySpan{float}, float, float, float)"/>
    /// sixteen edges at a time: x_j is gathered into a lane set, the update and clip run on the
    /// lanes, and a group whose edges all survive is stored whole (the common case); a group with
    /// a pruned edge is compacted edge by edge. The tail goes through the scalar loop.
    /// </summary>
    /// <typeparam name="TLanes">The lane set implementation.</typeparam>
    /// <returns>The number of surviving edges (the row's new degree).</returns>
    public static unsafe int PlasticityRow<TLanes>(Span<int> columns, Span<float> weights, ReadOnlySpan<float> x, float xi, float gain,
        float survival) where TLanes : struct, ILanes16<TLanes>
    {
        // The gather below is unchecked: one vectorised range test per row keeps it inside x.
        if (columns[..(columns.Length & ~(LaneMath.Width - 1))].ContainsAnyExceptInRange(0, x.Length - 1))
            throw new ArgumentOutOfRangeException(nameof(columns), "A column lies outside x.");
        var rowX = TLanes.Broadcast(xi);
        var rowGain = TLanes.Broadcast(gain);
        var threshold = TLanes.Broadcast(survival);
        var minusOne = TLanes.Broadcast(-1f);
        var one = TLanes.Broadcast(1f);
        Span<float> lanes = stackalloc float[LaneMath.Width];
        ref float lane = ref MemoryMarshal.GetReference(lanes);
        int kept = 0, k = 0;
        fixed (float* table = x)
        {
            for (; k + LaneMath.Width <= columns.Length; k += LaneMath.Width)
            {
                var w = TLanes.Load(ref weights[k]);
                var xj = TLanes.Gather(table, ref columns[k]);
                var updated = TLanes.Add(w, TLanes.Multiply(rowGain, TLanes.Subtract(xj, TLanes.Multiply(rowX, w))));
                var clipped = LaneMath.Clamp(updated, minusOne, one);
                uint survivors = TLanes.AbsAtLeast(clipped, threshold);
                if (survivors == (1u << LaneMath.Width) - 1)
                {
                    // Stores reach at most the group just loaded (kept ≤ k), so nothing unread is overwritten.
                    if (kept != k)
                        columns.Slice(k, LaneMath.Width).CopyTo(columns.Slice(kept, LaneMath.Width));
                    TLanes.Store(clipped, ref weights[kept]);
                    kept += LaneMath.Width;
                    continue;
                }

                TLanes.Store(clipped, ref lane);
                for (int l = 0; l < LaneMath.Width; l++)
                {
                    if ((survivors & (1u << l)) == 0)
                        continue;
                    columns[kept] = columns[k + l];
                    weights[kept] = lanes[l];
                    kept++;
                }
            }
        }

        return kept + UpdateAndCompact(columns[k..], weights[k..], x, xi, gain, survival, columns[kept..], weights[kept..]);
    }

    /// <summary>The scalar twin of <see cref="PlasticityRow(Span{int}, Span{float}, ReadOnlySpan{float}, float, float, float)"/>.</summary>
    /// <returns>The number of surviving edges (the row's new degree).</returns>
    public static int PlasticityRowScalar(Span<int> columns, Span<float> weights, ReadOnlySpan<float> x, float xi, float gain, float survival)
        => UpdateAndCompact(columns, weights, x, xi, gain, survival, columns, weights);

    /// <summary>Updates the edges of (columns, weights) and writes the survivors, in order, to the front of the destinations (which may alias them, at or before them).</summary>
    private static int UpdateAndCompact(ReadOnlySpan<int> columns, ReadOnlySpan<float> weights, ReadOnlySpan<float> x, float xi,
        float gain, float survival, Span<int> keptColumns, Span<float> keptWeights)
    {
        int kept = 0;
        for (int k = 0; k < columns.Length; k++)
        {
            int j = columns[k];
            float w = weights[k];
            float updated = w + gain * (x[j] - xi * w);
            float clipped = LaneMath.Clamp(updated, -1f, 1f);
            if (MathF.Abs(clipped) >= survival)
            {
                keptColumns[kept] = j;
                keptWeights[kept] = clipped;
                kept++;
            }
        }

        return kept;
    }
}
