using GrowNet.Ecs.Cli.Bench.Results;

namespace GrowNet.Ecs.Cli.Bench.Comparing;

/// <summary>
/// Compares every workload of a current run with the baseline's, and re-runs each workload that
/// comes out slower. Against a saved baseline it is a regression only if the re-run alone is
/// slower too. In A/B mode (<c>pairedBatches</c>) a workload that comes out slower or too noisy gets
/// as many rounds again, and all rounds pooled decide (<see cref="ComparisonRow.IsRegression"/>):
/// more rounds settle what bursts of a noisy machine made unclear in the first ones.
/// </summary>
public static class BenchComparison
{
    /// <summary>Compares <paramref name="current"/> against <paramref name="baseline"/>.</summary>
    /// <param name="baseline">Baseline workloads (a saved report, or the other build's side of an A/B run).</param>
    /// <param name="current">Current workloads.</param>
    /// <param name="threshold">Relative threshold (0.10 = 10 %).</param>
    /// <param name="normalize">Compare reference-adjusted samples (<see cref="ReferenceAdjustment"/>) rather than raw ones.</param>
    /// <param name="rerun">Measures a workload again: fresh samples of (baseline, current); a null baseline keeps the original one.</param>
    /// <param name="pairedBatches">
    /// The two sides' batches ran in alternating rounds (A/B; see <see cref="WorkloadComparer.Compare"/>) and
    /// <paramref name="rerun"/> measures both sides in as many rounds again: the re-run is pooled with the first rounds.
    /// </param>
    public static ComparisonSummary Compare(IReadOnlyList<WorkloadResult> baseline, IReadOnlyList<WorkloadResult> current, double threshold,
        bool normalize, Func<string, (WorkloadResult? Baseline, WorkloadResult Current)> rerun, bool pairedBatches = false)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(rerun);
        var rows = new List<ComparisonRow>();
        var missing = new List<string>();
        foreach (var result in current)
        {
            var reference = baseline.FirstOrDefault(b => b.Name == result.Name);
            if (reference is null)
            {
                missing.Add(result.Name);
                continue;
            }

            var first = WorkloadComparer.Compare(reference, result, threshold, normalize, pairedBatches);
            rows.Add(pairedBatches ? ExtendRounds(reference, result, first, threshold, normalize, rerun) : Confirm(reference, first, threshold, normalize, rerun));
        }

        return new ComparisonSummary { Rows = rows, NotInBaseline = missing, Threshold = threshold, Normalized = normalize };
    }

    /// <summary>Against a saved baseline: a slower workload is measured again and compared alone.</summary>
    private static ComparisonRow Confirm(WorkloadResult reference, WorkloadComparison first, double threshold, bool normalize,
        Func<string, (WorkloadResult? Baseline, WorkloadResult Current)> rerun)
    {
        if (first.Verdict != Verdict.Slower)
            return new ComparisonRow(first, null);
        var (again, now) = rerun(first.Name);
        return new ComparisonRow(first, WorkloadComparer.Compare(again ?? reference, now, threshold, normalize));
    }

    /// <summary>A/B: a slower or noisy workload gets as many rounds again; the re-run alone and all rounds pooled are compared.</summary>
    private static ComparisonRow ExtendRounds(WorkloadResult reference, WorkloadResult result, WorkloadComparison first, double threshold,
        bool normalize, Func<string, (WorkloadResult? Baseline, WorkloadResult Current)> rerun)
    {
        if (first.Verdict is not (Verdict.Slower or Verdict.Noisy))
            return new ComparisonRow(first, null);
        var (again, now) = rerun(first.Name);
        if (again is null)
            throw new ArgumentException("In A/B mode the re-run must measure both sides again.", nameof(rerun));
        var alone = WorkloadComparer.Compare(again, now, threshold, normalize, pairedBatches: true);
        var pooled = WorkloadComparer.Compare(reference.Append(again), result.Append(now), threshold, normalize, pairedBatches: true);
        return new ComparisonRow(first, alone, pooled);
    }
}
