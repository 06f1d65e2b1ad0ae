namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The shape of the weakest-edge sample, decided before the sample is taken (on the system's
/// thread, so its buffer is grown before any worker writes it): every <see cref="Stride"/>-th of
/// the <see cref="Edges"/> edges, <see cref="Length"/> keys at most (0: no sample).
/// </summary>
/// <param name="Edges">|E| (the rows' degrees summed).</param>
/// <param name="Stride">Edges between two samples.</param>
/// <param name="Length">Most keys the sample takes; 0 when the sample would be too small to trust.</param>
internal readonly record struct SampleShape(int Edges, int Stride, int Length)
{
    /// <summary>The sample of <paramref name="data"/> for <paramref name="keep"/> duels.</summary>
    public static SampleShape Of(in SparseSkeleton data, int keep)
    {
        int edges = 0;
        for (int i = 0; i < data.VertexCount; i++)
            edges += data.Degree[i];
        // At least 16 · keep samples for a small keep, but never more than needed for about
        // 1.5 · 48 ≈ 72 samples below the bound (a relative spread of ~12 %, far inside the 50 %
        // margin): a larger sample only costs time.
        int stride = Math.Max(edges / (16 * keep), keep / 48);
        if (stride < 4 || edges / stride < 64)
            return new SampleShape(edges, stride, 0);
        return new SampleShape(edges, stride, edges / stride + 1);
    }
}
