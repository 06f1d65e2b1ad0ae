using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Pool;

/// <summary>The vector scan of spike flags equals a plain loop (CI reruns it with AVX-512 and AVX2 off).</summary>
[TestFixture]
public class SpikeFlagScanTests
{
    [TestCase(0, 0.0)]
    [TestCase(1, 1.0)]
    [TestCase(63, 0.3)]
    [TestCase(64, 1.0)]
    [TestCase(4096, 0.31)]
    [TestCase(4099, 0.02)]
    [TestCase(1000, 0.0)]
    public void NonZero_EqualsAPlainLoop(int length, double density)
    {
        var random = new Random(length);
        byte[] flags = [.. Enumerable.Range(0, length).Select(_ => random.NextDouble() < density ? (byte)random.Next(1, 256) : (byte)0)];
        var indices = new int[length];
        int count = SpikeFlagScan.NonZero(flags, 17, indices);
        Assert.That(indices[..count], Is.EqualTo(Enumerable.Range(0, length).Where(i => flags[i] != 0).Select(i => i + 17).ToArray()));
    }

    [Test]
    public void NonZero_RefusesAShortBuffer()
        => Assert.That(() => SpikeFlagScan.NonZero(new byte[8], 0, new int[7]), Throws.ArgumentException);
}
