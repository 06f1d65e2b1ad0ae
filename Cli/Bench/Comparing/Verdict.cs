namespace GrowNet.Ecs.Cli.Bench.Comparing;

/// <summary>What one comparison of a workload concludes.</summary>
public enum Verdict
{
    /// <summary>Equivalent: both one-sided tests of the TOST place the change inside ± the threshold.</summary>
    Same,

    /// <summary>Significantly faster, by at least half the threshold, and not shown to be within it.</summary>
    Faster,

    /// <summary>Significantly slower, by at least half the threshold, and not shown to be within it: a regression.</summary>
    Slower,

    /// <summary>Neither shown equivalent nor a significant change of half the threshold or more (too few or too spread samples).</summary>
    Inconclusive,

    /// <summary>The split-sample self-check of a side disagrees by more than a third of the threshold, and the interval does not clear the threshold either.</summary>
    Noisy,
}
