using GrowNet.Ecs.Cli.Bench.Results;
using GrowNet.Ecs.Cli.Bench.Statistics;

namespace GrowNet.Ecs.Cli.Bench.Comparing;

/// <summary>
/// Compares one workload's samples, as dotnet/performance's ResultsComparer does but on log
/// times adjusted by the reference kernel (<see cref="ReferenceAdjustment"/>): Mann–Whitney U tests for a
/// change, a TOST with margin ln(1 + threshold) for equivalence, a Hodges–Lehmann interval for the
/// ratio, and an A/A self-check on split samples: a single run is split into its first and second
/// half in time; A/B rounds are split into two halves of rounds, and the ratio each half measures
/// (the median of its rounds' ratios) is compared.
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
    /// Adjust by the reference kernel (<see cref="ReferenceAdjustment"/>), as both <c>--compare</c> and
    /// <c>--ab</c> do; false compares the raw CPU times.
    /// </param>
    /// <param name="pairedBatches">
    /// Batch <c>k</c> of one side ran next to batch <c>k</c> of the other (A/B rounds): the self-check
    /// compares the ratio of the odd rounds with that of the even rounds (<see cref="PairedSplitDisagreement"/>).
    /// </param>
    /// <exception cref="ArgumentException">Different workloads, too few samples, or a threshold outside (0, 1).</exception>
    public static WorkloadComparison Compare(WorkloadResult baseline, WorkloadResult current, double threshold, bool normalize,
        bool pairedBatches = false)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        if (baseline.Name != current.Name)
            throw new ArgumentException($"Cannot compare workload '{current.Name}' with '{baseline.Name}'.");
        if (!(threshold > 0 && threshold < 1))
            throw new ArgumentException($"The threshold must lie in (0, 1), not {threshold}.", nameof(threshold));
        if (baseline.SamplesNs.Length < MinSamples || current.SamplesNs.Length < MinSamples)
            throw new ArgumentException($"Workload '{current.Name}': each side needs at least {MinSamples} samples.");

        var (b, c, beta) = normalize
            ? ReferenceAdjustment.Adjust(baseline, current)
            : (baseline.SamplesNs.Select(x => Math.Log(x)).ToArray(), current.SamplesNs.Select(x => Math.Log(x)).ToArray(), 0.0);
        double margin = Math.Log(1 + threshold), halfMargin = Math.Log(1 + threshold / 2);
        double ratio = Math.Exp(Quantiles.Median(c) - Quantiles.Median(b));
        var shift = HodgesLehmann.Shift(c, b, 0.95);
        // A change: significantly slower (faster) by more than half the threshold, one-sided, shifted null.
        double pSlower = MannWhitneyTest.Greater(Shifted(c, -halfMargin), b).PValue;
        double pFaster = MannWhitneyTest.Greater(b, Shifted(c, halfMargin)).PValue;
        // TOST at the threshold: "slower by less than the margin" and "faster by less than the margin", each one-sided.
        double pBelowUpper = MannWhitneyTest.Greater(b, Shifted(c, -margin)).PValue;
        double pAboveLower = MannWhitneyTest.Greater(Shifted(c, margin), b).PValue;
        double split = pairedBatches && CanPair(b.Length, baseline.Batches, c.Length, current.Batches)
            ? PairedSplitDisagreement(b, c, baseline.Batches)
            : Math.Max(SplitDisagreement(b, baseline.Batches), SplitDisagreement(c, current.Batches));

        var verdict = Decide(threshold, Math.Exp(shift.Lower), Math.Exp(shift.Upper), pSlower < Alpha, pFaster < Alpha,
            pBelowUpper < Alpha && pAboveLower < Alpha, split);
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
            Beta = beta,
            Verdict = verdict,
        };
    }

    /// <summary>
    /// The A/A self-check of one side: |median(one half) ÷ median(other half) − 1| of its log samples.
    /// A side pooled from several batches (A/B rounds, each its own process) is split into its odd and
    /// even batches, so the halves differ by process as the two sides do; a single batch is split into
    /// its first and second half in time, so drift within the run shows up.
    /// </summary>
    public static double SplitDisagreement(IReadOnlyList<double> logSamples, int batches)
    {
        ArgumentNullException.ThrowIfNull(logSamples);
        var first = new List<double>();
        var second = new List<double>();
        int n = logSamples.Count;
        for (int i = 0; i < n; i++)
        {
            bool inSecond = batches >= 2 && n % batches == 0 ? i / (n / batches) % 2 == 1 : i >= n - n / 2;
            if (batches < 2 && n % 2 == 1 && i == n / 2)
                continue; // the middle sample of an odd single batch belongs to neither half
            (inSecond ? second : first).Add(logSamples[i]);
        }

        if (first.Count == 0 || second.Count == 0)
            return 0;
        return Math.Abs(Math.Exp(Quantiles.Median(second) - Quantiles.Median(first)) - 1);
    }

    /// <summary>
    /// The self-check of paired A/B rounds: |ratio(one half) ÷ ratio(other half) − 1|, where a
    /// half's ratio is the median over its rounds of each round's ratio (the difference of the two
    /// sides' median log samples within that round). Both sides of a round run in the same seconds,
    /// so a change of the machine's speed that hits a round hits both sides and cancels; what
    /// remains is whether the effect itself replicates between the halves, which is what the
    /// verdict relies on. (Splitting each side on its own instead counts every such change as noise,
    /// although the alternation already balances it.) Taking the median of per-round ratios, not
    /// the ratio of the half's pooled samples, keeps a round in which the machine changed speed
    /// between its A and its B batch (one round ratio far off) from moving the half's ratio. With
    /// four rounds or more the halves take pairs of rounds in turn — rounds 1–2, 5–6, … against
    /// 3–4, 7–8, … — so each half holds both orders of the alternating A/B runs; with two or three,
    /// single rounds.
    /// </summary>
    /// <param name="baselineLogs">Baseline log samples, <paramref name="batches"/> equal batches in round order.</param>
    /// <param name="currentLogs">Current log samples, the same number of batches in round order.</param>
    /// <param name="batches">Rounds (at least 2).</param>
    public static double PairedSplitDisagreement(IReadOnlyList<double> baselineLogs, IReadOnlyList<double> currentLogs, int batches)
    {
        ArgumentNullException.ThrowIfNull(baselineLogs);
        ArgumentNullException.ThrowIfNull(currentLogs);
        if (!CanPair(baselineLogs.Count, batches, currentLogs.Count, batches))
            throw new ArgumentException($"Paired rounds need at least 2 equal batches on each side ({baselineLogs.Count} and {currentLogs.Count} samples in {batches}).");
        int group = batches >= 4 ? 2 : 1;
        var halves = new[] { new List<double>(), new List<double>() };
        for (int round = 0; round < batches; round++)
            halves[round / group % 2].Add(Quantiles.Median(RoundOf(currentLogs, batches, round)) - Quantiles.Median(RoundOf(baselineLogs, batches, round)));
        return Math.Abs(Math.Exp(Quantiles.Median(halves[1]) - Quantiles.Median(halves[0])) - 1);
    }

    private static bool CanPair(int baselineCount, int baselineBatches, int currentCount, int currentBatches)
        => baselineBatches >= 2 && baselineBatches == currentBatches && baselineCount % baselineBatches == 0 && currentCount % currentBatches == 0;

    /// <summary>The samples of round <paramref name="round"/> of <paramref name="batches"/> equal rounds.</summary>
    private static double[] RoundOf(IReadOnlyList<double> logs, int batches, int round)
    {
        int size = logs.Count / batches;
        return [.. Enumerable.Range(round * size, size).Select(i => logs[i])];
    }

    private static double[] Shifted(double[] values, double by) => [.. values.Select(v => v + by)];

    private static Verdict Decide(double threshold, double lower, double upper, bool slower, bool faster, bool equivalent, double split)
    {
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
