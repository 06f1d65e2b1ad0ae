using System.Runtime.CompilerServices;

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
    /// </summary>
    /// <returns>The number of surviving edges (the row's new degree).</returns>
    public static int PlasticityRow(Span<int> columns, Span<float> weights, ReadOnlySpan<float> x, float xi, float gain, float survival)
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
                columns[kept] = j;
                weights[kept] = clipped;
                kept++;
            }
        }

        return kept;
    }
}
