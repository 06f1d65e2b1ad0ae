using GrowNet.Ecs.Cli.Bench.Statistics;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Bench.Statistics;

[TestFixture]
public sealed class QuantilesTests
{
    [Test]
    public void MedianOfOddAndEvenCounts()
    {
        Assert.That(Quantiles.Median([5.0, 1.0, 3.0]), Is.EqualTo(3.0));
        Assert.That(Quantiles.Median([4.0, 1.0, 3.0, 2.0]), Is.EqualTo(2.5));
        Assert.That(Quantiles.Median([7.0]), Is.EqualTo(7.0));
    }

    [Test]
    public void QuantileInterpolatesBetweenOrderStatistics()
    {
        double[] values = [10, 20, 30, 40, 50];
        Assert.That(Quantiles.Quantile(values, 0), Is.EqualTo(10));
        Assert.That(Quantiles.Quantile(values, 1), Is.EqualTo(50));
        Assert.That(Quantiles.Quantile(values, 0.25), Is.EqualTo(20));
        Assert.That(Quantiles.Quantile(values, 0.1), Is.EqualTo(14).Within(1e-12));
    }

    [Test]
    public void MedianDoesNotReorderItsInput()
    {
        double[] values = [3, 1, 2];
        Quantiles.Median(values);
        Assert.That(values, Is.EqualTo(new double[] { 3, 1, 2 }));
    }

    [Test]
    public void BadInputIsRejected()
    {
        Assert.That(() => Quantiles.Median([]), Throws.ArgumentException);
        Assert.That(() => Quantiles.Median([1.0, double.NaN]), Throws.ArgumentException);
        Assert.That(() => Quantiles.Quantile([1.0], 1.5), Throws.ArgumentException);
    }

    [Test]
    public void GeometricMeanOfRatios()
    {
        Assert.That(Quantiles.GeometricMean([2.0, 0.5]), Is.EqualTo(1.0).Within(1e-12));
        Assert.That(Quantiles.GeometricMean([1.0, 1.21]), Is.EqualTo(1.1).Within(1e-12));
        Assert.That(() => Quantiles.GeometricMean([1.0, 0.0]), Throws.ArgumentException);
        Assert.That(() => Quantiles.GeometricMean([]), Throws.ArgumentException);
    }
}
