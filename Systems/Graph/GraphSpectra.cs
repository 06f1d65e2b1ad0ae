namespace GrowNet.Ecs.Systems.Graph;

/// <summary>Sorted spectra of tap rows (graph.md, "Sorted spectra"); signed zeros compare equal.</summary>
internal static class GraphSpectra
{
    /// <summary>The taps sorted by signed weight, descending; ties → lower (source, lag).</summary>
    public static GraphTap[] Spectrum(IReadOnlyList<GraphTap> row)
    {
        var sorted = row.ToArray();
        // A stable insertion sort on (weight descending, row position): rows are in ascending (source, lag).
        for (int i = 1; i < sorted.Length; i++)
        {
            var tap = sorted[i];
            int j = i - 1;
            for (; j >= 0 && sorted[j].Weight < tap.Weight; j--)
                sorted[j + 1] = sorted[j];
            sorted[j + 1] = tap;
        }

        return sorted;
    }

    /// <summary>Min, nearest-rank quartiles, max, the 4 largest |w| and the L2 norm of a row.</summary>
    public static GraphSpectrumSummary Summary(IReadOnlyList<GraphTap> row)
    {
        int n = row.Count;
        if (n == 0)
            return new GraphSpectrumSummary(0f, 0f, 0f, 0f, 0f, [], 0);
        var ascending = new float[n];
        double squares = 0;
        for (int k = 0; k < n; k++)
        {
            ascending[k] = row[k].Weight;
            squares += (double)row[k].Weight * row[k].Weight;
        }

        Array.Sort(ascending);
        var byMagnitude = new GraphTap[n];
        for (int k = 0; k < n; k++)
            byMagnitude[k] = row[k] with { Weight = Math.Abs(row[k].Weight) };
        var largest = Spectrum(byMagnitude).Take(4).Select(t => t.Weight).ToArray();
        return new GraphSpectrumSummary(ascending[0], Rank(ascending, 0.25), Rank(ascending, 0.5), Rank(ascending, 0.75), ascending[^1],
            largest, Math.Sqrt(squares));
    }

    /// <summary>Predictors by the L2 norm of their tap weights, descending; ties → lower index.</summary>
    public static int[] CanonicalOrder(IReadOnlyList<(int Node, double Norm)> predictors)
        => predictors.OrderByDescending(p => p.Norm).ThenBy(p => p.Node).Select(p => p.Node).ToArray();

    /// <summary><c>q_p = sorted_ascending[ceil(p · n) − 1]</c>.</summary>
    private static float Rank(float[] ascending, double p) => ascending[(int)Math.Ceiling(p * ascending.Length) - 1];
}
