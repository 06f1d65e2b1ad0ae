using GrowNet.Ecs.Cli.Bench.Results;

namespace GrowNet.Ecs.Cli.Bench.Comparing;

/// <summary>
/// Compares every workload of a current run with the baseline's, and re-runs each workload that
/// comes out slower: it is a regression only if the re-run alone is slower too.
/// </summary>
public static class BenchComparison
{
    /// <summary>Compares <paramref name="current"/> against <paramref name="baseline"/>.</summary>
    /// <param name="baseline">Baseline workloads (a saved report, or the other build's side of an A/B run).</param>
    /// <param name="current">Current workloads.</param>
    /// <param name="threshold">Relative threshold (0.10 = 10 %).</param>
    /// <param name="normalize">Compare reference-adjusted samples (<see cref="ReferenceAdjustment"/>) rather than raw ones.</param>
    /// <param name="rerun">Measures a workload again: fresh samples of (baseline, current); a null baseline keeps the original one.</param>
    /// <param name="pairedBatches">The two sides' batches ran in alternating rounds (A/B): see <see cref="WorkloadComparer.Compare"/>.</param>
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
            WorkloadComparison? second = null;
            if (first.Verdict == Verdict.Slower)
            {
                var (again, now) = rerun(result.Name);
                second = WorkloadComparer.Compare(again ?? reference, now, threshold, normalize, pairedBatches && again is not null);
            }

            rows.Add(new ComparisonRow(first, second));
        }

        return new ComparisonSummary { Rows = rows, NotInBaseline = missing, Threshold = threshold, Normalized = normalize };
    }
}
