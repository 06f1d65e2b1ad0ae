using GrowNet.Ecs.Cli.Bench;
using GrowNet.Ecs.Cli.Bench.Comparing;
using GrowNet.Ecs.Cli.Bench.Results;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Bench.Comparing;

[TestFixture]
public sealed class BenchComparisonTests
{
    private const double Threshold = 0.10;

    private static readonly WorkloadResult[] Baseline =
    [
        SyntheticResults.Make("a", 1000, 0.02, 30, seed: 1),
        SyntheticResults.Make("b", 5000, 0.02, 30, seed: 2),
    ];

    [Test]
    public void NoChangeExitsZeroWithoutARerun()
    {
        WorkloadResult[] current = [SyntheticResults.Make("a", 1000, 0.02, 30, seed: 3), SyntheticResults.Make("b", 5000, 0.02, 30, seed: 4)];
        var summary = BenchComparison.Compare(Baseline, current, Threshold, normalize: true, _ => throw new AssertionException("no re-run expected"));
        Assert.That(summary.ExitCode, Is.EqualTo(BenchExitCodes.NoRegression));
        Assert.That(summary.Rows.Select(r => r.Final), Is.All.EqualTo(Verdict.Same));
        Assert.That(summary.GeometricMeanRatio, Is.EqualTo(Math.Sqrt(summary.Rows[0].First.Ratio * summary.Rows[1].First.Ratio)).Within(1e-12));
    }

    [Test]
    public void AConfirmedSlowdownExitsOne()
    {
        WorkloadResult[] current = [SyntheticResults.Make("a", 1200, 0.02, 30, seed: 3), SyntheticResults.Make("b", 5000, 0.02, 30, seed: 4)];
        var reruns = new List<string>();
        var summary = BenchComparison.Compare(Baseline, current, Threshold, normalize: true, name =>
        {
            reruns.Add(name);
            return (null, SyntheticResults.Make(name, 1210, 0.02, 30, seed: 9));
        });
        Assert.That(reruns, Is.EqualTo(new[] { "a" }));
        Assert.That(summary.Rows[0].IsRegression, Is.True);
        Assert.That(summary.Rows[0].Label, Does.Contain("REGRESSION"));
        Assert.That(summary.ExitCode, Is.EqualTo(BenchExitCodes.Regression));
    }

    [Test]
    public void ASlowdownTheRerunDoesNotConfirmIsNotARegression()
    {
        WorkloadResult[] current = [SyntheticResults.Make("a", 1200, 0.02, 30, seed: 3)];
        var summary = BenchComparison.Compare(Baseline, current, Threshold, normalize: true, name => (null, SyntheticResults.Make(name, 1000, 0.02, 30, seed: 9)));
        Assert.That(summary.Rows[0].First.Verdict, Is.EqualTo(Verdict.Slower));
        Assert.That(summary.Rows[0].IsRegression, Is.False);
        Assert.That(summary.Rows[0].Label, Does.Contain("not confirmed"));
        Assert.That(summary.ExitCode, Is.EqualTo(BenchExitCodes.NoRegression));
    }

    [Test]
    public void TheRerunCanBringItsOwnBaseline()
    {
        // A/B: the re-run measures both sides again; the fresh baseline is what the re-run is compared with.
        WorkloadResult[] current = [SyntheticResults.Make("a", 1200, 0.02, 30, seed: 3)];
        var summary = BenchComparison.Compare(Baseline, current, Threshold, normalize: false,
            name => (SyntheticResults.Make(name, 1200, 0.02, 30, seed: 10), SyntheticResults.Make(name, 1200, 0.02, 30, seed: 11)));
        Assert.That(summary.Rows[0].Rerun!.Verdict, Is.EqualTo(Verdict.Same));
        Assert.That(summary.ExitCode, Is.EqualTo(BenchExitCodes.NoRegression));
    }

    [Test]
    public void ANoisyWorkloadExitsTwoUnlessAnotherRegressed()
    {
        var drifting = SyntheticResults.Make("b", 5000, 0.01, 30, seed: 4);
        var noisy = drifting with { SamplesNs = [.. drifting.SamplesNs.Select((s, i) => i < 15 ? s : s * 1.1)] };
        WorkloadResult[] current = [SyntheticResults.Make("a", 1000, 0.02, 30, seed: 3), noisy];
        var summary = BenchComparison.Compare(Baseline, current, Threshold, normalize: true, _ => throw new AssertionException("no re-run expected"));
        Assert.That(summary.Rows[1].Final, Is.EqualTo(Verdict.Noisy));
        Assert.That(summary.ExitCode, Is.EqualTo(BenchExitCodes.Inconclusive));

        WorkloadResult[] withRegression = [SyntheticResults.Make("a", 1300, 0.02, 30, seed: 3), noisy];
        var both = BenchComparison.Compare(Baseline, withRegression, Threshold, normalize: true, name => (null, SyntheticResults.Make(name, 1300, 0.02, 30, seed: 12)));
        Assert.That(both.ExitCode, Is.EqualTo(BenchExitCodes.Regression));
    }

    [Test]
    public void WorkloadsMissingFromTheBaselineAreListedNotCompared()
    {
        WorkloadResult[] current = [SyntheticResults.Make("a", 1000, 0.02, 30, seed: 3), SyntheticResults.Make("new-one", 10, 0.02, 30, seed: 4)];
        var summary = BenchComparison.Compare(Baseline, current, Threshold, normalize: true, _ => throw new AssertionException("no re-run expected"));
        Assert.That(summary.Rows.Select(r => r.First.Name), Is.EqualTo(new[] { "a" }));
        Assert.That(summary.NotInBaseline, Is.EqualTo(new[] { "new-one" }));
        Assert.That(summary.ExitCode, Is.EqualTo(BenchExitCodes.NoRegression));
    }

    [Test]
    public void NothingComparedIsInconclusive()
    {
        WorkloadResult[] current = [SyntheticResults.Make("other", 1000, 0.02, 30, seed: 3)];
        var summary = BenchComparison.Compare(Baseline, current, Threshold, normalize: true, _ => throw new AssertionException("no re-run expected"));
        Assert.That(summary.ExitCode, Is.EqualTo(BenchExitCodes.Inconclusive));
        Assert.That(summary.GeometricMeanRatio, Is.NaN);
    }

    [Test]
    public void TheTableShowsEveryWorkloadAndTheOutcome()
    {
        WorkloadResult[] current = [SyntheticResults.Make("a", 1300, 0.02, 30, seed: 3), SyntheticResults.Make("b", 5000, 0.02, 30, seed: 4)];
        var summary = BenchComparison.Compare(Baseline, current, Threshold, normalize: true, name => (null, SyntheticResults.Make(name, 1300, 0.02, 30, seed: 12)));
        using var text = new StringWriter();
        ComparisonTable.Write(summary, text);
        string table = text.ToString();
        Assert.That(table, Does.Match(@"\| a \| [\d.]+ [nµ]s/tick \| [\d.]+ µs/tick \| 1\.[23]\d\d \[1\.\d{3}, 1\.\d{3}\] \|"));
        Assert.That(table, Does.Match(@"\| b \| [\d.]+ µs/tick \| .* \| same \|"));
        Assert.That(table, Does.Contain("Geometric mean of the ratios over 2 workloads"));
        Assert.That(table, Does.Contain("Result: regression beyond 10 % in a (exit 1)."));
    }

    // A/B mode: 8 rounds of 15 samples per side; rounds 1-2 and 5-6 form one half of the self-check, 3-4 and 7-8 the other.
    private const int Rounds = 8, PerRound = 15;

    /// <summary>8 rounds of one side; <paramref name="burst"/> slows rounds 3 and 4 (a burst of the machine hitting this side).</summary>
    private static WorkloadResult Rounds8(double medianNs, int seed, double burst = 1)
    {
        var result = SyntheticResults.Make("a", medianNs, 0.02, Rounds * PerRound, seed, batches: Rounds);
        return result with { SamplesNs = [.. result.SamplesNs.Select((s, i) => i / PerRound is 2 or 3 ? s * burst : s)] };
    }

    [Test]
    public void AbASlowdownSeenAgainInTheExtraRoundsIsARegression()
    {
        var rerunCalls = 0;
        var summary = BenchComparison.Compare([Rounds8(1000, seed: 1)], [Rounds8(1120, seed: 2)], Threshold, normalize: false, name =>
        {
            rerunCalls++;
            return (Rounds8(1000, seed: 3), Rounds8(1110, seed: 4));
        }, pairedBatches: true);
        var row = summary.Rows[0];
        Assert.That(rerunCalls, Is.EqualTo(1));
        Assert.That(row.First.Verdict, Is.EqualTo(Verdict.Slower));
        Assert.That(row.Pooled!.BaselineCount, Is.EqualTo(2 * Rounds * PerRound));
        Assert.That(row.Pooled.Verdict, Is.EqualTo(Verdict.Slower));
        Assert.That(row.IsRegression, Is.True);
        Assert.That(row.Label, Does.StartWith("REGRESSION"));
        Assert.That(summary.ExitCode, Is.EqualTo(BenchExitCodes.Regression));
    }

    [Test]
    public void AbNoisyFirstRoundsAreSettledByTheExtraRounds()
    {
        // A burst slows the current side of rounds 3 and 4 by 12 %: the first rounds' halves disagree
        // by more than a third of the threshold. Over 16 rounds the burst is diluted; the extra rounds
        // alone show the slowdown too.
        var first = BenchComparison.Compare([Rounds8(1000, seed: 1)], [Rounds8(1060, seed: 2, burst: 1.12)], Threshold, normalize: false,
            _ => (Rounds8(1000, seed: 3), Rounds8(1110, seed: 4)), pairedBatches: true);
        Assert.That(first.Rows[0].First.Verdict, Is.EqualTo(Verdict.Noisy));
        Assert.That(first.Rows[0].IsRegression, Is.True);
        Assert.That(first.ExitCode, Is.EqualTo(BenchExitCodes.Regression));

        // Without a slowdown the same burst is settled as "same".
        var aa = BenchComparison.Compare([Rounds8(1000, seed: 1)], [Rounds8(1000, seed: 2, burst: 1.12)], Threshold, normalize: false,
            _ => (Rounds8(1000, seed: 3), Rounds8(1000, seed: 4)), pairedBatches: true);
        Assert.That(aa.Rows[0].First.Verdict, Is.EqualTo(Verdict.Noisy));
        Assert.That(aa.Rows[0].Final, Is.EqualTo(Verdict.Same));
        Assert.That(aa.Rows[0].Label, Is.EqualTo("noisy, then over all rounds: same"));
        Assert.That(aa.ExitCode, Is.EqualTo(BenchExitCodes.NoRegression));
    }

    [Test]
    public void AbASlowdownOnlyTheFirstRoundsCarryIsNotConfirmed()
    {
        // First rounds 16 % slower; the extra rounds show no change. Pooled, the median still leans
        // slower, but the extra rounds alone do not: not a regression.
        var summary = BenchComparison.Compare([Rounds8(1000, seed: 1)], [Rounds8(1160, seed: 2)], Threshold, normalize: false,
            _ => (Rounds8(1000, seed: 3), Rounds8(1000, seed: 4)), pairedBatches: true);
        var row = summary.Rows[0];
        Assert.That(row.First.Verdict, Is.EqualTo(Verdict.Slower));
        Assert.That(row.Rerun!.PSlower, Is.GreaterThan(WorkloadComparer.Alpha));
        Assert.That(row.IsRegression, Is.False);
        Assert.That(row.Label, Does.Contain("not confirmed").Or.Contain("then over all rounds"));
        Assert.That(summary.ExitCode, Is.Not.EqualTo(BenchExitCodes.Regression));
    }

    [Test]
    public void AbUnchangedNeedsNoExtraRounds()
    {
        var summary = BenchComparison.Compare([Rounds8(1000, seed: 1)], [Rounds8(1000, seed: 2)], Threshold, normalize: false,
            _ => throw new AssertionException("no re-run expected"), pairedBatches: true);
        Assert.That(summary.Rows[0].Final, Is.EqualTo(Verdict.Same));
        Assert.That(summary.Rows[0].Pooled, Is.Null);
    }

    [Test]
    public void AbReRunsMustMeasureBothSides()
    {
        Assert.That(() => BenchComparison.Compare([Rounds8(1000, seed: 1)], [Rounds8(1200, seed: 2)], Threshold, normalize: false,
                name => (null, Rounds8(1200, seed: 4)), pairedBatches: true),
            Throws.ArgumentException.With.Message.Contains("both sides"));
    }
}
