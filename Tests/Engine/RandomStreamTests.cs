using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class RandomStreamTests
{
    [Test]
    public void Constructor_KeepsTheCoordinates()
    {
        var stream = new RandomStream(1, 2, 3, 4);

        Assert.That(stream.Seed, Is.EqualTo(1UL));
        Assert.That(stream.Stream, Is.EqualTo(2UL));
        Assert.That(stream.Tick, Is.EqualTo(3UL));
        Assert.That(stream.Position, Is.EqualTo(4UL));
        Assert.That(new RandomStream(1, 2, 3).Position, Is.Zero);
    }

    [Test]
    public void DrawK_IsCounterRandomAtIndexK()
    {
        var stream = new RandomStream(42, 7, 9);
        for (ulong k = 0; k < 100; k++)
            Assert.That(stream.NextUInt64(), Is.EqualTo(CounterRandom.Bits(42, 7, 9, k)));
        Assert.That(stream.Position, Is.EqualTo(100UL));
    }

    [Test]
    public void SameCoordinates_GiveTheSameSequence()
    {
        var a = new RandomStream(5, 6, 7);
        var b = new RandomStream(5, 6, 7);

        for (int i = 0; i < 200; i++)
        {
            Assert.That(a.NextUInt64(), Is.EqualTo(b.NextUInt64()));
            Assert.That(a.NextDouble(), Is.EqualTo(b.NextDouble()));
            Assert.That(a.NextInt(1000), Is.EqualTo(b.NextInt(1000)));
        }
    }

    [TestCase(6UL, 6UL, 8UL)]
    [TestCase(5UL, 7UL, 7UL)]
    [TestCase(5UL, 6UL, 7UL)]
    public void DifferentCoordinates_GiveDifferentSequences(ulong seed, ulong streamId, ulong tick)
    {
        var reference = new RandomStream(5, 6, 7);
        var other = new RandomStream(seed, streamId, tick);
        if (seed == 5 && streamId == 6 && tick == 7)
            other = new RandomStream(5, 6, 7, position: 1); // shifted by one draw

        int equal = 0;
        for (int i = 0; i < 1000; i++)
            equal += reference.NextUInt64() == other.NextUInt64() ? 1 : 0;

        Assert.That(equal, Is.Zero);
    }

    [Test]
    public void EveryDrawKind_AdvancesThePositionByOne()
    {
        var stream = new RandomStream(1, 1, 1);
        stream.NextUInt64();
        Assert.That(stream.Position, Is.EqualTo(1UL));
        stream.NextUInt32();
        Assert.That(stream.Position, Is.EqualTo(2UL));
        stream.NextDouble();
        Assert.That(stream.Position, Is.EqualTo(3UL));
        stream.NextSingle();
        Assert.That(stream.Position, Is.EqualTo(4UL));
        stream.NextInt(10);
        Assert.That(stream.Position, Is.EqualTo(5UL), "a small bound almost never rejects; this draw does not");
    }

    [Test]
    public void Position_ContinuesExactly_AfterARestore()
    {
        var original = new RandomStream(11, 12, 13);
        for (int i = 0; i < 37; i++)
            original.NextInt(17);
        ulong saved = original.Position;

        var resumed = new RandomStream(11, 12, 13, saved);
        for (int i = 0; i < 100; i++)
        {
            Assert.That(resumed.NextUInt64(), Is.EqualTo(original.NextUInt64()));
            Assert.That(resumed.NextInt(1_000_000_007), Is.EqualTo(original.NextInt(1_000_000_007)));
        }

        Assert.That(resumed.Position, Is.EqualTo(original.Position));
    }

    [Test]
    public void Position_CanBeRewound()
    {
        var stream = new RandomStream(2, 3, 4);
        stream.Position = 10;
        var first = new[] { stream.NextUInt64(), stream.NextUInt64(), stream.NextUInt64() };

        stream.Position = 10;

        Assert.That(new[] { stream.NextUInt64(), stream.NextUInt64(), stream.NextUInt64() }, Is.EqualTo(first));
    }

    [Test]
    public void IsAValue_CopiesDrawIndependently()
    {
        var stream = new RandomStream(1, 2, 3);
        stream.NextUInt64();
        var copy = stream;

        ulong fromCopy = copy.NextUInt64();
        ulong fromOriginal = stream.NextUInt64();

        Assert.That(fromCopy, Is.EqualTo(fromOriginal));
        Assert.That(copy.Position, Is.EqualTo(stream.Position));
    }

    [Test]
    public void NextUInt32_IsTheHighHalf()
    {
        var stream = new RandomStream(8, 8, 8);
        for (ulong k = 0; k < 100; k++)
            Assert.That(stream.NextUInt32(), Is.EqualTo((uint)(CounterRandom.Bits(8, 8, 8, k) >> 32)));
    }

    [Test]
    public void NextDouble_MatchesCounterRandom_AndStaysInRange()
    {
        var stream = new RandomStream(4, 4, 4);
        var values = new double[10_000];
        for (ulong k = 0; k < (ulong)values.Length; k++)
        {
            values[k] = stream.NextDouble();
            Assert.That(values[k], Is.EqualTo(CounterRandom.NextDouble(4, 4, 4, k)));
        }

        Assert.That(values, Is.All.GreaterThanOrEqualTo(0.0));
        Assert.That(values, Is.All.LessThan(1.0));
    }

    [Test]
    public void NextSingle_StaysBelowOne()
    {
        var stream = new RandomStream(4, 5, 6);
        var values = new float[100_000];
        for (int i = 0; i < values.Length; i++)
            values[i] = stream.NextSingle();

        Assert.That(values, Is.All.GreaterThanOrEqualTo(0f));
        Assert.That(values, Is.All.LessThan(1f));
        Assert.That(values.Average(), Is.EqualTo(0.5).Within(0.01));
        // 24 random bits: the largest draw is exactly representable and below 1.
        Assert.That((ulong.MaxValue >> 40) * (1.0f / (1U << 24)), Is.LessThan(1.0f));
    }

    [Test]
    public void MeanOfNextDouble_IsNearOneHalf()
    {
        var stream = new RandomStream(123, 0, 0);
        double sum = 0;
        for (int i = 0; i < 100_000; i++)
            sum += stream.NextDouble();

        Assert.That(sum / 100_000, Is.EqualTo(0.5).Within(0.01));
    }

    [Test]
    public void TwoStreams_AreUncorrelated()
    {
        var a = new RandomStream(123, 1, 0);
        var b = new RandomStream(123, 2, 0);
        var x = new double[100_000];
        var y = new double[100_000];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = a.NextDouble();
            y[i] = b.NextDouble();
        }

        Assert.That(CounterRandomTests.Correlation(x, y), Is.EqualTo(0.0).Within(0.02));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    [TestCase(10)]
    [TestCase(1000)]
    [TestCase(1 << 30)]
    [TestCase((1 << 30) + 1)]
    [TestCase(int.MaxValue)]
    public void NextInt_IsNeverOutOfRange(int bound)
    {
        var stream = new RandomStream(77, (ulong)bound, 0);
        int min = int.MaxValue, max = int.MinValue;
        for (int i = 0; i < 50_000; i++)
        {
            int value = stream.NextInt(bound);
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        Assert.That(min, Is.GreaterThanOrEqualTo(0));
        Assert.That(max, Is.LessThan(bound));
        if (bound <= 1000)
        {
            Assert.That(min, Is.Zero, "every value should be reached");
            Assert.That(max, Is.EqualTo(bound - 1));
        }
    }

    [Test]
    public void NextInt_OfOne_IsAlwaysZero()
    {
        var stream = new RandomStream(1, 2, 3);
        for (int i = 0; i < 1000; i++)
            Assert.That(stream.NextInt(1), Is.Zero);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(int.MinValue)]
    public void NextInt_RejectsNonPositiveBounds(int bound)
    {
        var stream = new RandomStream(1, 2, 3);

        Assert.That(() => stream.NextInt(bound), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(stream.Position, Is.Zero, "a rejected call draws nothing");
    }

    [Test]
    public void NextInt_SmallBound_IsUniform()
    {
        const int bound = 6, draws = 120_000;
        var stream = new RandomStream(2024, 1, 0);
        var counts = new int[bound];
        for (int i = 0; i < draws; i++)
            counts[stream.NextInt(bound)]++;

        double expected = (double)draws / bound;
        double chi = counts.Sum(c => (c - expected) * (c - expected) / expected);
        // 5 degrees of freedom; 20.5 is the 0.1 % critical value.
        Assert.That(chi, Is.LessThan(20.5));
    }

    [Test]
    public void NextInt_LargeBound_HasNoModuloOrMultiplyBias()
    {
        // bound = 3·2^29: 2^32 = 2·bound + 2^30. Naive "x % bound" puts 3/4 of draws below 2^30
        // (unbiased: 2/3); multiply-shift without rejection gives residue 2 (mod 3) only 1/4 of
        // the time (unbiased: 1/3). Lemire's rejection fixes both.
        const int bound = 3 << 29;
        const int draws = 120_000;
        var stream = new RandomStream(99, 3, 0);
        int belowQuarter = 0, residueTwo = 0;
        for (int i = 0; i < draws; i++)
        {
            int value = stream.NextInt(bound);
            if (value < 1 << 30)
                belowQuarter++;
            if (value % 3 == 2)
                residueTwo++;
        }

        Assert.That((double)belowQuarter / draws, Is.EqualTo(2.0 / 3).Within(0.01));
        Assert.That((double)residueTwo / draws, Is.EqualTo(1.0 / 3).Within(0.01));
        // A quarter of the raw draws are rejected at this bound, so the stream advanced further.
        Assert.That((double)stream.Position / draws, Is.EqualTo(4.0 / 3).Within(0.02));
    }
}
