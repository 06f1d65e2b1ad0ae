using GrowNet.Ecs.Cli.Bench.Results;
using GrowNet.Ecs.Tests.Cli.Bench.Statistics;

namespace GrowNet.Ecs.Tests.Cli.Bench.Comparing;

/// <summary>Workload results made of known distributions, for the comparison tests.</summary>
internal static class SyntheticResults
{
    /// <summary>
    /// <paramref name="count"/> samples around <paramref name="medianNs"/> with log-normal noise of
    /// <paramref name="spread"/> (sd of the log), reference times constant (so normalisation only
    /// rescales) unless <paramref name="referenceNs"/> is given.
    /// </summary>
    public static WorkloadResult Make(string name, double medianNs, double spread, int count, int seed, double referenceNs = 1e6, int batches = 1)
    {
        var random = new Random(seed);
        return new WorkloadResult
        {
            Name = name,
            Unit = "tick",
            OperationsPerIteration = 1,
            Batches = batches,
            SamplesNs = [.. Enumerable.Range(0, count).Select(_ => medianNs * Math.Exp(spread * MannWhitneyTestTests.Gaussian(random)))],
            WallNs = [.. Enumerable.Range(0, count).Select(_ => medianNs)],
            ReferenceNs = [.. Enumerable.Repeat(referenceNs, count)],
        };
    }

    /// <summary>A copy of <paramref name="result"/> with samples (and optionally reference times) scaled.</summary>
    public static WorkloadResult Scaled(WorkloadResult result, double factor, double referenceFactor = 1)
        => result with
        {
            SamplesNs = [.. result.SamplesNs.Select(s => s * factor)],
            ReferenceNs = [.. result.ReferenceNs.Select(r => r * referenceFactor)],
        };
}
