using GrowNet.Ecs.Cli.Bench.Comparing;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Bench.Comparing;

[TestFixture]
public sealed class WorkloadComparerTests
{
    private const double Threshold = 0.10;

    [Test]
    public void IdenticalSamplesAreTheSame()
    {
        var baseline = SyntheticResults.Make("w", 1000, 0.02, 30, seed: 1);
        var comparison = WorkloadComparer.Compare(baseline, baseline, Threshold, normalize: true);
        Assert.That(comparison.Verdict, Is.EqualTo(Verdict.Same));
        Assert.That(comparison.Ratio, Is.EqualTo(1.0).Within(1e-12));
        Assert.That(comparison.RatioLower, Is.LessThanOrEqualTo(1.0));
        Assert.That(comparison.RatioUpper, Is.GreaterThanOrEqualTo(1.0));
    }

    [Test]
    public void IdenticalConstantSamplesAreTheSame()
    {
        var baseline = SyntheticResults.Make("w", 1000, 0.0, 8, seed: 1);
        var comparison = WorkloadComparer.Compare(baseline, baseline, Threshold, normalize: false);
        Assert.That(comparison.Verdict, Is.EqualTo(Verdict.Same));
        Assert.That(comparison.SplitDisagreement, Is.EqualTo(0));
    }

    [Test]
    public void IndependentDrawsOfOneDistributionAreTheSame()
    {
        var baseline = SyntheticResults.Make("w", 1000, 0.02, 30, seed: 1);
        var current = SyntheticResults.Make("w", 1000, 0.02, 30, seed: 2);
        Assert.That(WorkloadComparer.Compare(baseline, current, Threshold, normalize: true).Verdict, Is.EqualTo(Verdict.Same));
    }

    [TestCase(1.10)]
    [TestCase(1.25)]
    public void AClearSlowdownIsSlower(double factor)
    {
        var baseline = SyntheticResults.Make("w", 1000, 0.02, 30, seed: 1);
        var current = SyntheticResults.Make("w", 1000 * factor, 0.02, 30, seed: 2);
        var comparison = WorkloadComparer.Compare(baseline, current, Threshold, normalize: true);
        Assert.That(comparison.Verdict, Is.EqualTo(Verdict.Slower));
        Assert.That(comparison.Ratio, Is.EqualTo(factor).Within(0.02));
        Assert.That(comparison.RatioLower, Is.LessThan(factor));
        Assert.That(comparison.RatioUpper, Is.GreaterThan(factor));
        Assert.That(comparison.PSlower, Is.LessThan(WorkloadComparer.Alpha));
    }

    [Test]
    public void ASpeedUpIsFaster()
    {
        var baseline = SyntheticResults.Make("w", 1000, 0.02, 30, seed: 1);
        var current = SyntheticResults.Make("w", 800, 0.02, 30, seed: 2);
        Assert.That(WorkloadComparer.Compare(baseline, current, Threshold, normalize: true).Verdict, Is.EqualTo(Verdict.Faster));
    }

    [Test]
    public void ASmallChangeIsNeverARegression()
    {
        // 3 % slower with tight samples: significant, but under half the threshold, and inside it.
        var baseline = SyntheticResults.Make("w", 1000, 0.005, 40, seed: 1);
        var current = SyntheticResults.Make("w", 1030, 0.005, 40, seed: 2);
        var comparison = WorkloadComparer.Compare(baseline, current, Threshold, normalize: true);
        Assert.That(comparison.Verdict, Is.EqualTo(Verdict.Same));
    }

    [Test]
    public void TinyOverlappingSamplesAreInconclusive()
    {
        // Four samples a side, spread so that neither a change nor equivalence can be shown (halves alike: no noise verdict).
        var baseline = SyntheticResults.Make("w", 1, 0, 4, seed: 1) with { SamplesNs = [800, 1250, 1250, 800] };
        var current = baseline with { SamplesNs = [850, 1200, 1200, 850] };
        var comparison = WorkloadComparer.Compare(baseline, current, Threshold, normalize: true);
        Assert.That(comparison.SplitDisagreement, Is.EqualTo(0));
        Assert.That(comparison.PEquivalence, Is.GreaterThan(WorkloadComparer.Alpha));
        Assert.That(comparison.Verdict, Is.EqualTo(Verdict.Inconclusive));
    }

    [Test]
    public void TooFewSamplesAreRejected()
    {
        var three = SyntheticResults.Make("w", 1000, 0.02, 3, seed: 1);
        Assert.That(() => WorkloadComparer.Compare(three, three, Threshold, normalize: true), Throws.ArgumentException);
        var other = SyntheticResults.Make("v", 1000, 0.02, 10, seed: 1);
        var same = SyntheticResults.Make("w", 1000, 0.02, 10, seed: 1);
        Assert.That(() => WorkloadComparer.Compare(other, same, Threshold, normalize: true), Throws.ArgumentException);
        Assert.That(() => WorkloadComparer.Compare(same, same, 0, normalize: true), Throws.ArgumentException);
    }

    [Test]
    public void MachineDriftIsAbsorbedByTheReferenceKernel()
    {
        // Everything, reference kernel included, runs 30 % slower: the normalised ratio stays 1.
        var baseline = SyntheticResults.Make("w", 1000, 0.02, 30, seed: 1);
        var current = SyntheticResults.Scaled(SyntheticResults.Make("w", 1000, 0.02, 30, seed: 2), 1.3, referenceFactor: 1.3);
        var normalised = WorkloadComparer.Compare(baseline, current, Threshold, normalize: true);
        Assert.That(normalised.Verdict, Is.EqualTo(Verdict.Same));
        Assert.That(normalised.RawRatio, Is.EqualTo(1.3).Within(0.03));
        Assert.That(WorkloadComparer.Compare(baseline, current, Threshold, normalize: false).Verdict, Is.EqualTo(Verdict.Slower));
    }

    [Test]
    public void DriftWithinARunIsNoisy()
    {
        var baseline = SyntheticResults.Make("w", 1000, 0.01, 30, seed: 1);
        var drifting = SyntheticResults.Make("w", 1000, 0.01, 30, seed: 2);
        var current = drifting with { SamplesNs = [.. drifting.SamplesNs.Select((s, i) => i < 15 ? s : s * 1.08)] };
        var comparison = WorkloadComparer.Compare(baseline, current, Threshold, normalize: true);
        Assert.That(comparison.SplitDisagreement, Is.EqualTo(0.08).Within(0.02));
        Assert.That(comparison.Verdict, Is.EqualTo(Verdict.Noisy));
    }

    [Test]
    public void ASlowdownBeyondTheThresholdEvenAtTheIntervalsBoundStandsDespiteDrift()
    {
        var baseline = SyntheticResults.Make("w", 1000, 0.01, 30, seed: 1);
        var drifting = SyntheticResults.Make("w", 1500, 0.01, 30, seed: 2);
        var current = drifting with { SamplesNs = [.. drifting.SamplesNs.Select((s, i) => i < 15 ? s : s * 1.08)] };
        Assert.That(WorkloadComparer.Compare(baseline, current, Threshold, normalize: true).Verdict, Is.EqualTo(Verdict.Slower));
    }

    [Test]
    public void BatchesAreSplitOddAgainstEven()
    {
        // Four batches of 5: batches 1 and 3 at 1.0, 2 and 4 at 1.1 (log values).
        double[] logs = [.. Enumerable.Range(0, 20).Select(i => i / 5 % 2 == 0 ? 0.0 : Math.Log(1.1))];
        Assert.That(WorkloadComparer.SplitDisagreement(logs, batches: 4), Is.EqualTo(0.1).Within(1e-12));
        // The same values as one batch: first half (0..9) vs second half (10..19) have equal medians.
        Assert.That(WorkloadComparer.SplitDisagreement(logs, batches: 1), Is.EqualTo(0.0).Within(1e-12));
    }

    [Test]
    public void PairedRounds_CompareTheRatioOfOneHalfOfTheRoundsWithTheOther()
    {
        // Four rounds of 5 samples; the machine is 20 % slower in rounds 2 and 4 for both sides,
        // and A is 10 % slower than B in every round: the ratio replicates, so the check is 0.
        double Machine(int i) => i / 5 % 2 == 1 ? Math.Log(1.2) : 0.0;
        double[] b = [.. Enumerable.Range(0, 20).Select(Machine)];
        double[] a = [.. Enumerable.Range(0, 20).Select(i => Machine(i) + Math.Log(1.1))];
        Assert.That(WorkloadComparer.PairedSplitDisagreement(b, a, batches: 4), Is.EqualTo(0.0).Within(1e-12));
        // Each side split on its own sees the machine's 20 %.
        Assert.That(WorkloadComparer.SplitDisagreement(a, batches: 4), Is.EqualTo(0.2).Within(1e-12));
        // Four rounds form two halves of two rounds (1–2 against 3–4, each holding both A/B orders):
        // A slower only in rounds 3 and 4 gives halves measuring 1.0 and 1.1.
        double[] later = [.. Enumerable.Range(0, 20).Select(i => Machine(i) + (i >= 10 ? Math.Log(1.1) : 0.0))];
        Assert.That(WorkloadComparer.PairedSplitDisagreement(b, later, batches: 4), Is.EqualTo(0.1).Within(1e-12));
        // Two rounds: one round a half.
        double[] second = [.. Enumerable.Range(0, 10).Select(i => i >= 5 ? Math.Log(1.1) : 0.0)];
        Assert.That(WorkloadComparer.PairedSplitDisagreement(new double[10], second, batches: 2), Is.EqualTo(0.1).Within(1e-12));
    }

    [Test]
    public void PairedRounds_AMachineSlowdownSharedByBothSidesOfARoundIsNotNoise()
    {
        var baseline = SyntheticResults.Make("w", 1000, 0.01, 40, seed: 1) with { Batches = 4 };
        var current = SyntheticResults.Make("w", 1000, 0.01, 40, seed: 2) with { Batches = 4 };
        static GrowNet.Ecs.Cli.Bench.Results.WorkloadResult Burst(GrowNet.Ecs.Cli.Bench.Results.WorkloadResult r) => r with { SamplesNs = [.. r.SamplesNs.Select((s, i) => i / 10 == 1 ? s * 1.25 : s)] };
        var paired = WorkloadComparer.Compare(Burst(baseline), Burst(current), Threshold, normalize: false, pairedBatches: true);
        Assert.That(paired.SplitDisagreement, Is.LessThan(Threshold / 3));
        Assert.That(paired.Verdict, Is.EqualTo(Verdict.Same));
        var unpaired = WorkloadComparer.Compare(Burst(baseline), Burst(current), Threshold, normalize: false);
        Assert.That(unpaired.Verdict, Is.EqualTo(Verdict.Noisy));
    }

    [Test]
    public void PairedRounds_ARoundWhoseSidesRanAtDifferentSpeedsDoesNotMakeItNoisy()
    {
        // 8 rounds, A 10 % slower throughout. The machine has two speeds (seen on the VM: 45 %
        // slower while the other core is busy): rounds 5 and 8 ran slow on both sides, and in round 6
        // it changed between the B batch (slow) and the A batch (fast). Rounds 1–2 and 5–6 form one
        // half: pooled, its B samples are half slow and its A samples a quarter, so the ratio of the
        // half's pooled medians is far off; the median of its round ratios is not.
        const int rounds = 8, size = 15;
        bool[] slowB = [false, false, false, false, true, true, false, true];
        bool[] slowA = [false, false, false, false, true, false, false, true];
        double Sample(int i, bool[] slow) => 0.002 * (i % size) + (slow[i / size] ? Math.Log(1.45) : 0.0);
        double[] b = [.. Enumerable.Range(0, rounds * size).Select(i => Sample(i, slowB))];
        double[] a = [.. Enumerable.Range(0, rounds * size).Select(i => Sample(i, slowA) + Math.Log(1.1))];
        Assert.That(WorkloadComparer.PairedSplitDisagreement(b, a, rounds), Is.LessThan(Threshold / 3));
    }

    [Test]
    public void PairedRounds_NeedEqualBatchesOfAtLeastTwo()
    {
        Assert.That(() => WorkloadComparer.PairedSplitDisagreement([0, 0, 0, 0], [0, 0, 0, 0], batches: 1), Throws.ArgumentException);
        Assert.That(() => WorkloadComparer.PairedSplitDisagreement([0, 0, 0, 0], [0, 0, 0], batches: 2), Throws.ArgumentException);
    }
}
