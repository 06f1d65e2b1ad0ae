using GrowNet.Ecs.Cli.Bench.Statistics;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Bench.Statistics;

[TestFixture]
public sealed class HodgesLehmannTests
{
    [Test]
    public void AnExactShiftIsEstimatedExactly()
    {
        double[] b = [1, 4, 2, 8, 5, 7];
        double[] a = [.. b.Select(x => x + 3)];
        var shift = HodgesLehmann.Shift(a, b, 0.95);
        Assert.That(shift.Estimate, Is.EqualTo(3));
        Assert.That(shift.Lower, Is.LessThanOrEqualTo(3));
        Assert.That(shift.Upper, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void TheIntervalIsTheMannWhitneyOrderStatisticOfThePairwiseDifferences()
    {
        double[] a = [.. Enumerable.Range(1, 10).Select(i => (double)i)];
        var differences = a.SelectMany(x => a.Select(y => x - y)).OrderBy(d => d).ToArray();
        // k = floor(50 - 1.96 * sqrt(100 * 21 / 12)) = 24: bounds are the 24th smallest and 24th largest.
        var shift = HodgesLehmann.Shift(a, a, 0.95);
        Assert.That(shift.Estimate, Is.EqualTo(0));
        Assert.That(shift.Lower, Is.EqualTo(differences[23]));
        Assert.That(shift.Upper, Is.EqualTo(differences[100 - 24]));
        Assert.That(shift.Lower, Is.LessThan(0));
        Assert.That(shift.Upper, Is.GreaterThan(0));
    }

    [Test]
    public void IdenticalConstantSamplesHaveAZeroWidthInterval()
    {
        double[] same = [2, 2, 2, 2];
        Assert.That(HodgesLehmann.Shift(same, same, 0.95), Is.EqualTo(new ShiftInterval(0, 0, 0)));
    }

    [Test]
    public void TinySamplesGetTheWidestInterval()
    {
        // m = n = 2: the critical index is below 1, so the interval spans every difference.
        var shift = HodgesLehmann.Shift([10.0, 12.0], [1.0, 2.0], 0.95);
        Assert.That(shift.Lower, Is.EqualTo(8));
        Assert.That(shift.Upper, Is.EqualTo(11));
        Assert.That(shift.Estimate, Is.EqualTo(9.5));
    }

    [Test]
    public void HigherConfidenceGivesAWiderInterval()
    {
        var random = new Random(3);
        double[] a = [.. Enumerable.Range(0, 25).Select(_ => MannWhitneyTestTests.Gaussian(random) + 0.5)];
        double[] b = [.. Enumerable.Range(0, 25).Select(_ => MannWhitneyTestTests.Gaussian(random))];
        var narrow = HodgesLehmann.Shift(a, b, 0.80);
        var wide = HodgesLehmann.Shift(a, b, 0.99);
        Assert.That(wide.Lower, Is.LessThan(narrow.Lower));
        Assert.That(wide.Upper, Is.GreaterThan(narrow.Upper));
        Assert.That(narrow.Estimate, Is.EqualTo(wide.Estimate));
    }

    [Test]
    public void BadInputIsRejected()
    {
        Assert.That(() => HodgesLehmann.Shift([], [1.0], 0.95), Throws.ArgumentException);
        Assert.That(() => HodgesLehmann.Shift([1.0], [1.0], 1.0), Throws.ArgumentException);
    }
}
