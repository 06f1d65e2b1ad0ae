namespace GrowNet.Ecs.Cli.Bench.Comparing;

/// <summary>The comparison of one workload's current samples against its baseline samples.</summary>
public sealed record WorkloadComparison
{
    /// <summary>The workload.</summary>
    public required string Name { get; init; }

    /// <summary>What one operation is.</summary>
    public required string Unit { get; init; }

    /// <summary>Samples on each side.</summary>
    public required int BaselineCount { get; init; }

    /// <summary>Samples on the current side.</summary>
    public required int CurrentCount { get; init; }

    /// <summary>Median raw time per operation of the baseline, ns.</summary>
    public required double BaselineMedianNs { get; init; }

    /// <summary>Median raw time per operation of the current run, ns.</summary>
    public required double CurrentMedianNs { get; init; }

    /// <summary>Ratio of the medians of the compared samples (reference-normalised against a saved baseline, raw in A/B), current ÷ baseline (above 1: slower).</summary>
    public required double Ratio { get; init; }

    /// <summary>Lower bound of the 95 % interval of the ratio (Hodges–Lehmann / Moses on log times).</summary>
    public required double RatioLower { get; init; }

    /// <summary>Upper bound of the 95 % interval of the ratio.</summary>
    public required double RatioUpper { get; init; }

    /// <summary>Ratio of the raw medians (no reference normalisation), for information.</summary>
    public required double RawRatio { get; init; }

    /// <summary>Ratio of the wall-time medians, for information (NaN when a side has no wall times).</summary>
    public double WallRatio { get; init; } = double.NaN;

    /// <summary>Mann–Whitney one-sided p-value of "current slower by more than half the threshold".</summary>
    public required double PSlower { get; init; }

    /// <summary>Mann–Whitney one-sided p-value of "current faster by more than half the threshold".</summary>
    public required double PFaster { get; init; }

    /// <summary>Larger p-value of the two one-sided tests of the TOST (below α: equivalent within the threshold).</summary>
    public required double PEquivalence { get; init; }

    /// <summary>Largest disagreement of a split-sample self-check (first half vs second half of a side), as a fraction (0.02 = 2 %).</summary>
    public required double SplitDisagreement { get; init; }

    /// <summary>Slope of the reference adjustment used (0: none, 1: plain division by the reference time).</summary>
    public double Beta { get; init; }

    /// <summary>The conclusion.</summary>
    public required Verdict Verdict { get; init; }
}
