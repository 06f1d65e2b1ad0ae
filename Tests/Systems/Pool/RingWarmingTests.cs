using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Pool;

/// <summary>
/// Ring warming is a read-only pass chosen by a fixed rule: it leaves every byte as it was and
/// stays inside the range it is given (the pool and network reference tests run through it on
/// every large tick).
/// </summary>
[TestFixture]
public unsafe class RingWarmingTests
{
    [Test]
    public void IsWorthIt_FromFourEventsPerWarmedLine()
    {
        // 8 slots × 65 536 cells of i16 and 65 536 flag bytes: 17 408 lines.
        Assert.That(RingWarming.IsWorthIt(4 * 17_408, 8, 65_536), Is.True);
        Assert.That(RingWarming.IsWorthIt(4 * 17_408 - 1, 8, 65_536), Is.False);
        Assert.That(RingWarming.IsWorthIt(0, 8, 1), Is.False);
    }

    [TestCase(8, 1000, 0, 1000)]
    [TestCase(8, 1000, 333, 667)]
    [TestCase(3, 4099, 4000, 99)]
    [TestCase(1, 17, 16, 1)]
    public void Warm_LeavesRingAndFlagsUnchanged(int slots, int cells, int start, int width)
    {
        var random = new Random(cells + start);
        short[] ring = [.. Enumerable.Range(0, slots * cells).Select(_ => (short)random.Next(short.MinValue, short.MaxValue + 1))];
        byte[] flags = [.. Enumerable.Range(0, cells).Select(_ => (byte)random.Next(2))];
        short[] ringBefore = [.. ring];
        byte[] flagsBefore = [.. flags];
        fixed (short* ringPointer = ring)
        fixed (byte* flagPointer = flags)
            RingWarming.Warm(ringPointer, slots, cells, flagPointer, start, width);
        Assert.That(ring, Is.EqualTo(ringBefore));
        Assert.That(flags, Is.EqualTo(flagsBefore));
    }
}
