namespace GrowNet.Ecs.Cli.Bench.Statistics;

/// <summary>The standard normal distribution: cumulative distribution and quantile function.</summary>
public static class Normal
{
    /// <summary>P(Z ≤ <paramref name="z"/>) for a standard normal Z (absolute error below 2e-7).</summary>
    public static double Cdf(double z)
    {
        if (double.IsNaN(z))
            return double.NaN;
        return 0.5 * Erfc(-z / Math.Sqrt(2));
    }

    /// <summary>The z with <see cref="Cdf"/>(z) = <paramref name="p"/>, for p in (0, 1) (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1 is needed.");
        const double low = 0.02425;
        if (p < low)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            return Tail(q);
        }

        if (p > 1 - low)
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -Tail(q);
        }

        double r = p - 0.5, s = r * r;
        return (((((-3.969683028665376e+01 * s + 2.209460984245205e+02) * s - 2.759285104469687e+02) * s + 1.383577518672690e+02) * s
                 - 3.066479806614716e+01) * s + 2.506628277459239e+00) * r
               / (((((-5.447609879822406e+01 * s + 1.615858368580409e+02) * s - 1.556989798598866e+02) * s + 6.680131188771972e+01) * s
                   - 1.328068155288572e+01) * s + 1);
    }

    private static double Tail(double q)
        => (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q
             + 4.374664141464968e+00) * q + 2.938163982698783e+00)
           / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);

    /// <summary>Complementary error function (Numerical Recipes' Chebyshev fit, fractional error below 1.2e-7).</summary>
    private static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
