using GrowNet.Ecs.Cli.Bench.Results;
using GrowNet.Ecs.Cli.Bench.Statistics;

namespace GrowNet.Ecs.Cli.Bench.Comparing;

/// <summary>
/// Compares one workload's samples, as dotnet/performance's ResultsComparer does but on log
/// times (reference-normalised when comparing with a saved baseline): Mann–Whitney U tests for a
/// change, a TOST with margin ln(1 + threshold) for equivalence, a Hodges–Lehmann interval for the
/// ratio, and an A/A self-check that splits each side into its first and second half.
/// </summary>
public static class WorkloadComparer
{
    /// <summary>Significance level of every test.</summary>
    public const double Alpha = 0.05;

    /// <summary>Samples each side needs at least (the self-check splits them in two).</summary>
    public const int MinSamples = 4;

    /// <summary>Compares <paramref name="current"/> against <paramref name="baseline"/> with a relative <paramref name="threshold"/> (0.10 = 10 %).</summary>
    /// <param name="baseline">The baseline side.</param>
    /// <param name="current">The current side.</param>
    /// <param name="threshold">Relative threshold (0.10 = 10 %).</param>
    /// <param name="normalize">
    /// Divide by the reference kernel (<see cref="WorkloadResult.NormalizedSamples"/>): right against a
    /// baseline measured at another time; an A/B run alternates the sides instead and compares raw samples.
    /// </param>
    /// <exception cref="ArgumentException">Different workloads, too few samples, or a threshold outside (0, 1).</exception>
    public static WorkloadComparison Compare(WorkloadResult baseline, WorkloadResult current, double threshold, bool normalize)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        if (baseline.Name != current.Name)
            throw new ArgumentException($"Cannot compare workload '{current.Name}' with '{baseline.Name}'.");
        if (!(threshold > 0 && threshold < 1))
            throw new ArgumentException($"The threshold must lie in (0, 1), not {threshold}.", nameof(threshold));
        if (baseline.SamplesNs.Length < MinSamples || current.SamplesNs.Length < MinSamples)
            throw new ArgumentException($"Workload '{current.Name}': each side needs at least {MinSamples} samples.");

        var b = (normalize ? baseline.NormalizedSamples() : baseline.SamplesNs).Select(x => Math.Log(x)).ToArray();
        var c = (normalize ? current.NormalizedSamples() : current.SamplesNs).Select(x => Math.Log(x)).ToArray();
        double margin = Math.Log(1 + threshold);
        double ratio = Math.Exp(Quantiles.Median(c) - Quantiles.Median(b));
        var shift = HodgesLehmann.Shift(c, b, 0.95);
        double pSlower = MannWhitneyTest.Greater(c, b).PValue;
        double pFaster = MannWhitneyTest.Greater(b, c).PValue;
        // TOST: "slower by less than the margin" and "faster by less than the margin", each one-sided.
        double pBelowUpper = MannWhitneyTest.Greater(b, c.Select(x => x - margin).ToArray()).PValue;
        double pAboveLower = MannWhitneyTest.Greater(c.Select(x => x + margin).ToArray(), b).PValue;
        double split = Math.Max(SplitDisagreement(b), SplitDisagreement(c));

        var verdict = Decide(threshold, ratio, Math.Exp(shift.Lower), Math.Exp(shift.Upper), pSlower, pFaster, pBelowUpper, pAboveLower, split);
        return new WorkloadComparison
        {
            Name = current.Name,
            Unit = current.Unit,
            BaselineCount = b.Length,
            CurrentCount = c.Length,
            BaselineMedianNs = Quantiles.Median(baseline.SamplesNs),
            CurrentMedianNs = Quantiles.Median(current.SamplesNs),
            Ratio = ratio,
            RatioLower = Math.Exp(shift.Lower),
            RatioUpper = Math.Exp(shift.Upper),
            RawRatio = Quantiles.Median(current.SamplesNs) / Quantiles.Median(baseline.SamplesNs),
            WallRatio = baseline.WallNs.Length > 0 && current.WallNs.Length > 0 ? Quantiles.Median(current.WallNs) / Quantiles.Median(baseline.WallNs) : double.NaN,
            PSlower = pSlower,
            PFaster = pFaster,
            PEquivalence = Math.Max(pBelowUpper, pAboveLower),
            SplitDisagreement = split,
            Verdict = verdict,
        };
    }

    /// <summary>
    /// The A/A self-check of one side: |median(second half) ÷ median(first half) − 1| of log samples in
    /// time order (drift within a run shows up here).
    /// </summary>
    public static double SplitDisagreement(IReadOnlyList<double> logSamples)
    {
        ArgumentNullException.ThrowIfNull(logSamples);
        int half = logSamples.Count / 2;
        if (half == 0)
            return 0;
        var first = logSamples.Take(half).ToArray();
        var second = logSamples.Skip(logSamples.Count - half).ToArray();
        return Math.Abs(Math.Exp(Quantiles.Median(second) - Quantiles.Median(first)) - 1);
    }

    private static Verdict Decide(double threshold, double ratio, double lower, double upper, double pSlower, double pFaster,
        double pBelowUpper, double pAboveLower, double split)
    {
        double half = 1 + threshold / 2;
        bool slower = pSlower < Alpha && pBelowUpper >= Alpha && ratio >= half;
        bool faster = pFaster < Alpha && pAboveLower >= Alpha && ratio <= 1 / half;
        bool equivalent = pBelowUpper < Alpha && pAboveLower < Alpha;
        // A split disagreement beyond a third of the threshold makes the run too noisy to judge,
        // unless the whole interval lies beyond the threshold (no noise of that size explains it).
        bool clearsThreshold = lower > 1 + threshold || upper < 1 / (1 + threshold);
        if (split > threshold / 3 && !clearsThreshold)
            return Verdict.Noisy;
        if (slower)
            return Verdict.Slower;
        if (faster)
            return Verdict.Faster;
        return equivalent ? Verdict.Same : Verdict.Inconclusive;
    }
}
