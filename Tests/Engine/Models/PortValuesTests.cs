using GrowNet.Ecs.Engine.Models;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine.Models;

/// <summary>network.md, "Links": to i16, round half away from zero, then saturate — the span conversion gives the scalar one's shorts.</summary>
public class PortValuesTests
{
    private static readonly double[] EdgeValues =
    [
        0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, 0.5000000000000001,
        1e-300, -1e-300, double.Epsilon, -double.Epsilon, 32766.5, 32767, 32767.49, 32767.5, 32768, -32768, -32768.49,
        -32768.5, -32769, 39999.5, 40000.5, -40000.5, 1e300, -1e300, double.MaxValue, double.MinValue, 4503599627370495.5,
        4503599627370497, -4503599627370497, 12000, -12000, 0.9999999999999999, -0.9999999999999999,
    ];

    [Test]
    public void ToInt16_OfASpan_MatchesTheScalarConversion_OnEdgeValues()
    {
        // Every length 0..EdgeValues.Length, so every edge value also falls in the scalar tail.
        for (int length = 0; length <= EdgeValues.Length; length++)
        {
            var values = EdgeValues.AsSpan(0, length);
            var converted = new short[length];
            PortValues.ToInt16(values, converted);
            Assert.That(converted, Is.EqualTo(values.ToArray().Select(PortValues.ToInt16).ToArray()), $"length {length}");
        }
    }

    [Test]
    public void ToInt16_OfASpan_MatchesTheScalarConversion_OnRandomValuesAndHalves()
    {
        var random = new Random(12);
        var values = new double[100_003];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (i % 3) switch
            {
                0 => (random.NextDouble() - 0.5) * 100_000,
                1 => random.Next(-40_000, 40_000) + 0.5,
                _ => BitConverter.Int64BitsToDouble(random.NextInt64()) is var bits && double.IsFinite(bits) ? bits : 1.0,
            };
        }

        var converted = new short[values.Length];
        PortValues.ToInt16(values, converted);
        Assert.That(converted, Is.EqualTo(values.Select(PortValues.ToInt16).ToArray()));
    }

    [Test]
    public void ToInt16_OfASpan_RefusesAShortDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => PortValues.ToInt16(new double[9], new short[8]));
        Assert.That(error!.Message, Does.Contain("Destination holds 8 elements; 9 values were given."));
    }
}
