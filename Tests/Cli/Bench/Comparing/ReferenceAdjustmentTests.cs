using GrowNet.Ecs.Cli.Bench.Comparing;
using GrowNet.Ecs.Cli.Bench.Results;
using GrowNet.Ecs.Tests.Cli.Bench.Statistics;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Bench.Comparing;

[TestFixture]
public sealed class ReferenceAdjustmentTests
{
    /// <summary>Samples that follow the reference time with exponent <paramref name="beta"/>, times <paramref name="effect"/>.</summary>
    private static WorkloadResult Following(double beta, double effect, int seed)
    {
        var random = new Random(seed);
        // Reference times wander by ±30 % in blocks of five samples (one "process" each), as on a loaded machine.
        double[] references = [.. Enumerable.Range(0, 40).Select(i => 1e6 * Math.Exp(0.3 * Math.Sin(i / 5 * 1.7 + seed)))];
        double[] samples = [.. references.Select(r => effect * 1000 * Math.Pow(r / 1e6, beta) * Math.Exp(0.002 * MannWhitneyTestTests.Gaussian(random)))];
        return new WorkloadResult { Name = "w", Unit = "tick", OperationsPerIteration = 1, SamplesNs = samples, ReferenceNs = references };
    }

    [TestCase(0.0)]
    [TestCase(0.45)]
    [TestCase(1.0)]
    public void TheSlopeIsFittedWithinTheSides(double beta)
    {
        var (b, c, fitted) = ReferenceAdjustment.Adjust(Following(beta, 1.0, seed: 1), Following(beta, 1.2, seed: 2));
        Assert.That(fitted, Is.EqualTo(beta).Within(0.03));
        // What is left is the effect, with the reference's wandering removed.
        double shift = Math.Exp(c.Average() - b.Average());
        Assert.That(shift, Is.EqualTo(1.2).Within(0.01));
        Assert.That(b.Max() - b.Min(), Is.LessThan(0.03));
    }

    [Test]
    public void ConstantReferenceTimesMeanPlainDivision()
    {
        var baseline = SyntheticResults.Make("w", 1000, 0.02, 20, seed: 1);
        var current = SyntheticResults.Scaled(SyntheticResults.Make("w", 1000, 0.02, 20, seed: 2), 1.3, referenceFactor: 1.3);
        var (b, c, beta) = ReferenceAdjustment.Adjust(baseline, current);
        Assert.That(beta, Is.EqualTo(1.0));
        Assert.That(Math.Exp(c.Average() - b.Average()), Is.EqualTo(1.0).Within(0.02));
    }
}
