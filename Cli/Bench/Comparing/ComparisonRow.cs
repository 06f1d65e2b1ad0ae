namespace GrowNet.Ecs.Cli.Bench.Comparing;

/// <summary>
/// One workload's line of a comparison: the first comparison and, when it called for one, the
/// re-run. Against a saved baseline the re-run is compared alone; in A/B mode the re-run's rounds
/// are also pooled with the first ones (<see cref="Pooled"/>), and that comparison decides.
/// </summary>
/// <param name="First">The comparison of the run.</param>
/// <param name="Rerun">The comparison of the automatic re-run alone (after a first verdict of <see cref="Verdict.Slower"/>, or in A/B mode also <see cref="Verdict.Noisy"/>).</param>
/// <param name="Pooled">A/B mode: the comparison of the first and the re-run's rounds together.</param>
public sealed record ComparisonRow(WorkloadComparison First, WorkloadComparison? Rerun, WorkloadComparison? Pooled = null)
{
    /// <summary>
    /// A regression. Against a saved baseline: slower in the run and again in its re-run. In A/B
    /// mode: slower over all rounds pooled (self-check included), and the re-run's rounds alone
    /// significantly slower by more than half the threshold (their own self-check aside), so the
    /// effect is seen again in fresh processes and not only carried by the first rounds.
    /// </summary>
    public bool IsRegression => Pooled is null
        ? First.Verdict == Verdict.Slower && Rerun?.Verdict == Verdict.Slower
        : Pooled.Verdict == Verdict.Slower && Rerun is not null && Rerun.PSlower < WorkloadComparer.Alpha;

    /// <summary>The verdict that stands: the pooled comparison's, else the re-run's, else the first.</summary>
    public Verdict Final => IsRegression ? Verdict.Slower
        : Pooled is not null ? (Pooled.Verdict == Verdict.Slower ? Verdict.Inconclusive : Pooled.Verdict)
        : Rerun?.Verdict ?? First.Verdict;

    /// <summary>The comparison whose figures the table shows: the pooled one, else the re-run, else the first.</summary>
    public WorkloadComparison Shown => Pooled ?? Rerun ?? First;

    /// <summary>The verdict as shown in the table.</summary>
    public string Label => (Rerun, Pooled) switch
    {
        (null, _) => Lower(First.Verdict),
        (_, null) => IsRegression ? "REGRESSION (confirmed by re-run)" : $"slower, not confirmed (re-run: {Lower(Rerun.Verdict)})",
        _ when IsRegression => $"REGRESSION (first rounds {Lower(First.Verdict)}; confirmed over all rounds and in the extra rounds alone)",
        _ when Pooled.Verdict == Verdict.Slower => $"{Lower(First.Verdict)}, not confirmed (all rounds slower, the extra rounds alone not: p = {Rerun.PSlower:F3})",
        _ => $"{Lower(First.Verdict)}, then over all rounds: {Lower(Pooled.Verdict)}",
    };

    private static string Lower(Verdict verdict) => verdict.ToString().ToLowerInvariant();
}
