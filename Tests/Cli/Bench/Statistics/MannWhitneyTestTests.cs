using GrowNet.Ecs.Cli.Bench.Statistics;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Bench.Statistics;

[TestFixture]
public sealed class MannWhitneyTestTests
{
    [Test]
    public void CompletelySeparatedSmallSamplesGiveTheExactMinimum()
    {
        var result = MannWhitneyTest.Greater([4.0, 5.0, 6.0], [1.0, 2.0, 3.0]);
        Assert.That(result.Exact, Is.True);
        Assert.That(result.U, Is.EqualTo(9));
        Assert.That(result.PValue, Is.EqualTo(1.0 / 20).Within(1e-12)); // one arrangement of C(6, 3) = 20
        Assert.That(MannWhitneyTest.Greater([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]).PValue, Is.EqualTo(1.0));
    }

    [Test]
    public void TinySamplesHaveTheEnumeratedDistribution()
    {
        // m = 2, n = 1: U is 0, 1 or 2 with probability 1/3 each; observed U = 1 (3 > 2, 1 < 2).
        var result = MannWhitneyTest.Greater([1.0, 3.0], [2.0]);
        Assert.That(result.U, Is.EqualTo(1));
        Assert.That(result.PValue, Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(MannWhitneyTest.Greater([1.0], [2.0]).PValue, Is.EqualTo(1.0));
        Assert.That(MannWhitneyTest.Greater([2.0], [1.0]).PValue, Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void ExactTailMatchesBruteForceEnumeration()
    {
        const int m = 4, n = 5;
        var counts = new int[m * n + 1];
        int total = 0;
        // Every choice of which m of the ranks 0..m+n-1 belong to the first sample.
        for (int mask = 0; mask < 1 << (m + n); mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) != m)
                continue;
            int u = 0;
            for (int i = 0; i < m + n; i++)
            {
                if ((mask >> i & 1) == 0)
                    continue;
                for (int j = 0; j < i; j++)
                    u += (mask >> j & 1) == 0 ? 1 : 0;
            }

            counts[u]++;
            total++;
        }

        for (int u = 0; u <= m * n; u++)
        {
            double expected = counts.Skip(u).Sum() / (double)total;
            Assert.That(MannWhitneyTest.ExactUpperTail(m, n, u), Is.EqualTo(expected).Within(1e-12), $"U >= {u}");
        }
    }

    [Test]
    public void TiesUseTheTieCorrectedNormalApproximation()
    {
        // Pooled 1,1,1,2,2,2: U(b over a) = 6 of 9; tie groups of 3 and 3.
        var result = MannWhitneyTest.Greater([1.0, 2.0, 2.0], [1.0, 1.0, 2.0]);
        Assert.That(result.Exact, Is.False);
        Assert.That(result.U, Is.EqualTo(6));
        double sigma = Math.Sqrt(9.0 / 12 * (7 - 48.0 / 30));
        Assert.That(result.PValue, Is.EqualTo(Normal.Cdf(-(6 - 4.5 - 0.5) / sigma)).Within(1e-12));
        Assert.That(result.PValue, Is.EqualTo(0.3096).Within(1e-3));
    }

    [Test]
    public void IdenticalConstantSamplesGiveNoEvidence()
    {
        double[] same = [5, 5, 5, 5, 5];
        Assert.That(MannWhitneyTest.Greater(same, same).PValue, Is.EqualTo(1.0));
    }

    [Test]
    public void IdenticalSpreadSamplesAreNotSignificant()
    {
        double[] values = [.. Enumerable.Range(1, 30).Select(i => (double)i)];
        var result = MannWhitneyTest.Greater(values, values);
        Assert.That(result.U, Is.EqualTo(450));
        Assert.That(result.PValue, Is.GreaterThan(0.5));
    }

    [Test]
    public void ShiftedNormalSamplesAreDetectedAndTheApproximationAgreesWithTheExactTest()
    {
        var random = new Random(7);
        double[] baseline = [.. Enumerable.Range(0, 30).Select(_ => Gaussian(random))];
        double[] shifted = [.. Enumerable.Range(0, 30).Select(_ => Gaussian(random) + 1.0)];
        var exact = MannWhitneyTest.Greater(shifted, baseline);
        Assert.That(exact.Exact, Is.True);
        Assert.That(exact.PValue, Is.LessThan(0.01));
        Assert.That(MannWhitneyTest.Greater(baseline, shifted).PValue, Is.GreaterThan(0.99));

        // Past the exact limit the normal approximation takes over; at the limit both must agree closely.
        double[] big = [.. Enumerable.Range(0, 41).Select(_ => Gaussian(random) + 0.3)];
        double[] other = [.. Enumerable.Range(0, 40).Select(_ => Gaussian(random))];
        var approx = MannWhitneyTest.Greater(big, other);
        Assert.That(approx.Exact, Is.False);
        double exactP = MannWhitneyTest.ExactUpperTail(41, 40, (int)Math.Round(approx.U));
        Assert.That(approx.PValue, Is.EqualTo(exactP).Within(0.005));
    }

    [Test]
    public void UnderTheNullTheRejectionRateIsAboutAlpha()
    {
        var random = new Random(11);
        int rejections = 0;
        const int trials = 400;
        for (int t = 0; t < trials; t++)
        {
            double[] a = [.. Enumerable.Range(0, 15).Select(_ => Gaussian(random))];
            double[] b = [.. Enumerable.Range(0, 15).Select(_ => Gaussian(random))];
            if (MannWhitneyTest.Greater(a, b).PValue < 0.05)
                rejections++;
        }

        // Binomial(400, 0.05): mean 20, sd 4.4; the exact test is slightly conservative.
        Assert.That(rejections, Is.InRange(7, 33));
    }

    [Test]
    public void BadInputIsRejected()
    {
        Assert.That(() => MannWhitneyTest.Greater([], [1.0]), Throws.ArgumentException);
        Assert.That(() => MannWhitneyTest.Greater([1.0], [double.NaN]), Throws.ArgumentException);
    }

    internal static double Gaussian(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
