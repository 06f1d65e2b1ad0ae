namespace GrowNet.Ecs.Cli.Bench.Statistics;

/// <summary>Order statistics of samples.</summary>
public static class Quantiles
{
    /// <summary>The median of <paramref name="values"/> (mean of the two middle values for an even count).</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);

    /// <summary>
    /// The <paramref name="q"/>-quantile of <paramref name="values"/> by linear interpolation between
    /// order statistics (type 7, as R's default): q = 0 is the minimum, 1 the maximum.
    /// </summary>
    /// <exception cref="ArgumentException">No values, a NaN value, or q outside [0, 1].</exception>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            throw new ArgumentException("A quantile needs at least one value.", nameof(values));
        if (!(q >= 0 && q <= 1))
            throw new ArgumentException($"q must lie in [0, 1], not {q}.", nameof(q));
        var sorted = values.ToArray();
        if (sorted.Any(double.IsNaN))
            throw new ArgumentException("Values must not be NaN.", nameof(values));
        Array.Sort(sorted);
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /// <summary>The geometric mean of positive <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">No values, or a value that is not positive.</exception>
    public static double GeometricMean(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            throw new ArgumentException("A geometric mean needs at least one value.", nameof(values));
        double sum = 0;
        foreach (double v in values)
        {
            if (!(v > 0))
                throw new ArgumentException($"Geometric mean of a value that is not positive ({v}).", nameof(values));
            sum += Math.Log(v);
        }

        return Math.Exp(sum / values.Count);
    }
}
