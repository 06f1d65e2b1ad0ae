using GrowNet.Ecs.Cli.Bench.Statistics;

namespace GrowNet.Ecs.Cli.Bench.Results;

/// <summary>
/// The raw measurements of one workload in one run: per-iteration times of the workload (per
/// operation) and of the reference kernel timed just before each of them, in time order.
/// </summary>
public sealed record WorkloadResult
{
    /// <summary>Registry name of the workload (e.g. <c>pool-quiescent-4096</c>).</summary>
    public required string Name { get; init; }

    /// <summary>What one operation is (e.g. <c>tick</c>, <c>frame</c>, <c>save</c>).</summary>
    public required string Unit { get; init; }

    /// <summary>Operations timed per iteration; <see cref="SamplesNs"/> are per operation.</summary>
    public required int OperationsPerIteration { get; init; }

    /// <summary>Seconds spent building the workload (untimed).</summary>
    public double SetupSeconds { get; init; }

    /// <summary>Iterations run (and discarded) before the first sample.</summary>
    public int WarmupIterations { get; init; }

    /// <summary>Batches pooled into this result (A/B rounds, each from its own process), in order and of equal size; 1 for one run.</summary>
    public int Batches { get; init; } = 1;

    /// <summary>Nanoseconds per operation of each timed iteration on the report's clock (<see cref="BenchReport.Clock"/>), in time order.</summary>
    public required double[] SamplesNs { get; init; }

    /// <summary>Wall-clock nanoseconds per operation of the same iterations (for information; comparisons use <see cref="SamplesNs"/>).</summary>
    public double[] WallNs { get; init; } = [];

    /// <summary>Nanoseconds of the reference-kernel iteration run just before each sample, in time order.</summary>
    public required double[] ReferenceNs { get; init; }

    /// <summary>
    /// The local reference time of each sample: the median of the reference iterations of the five
    /// samples around it (one slow reference iteration does not move it).
    /// </summary>
    public double[] LocalReferenceNs()
    {
        if (SamplesNs.Length != ReferenceNs.Length)
            throw new InvalidOperationException($"Workload '{Name}': {SamplesNs.Length} samples but {ReferenceNs.Length} reference times.");
        var local = new double[SamplesNs.Length];
        for (int i = 0; i < local.Length; i++)
        {
            int from = Math.Max(0, i - 2), to = Math.Min(ReferenceNs.Length - 1, i + 2);
            local[i] = Quantiles.Median(ReferenceNs[from..(to + 1)]);
        }

        return local;
    }

    /// <summary>This result followed by <paramref name="later"/>'s samples (same workload), e.g. the rounds of an A/B run.</summary>
    public WorkloadResult Append(WorkloadResult later)
    {
        ArgumentNullException.ThrowIfNull(later);
        if (later.Name != Name || later.OperationsPerIteration != OperationsPerIteration)
            throw new ArgumentException($"Cannot pool '{later.Name}' ({later.OperationsPerIteration} ops) into '{Name}' ({OperationsPerIteration} ops).", nameof(later));
        return this with
        {
            Batches = Batches + later.Batches,
            SetupSeconds = SetupSeconds + later.SetupSeconds,
            WarmupIterations = WarmupIterations + later.WarmupIterations,
            SamplesNs = [.. SamplesNs, .. later.SamplesNs],
            WallNs = [.. WallNs, .. later.WallNs],
            ReferenceNs = [.. ReferenceNs, .. later.ReferenceNs],
        };
    }
}
