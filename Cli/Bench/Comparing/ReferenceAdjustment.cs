using GrowNet.Ecs.Cli.Bench.Results;

namespace GrowNet.Ecs.Cli.Bench.Comparing;

/// <summary>
/// Removes what the reference kernel explains from the log samples of two sides: a regression of
/// log(sample) on log(local reference time) within each side (so the sides' difference, the effect
/// being tested, does not enter the slope), pooled over both sides, then
/// <c>adjusted = log(sample) − β·(log(reference) − mean log(reference))</c>. β = 1 would be plain
/// division by the reference; on the development VM a compute-bound tick follows the (memory-bound)
/// kernel with β ≈ 0.4–0.5, and the fitted slope halved the spread between processes where plain
/// division hardly helped. The slope is shrunk towards 1 by a prior worth a 1 % spread per
/// sample, so with (nearly) constant reference times it is plain division; it is clamped to [0, 1].
/// </summary>
public static class ReferenceAdjustment
{
    /// <summary>Log-sd of the prior that pulls β towards 1 (per sample).</summary>
    public const double PriorSpread = 0.01;

    /// <summary>The adjusted log samples of each side and the slope used.</summary>
    public static (double[] Baseline, double[] Current, double Beta) Adjust(WorkloadResult baseline, WorkloadResult current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var (yb, xb) = Logs(baseline);
        var (yc, xc) = Logs(current);
        double covariance = Centered(xb, yb) + Centered(xc, yc);
        double variance = Centered(xb, xb) + Centered(xc, xc);
        double prior = (xb.Length + xc.Length) * PriorSpread * PriorSpread;
        double beta = Math.Clamp((covariance + prior) / (variance + prior), 0, 1);
        double mean = xb.Concat(xc).Average();
        return ([.. yb.Select((y, i) => y - beta * (xb[i] - mean))], [.. yc.Select((y, i) => y - beta * (xc[i] - mean))], beta);
    }

    private static (double[] LogSamples, double[] LogReferences) Logs(WorkloadResult result)
        => ([.. result.SamplesNs.Select(s => Math.Log(s))], [.. result.LocalReferenceNs().Select(r => Math.Log(r))]);

    /// <summary>Σ (a − mean a)(b − mean b).</summary>
    private static double Centered(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), sum = 0;
        for (int i = 0; i < a.Length; i++)
            sum += (a[i] - ma) * (b[i] - mb);
        return sum;
    }
}
