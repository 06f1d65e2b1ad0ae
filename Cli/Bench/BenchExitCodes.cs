namespace GrowNet.Ecs.Cli.Bench;

/// <summary>Exit codes of <c>grownet bench</c>.</summary>
public static class BenchExitCodes
{
    /// <summary>Measured (and, when comparing, no regression beyond the threshold).</summary>
    public const int NoRegression = 0;

    /// <summary>A regression beyond the threshold, confirmed by a re-run of that workload.</summary>
    public const int Regression = 1;

    /// <summary>Too noisy to say (a split-sample self-check disagrees by more than a third of the threshold), or bad input.</summary>
    public const int Inconclusive = 2;
}
