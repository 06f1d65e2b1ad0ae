namespace GrowNet.Ecs.Cli.Bench.Statistics;

/// <summary>
/// One Mann–Whitney U test of "the first sample tends to be larger than the second".
/// </summary>
/// <param name="U">Pairs (a, b) with a &gt; b, ties counting one half.</param>
/// <param name="PValue">One-sided p-value of the alternative "first sample larger".</param>
/// <param name="Exact">Whether <paramref name="PValue"/> is exact (small samples without ties) rather than the tie-corrected normal approximation.</param>
public readonly record struct MannWhitneyResult(double U, double PValue, bool Exact);
