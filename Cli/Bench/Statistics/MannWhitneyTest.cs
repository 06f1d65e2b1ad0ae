namespace GrowNet.Ecs.Cli.Bench.Statistics;

/// <summary>
/// The Mann–Whitney U (Wilcoxon rank-sum) test, one-sided: is the first sample stochastically
/// larger than the second? Exact for small samples without ties (the null distribution of U by
/// recurrence), otherwise the normal approximation with tie and continuity corrections.
/// </summary>
public static class MannWhitneyTest
{
    /// <summary>Largest m·n for which the exact distribution is used (its cost grows as (m·n)²).</summary>
    public const int ExactLimit = 1600;

    /// <summary>Tests the alternative "<paramref name="a"/> tends to be larger than <paramref name="b"/>".</summary>
    /// <exception cref="ArgumentException">An empty sample or a NaN value.</exception>
    public static MannWhitneyResult Greater(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
            throw new ArgumentException("Both samples need at least one value.");
        if (a.Any(double.IsNaN) || b.Any(double.IsNaN))
            throw new ArgumentException("Samples must not contain NaN.");
        int m = a.Count, n = b.Count;
        var (rankSumA, tieTerm) = RankSum(a, b);
        double u = rankSumA - m * (m + 1) / 2.0;
        if (tieTerm == 0 && (long)m * n <= ExactLimit)
            return new MannWhitneyResult(u, ExactUpperTail(m, n, (int)Math.Round(u)), Exact: true);
        double total = m + n;
        double variance = m * (double)n / 12 * (total + 1 - tieTerm / (total * (total - 1)));
        if (variance <= 0)
            return new MannWhitneyResult(u, 1.0, Exact: false); // every value tied: no evidence either way
        double z = (u - m * (double)n / 2 - 0.5) / Math.Sqrt(variance);
        return new MannWhitneyResult(u, Math.Min(1.0, Normal.Cdf(-z)), Exact: false);
    }

    /// <summary>Sum of the mid-ranks of <paramref name="a"/> in the pooled sample, and Σ(t³ − t) over the tie groups.</summary>
    private static (double RankSumA, double TieTerm) RankSum(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var pooled = new (double Value, bool FromA)[a.Count + b.Count];
        for (int i = 0; i < a.Count; i++)
            pooled[i] = (a[i], true);
        for (int j = 0; j < b.Count; j++)
            pooled[a.Count + j] = (b[j], false);
        Array.Sort(pooled, (x, y) => x.Value.CompareTo(y.Value));
        double rankSum = 0, tieTerm = 0;
        for (int start = 0; start < pooled.Length;)
        {
            int end = start + 1;
            while (end < pooled.Length && pooled[end].Value == pooled[start].Value)
                end++;
            double midRank = (start + 1 + end) / 2.0; // ranks start+1..end
            for (int k = start; k < end; k++)
            {
                if (pooled[k].FromA)
                    rankSum += midRank;
            }

            double t = end - start;
            tieTerm += t * t * t - t;
            start = end;
        }

        return (rankSum, tieTerm);
    }

    /// <summary>
    /// P(U ≥ <paramref name="u"/>) under the null hypothesis for sample sizes m and n, from the
    /// recurrence p(m, n, u) = m/(m+n)·p(m−1, n, u−n) + n/(m+n)·p(m, n−1, u): the largest pooled value
    /// comes from the first sample (and then exceeds all n others) with probability m/(m+n).
    /// </summary>
    /// <param name="m">Size of the first sample.</param>
    /// <param name="n">Size of the second sample.</param>
    /// <param name="u">The observed U of the first sample.</param>
    public static double ExactUpperTail(int m, int n, int u)
    {
        int max = m * n;
        if (u <= 0)
            return 1;
        if (u > max)
            return 0;
        // row[j] = distribution of U for sizes (i, j); built for i = 0..m.
        var row = new double[n + 1][];
        for (int j = 0; j <= n; j++)
            row[j] = [1.0];
        for (int i = 1; i <= m; i++)
        {
            var next = new double[n + 1][];
            next[0] = [1.0];
            for (int j = 1; j <= n; j++)
            {
                var dist = new double[i * j + 1];
                double fromA = i / (double)(i + j), fromB = j / (double)(i + j);
                var withoutA = row[j];      // sizes (i − 1, j), shifted by j
                var withoutB = next[j - 1]; // sizes (i, j − 1)
                for (int k = 0; k < withoutA.Length; k++)
                    dist[k + j] += fromA * withoutA[k];
                for (int k = 0; k < withoutB.Length; k++)
                    dist[k] += fromB * withoutB[k];
                next[j] = dist;
            }

            row = next;
        }

        var final = row[n];
        double tail = 0;
        for (int k = u; k <= max; k++)
            tail += final[k];
        return Math.Min(1.0, tail);
    }
}
