namespace GrowNet.Ecs.Cli.Bench.Statistics;

/// <summary>
/// The Hodges–Lehmann estimate of the shift a − b (the median of all pairwise differences) and its
/// distribution-free confidence interval (Moses): the order statistics of the pairwise differences
/// at the Mann–Whitney critical value, normal approximation.
/// </summary>
public static class HodgesLehmann
{
    /// <summary>The shift of <paramref name="a"/> over <paramref name="b"/> with a two-sided interval at <paramref name="confidence"/> (e.g. 0.95).</summary>
    /// <exception cref="ArgumentException">An empty sample, or confidence outside (0, 1).</exception>
    public static ShiftInterval Shift(IReadOnlyList<double> a, IReadOnlyList<double> b, double confidence)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
            throw new ArgumentException("Both samples need at least one value.");
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentException($"Confidence must lie in (0, 1), not {confidence}.", nameof(confidence));
        int m = a.Count, n = b.Count;
        var differences = new double[m * n];
        int d = 0;
        foreach (double x in a)
        {
            foreach (double y in b)
                differences[d++] = x - y;
        }

        Array.Sort(differences);
        double estimate = Quantiles.Median(differences);
        double z = Normal.Quantile(0.5 + confidence / 2);
        double mn = m * (double)n;
        // Index (1-based) of the lower bound: the Mann–Whitney critical value for this confidence.
        long k = (long)Math.Floor(mn / 2 - z * Math.Sqrt(mn * (m + n + 1) / 12));
        k = Math.Clamp(k, 1, differences.Length);
        return new ShiftInterval(estimate, differences[k - 1], differences[differences.Length - k]);
    }
}
