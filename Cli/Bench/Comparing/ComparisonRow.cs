namespace GrowNet.Ecs.Cli.Bench.Comparing;

/// <summary>One workload's line of a comparison: the first comparison and, when it said slower, the confirming re-run.</summary>
/// <param name="First">The comparison of the run.</param>
/// <param name="Rerun">The comparison of the automatic re-run (only after a first verdict of <see cref="Verdict.Slower"/>).</param>
public sealed record ComparisonRow(WorkloadComparison First, WorkloadComparison? Rerun)
{
    /// <summary>A regression: slower in the run and again in its re-run.</summary>
    public bool IsRegression => First.Verdict == Verdict.Slower && Rerun?.Verdict == Verdict.Slower;

    /// <summary>The verdict that stands: the re-run's when there is one.</summary>
    public Verdict Final => Rerun?.Verdict ?? First.Verdict;

    /// <summary>The verdict as shown in the table.</summary>
    public string Label => Rerun is null
        ? First.Verdict.ToString().ToLowerInvariant()
        : IsRegression ? "REGRESSION (confirmed by re-run)" : $"slower, not confirmed (re-run: {Rerun.Verdict.ToString().ToLowerInvariant()})";
}
