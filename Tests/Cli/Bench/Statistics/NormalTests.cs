using GrowNet.Ecs.Cli.Bench.Statistics;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Bench.Statistics;

[TestFixture]
public sealed class NormalTests
{
    [TestCase(0.0, 0.5)]
    [TestCase(1.0, 0.8413447461)]
    [TestCase(-1.0, 0.1586552539)]
    [TestCase(1.959963985, 0.975)]
    [TestCase(-3.0, 0.0013498980)]
    [TestCase(6.0, 0.9999999990)]
    public void CdfMatchesTables(double z, double expected)
        => Assert.That(Normal.Cdf(z), Is.EqualTo(expected).Within(2e-7));

    [TestCase(0.5, 0.0)]
    [TestCase(0.975, 1.959963985)]
    [TestCase(0.95, 1.644853627)]
    [TestCase(0.001, -3.090232306)]
    [TestCase(0.999999, 4.753424309)]
    public void QuantileMatchesTables(double p, double expected)
        => Assert.That(Normal.Quantile(p), Is.EqualTo(expected).Within(1e-7));

    [Test]
    public void QuantileInvertsCdf()
    {
        foreach (double z in new[] { -4.0, -2.5, -0.3, 0.7, 2.2, 3.9 })
            Assert.That(Normal.Quantile(Normal.Cdf(z)), Is.EqualTo(z).Within(2e-5), $"z = {z}");
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(double.NaN)]
    public void QuantileRejectsProbabilitiesOutsideTheOpenInterval(double p)
        => Assert.That(() => Normal.Quantile(p), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
