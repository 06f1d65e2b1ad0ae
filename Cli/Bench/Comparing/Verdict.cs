namespace GrowNet.Ecs.Cli.Bench.Comparing;

/// <summary>What one comparison of a workload concludes.</summary>
public enum Verdict
{
    /// <summary>Equivalent: both one-sided tests of the TOST place the change inside ± the threshold.</summary>
    Same,

    /// <summary>Significantly faster by more than half the threshold (one-sided Mann–Whitney, null shifted by half the threshold).</summary>
    Faster,

    /// <summary>Significantly slower by more than half the threshold (one-sided Mann–Whitney, null shifted by half the threshold): a regression once a re-run agrees.</summary>
    Slower,

    /// <summary>Neither shown equivalent nor significantly changed by more than half the threshold (too few or too spread samples).</summary>
    Inconclusive,

    /// <summary>The split-sample self-check of a side disagrees by more than a third of the threshold, and the interval does not clear the threshold either.</summary>
    Noisy,
}
