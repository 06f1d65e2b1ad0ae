using GrowNet.Ecs.Cli.Bench.Statistics;

namespace GrowNet.Ecs.Cli.Bench.Comparing;

/// <summary>All workloads of a comparison, their geometric mean and the exit code they give.</summary>
public sealed record ComparisonSummary
{
    /// <summary>The compared workloads, in run order.</summary>
    public required IReadOnlyList<ComparisonRow> Rows { get; init; }

    /// <summary>Workloads of the current run that the baseline does not have (measured, not compared).</summary>
    public IReadOnlyList<string> NotInBaseline { get; init; } = [];

    /// <summary>The relative threshold (0.10 = 10 %).</summary>
    public required double Threshold { get; init; }

    /// <summary>Whether the ratios are of reference-adjusted samples (<see cref="ReferenceAdjustment"/>) or raw ones.</summary>
    public bool Normalized { get; init; }

    /// <summary>Geometric mean of the workloads' normalised ratios (NaN when nothing was compared).</summary>
    public double GeometricMeanRatio => Rows.Count == 0 ? double.NaN : Quantiles.GeometricMean([.. Rows.Select(r => r.First.Ratio)]);

    /// <summary>
    /// <see cref="BenchExitCodes.Regression"/> when a workload is a confirmed regression, else
    /// <see cref="BenchExitCodes.Inconclusive"/> when a standing verdict is <see cref="Verdict.Noisy"/> or
    /// nothing could be compared, else <see cref="BenchExitCodes.NoRegression"/>.
    /// </summary>
    public int ExitCode => Rows.Any(r => r.IsRegression) ? BenchExitCodes.Regression
        : Rows.Count == 0 || Rows.Any(r => r.Final == Verdict.Noisy) ? BenchExitCodes.Inconclusive
        : BenchExitCodes.NoRegression;
}
