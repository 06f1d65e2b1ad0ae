namespace GrowNet.Ecs.Cli.Bench.Statistics;

/// <summary>A location shift between two samples with its confidence interval.</summary>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Lower">Lower bound of the interval.</param>
/// <param name="Upper">Upper bound of the interval.</param>
public readonly record struct ShiftInterval(double Estimate, double Lower, double Upper);
