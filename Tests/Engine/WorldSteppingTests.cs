using System.Diagnostics;
using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class WorldSteppingTests
{
    private static readonly TimeSpan Hz60 = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 60);

    /// <summary>Busy-waits a fixed time per tick, so tick durations have a known lower bound.</summary>
    private sealed class SpinSystem(TimeSpan duration) : ISystem
    {
        public string Name => "spin";

        public void Update(World world)
        {
            long start = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(start) < duration)
                Thread.SpinWait(20);
        }
    }

    private sealed class CountingSystem : ISystem
    {
        public int Calls;

        public string Name => "count";

        public void Update(World world) => Calls++;
    }

    [Test]
    public void StepWithin_AmpleBudget_RunsMaxTicks()
    {
        using var world = new World(seed: 1);
        var counter = new CountingSystem();
        world.Scheduler.Add(0, counter);

        int done = world.StepWithin(TimeSpan.FromSeconds(30), 7);

        Assert.That(done, Is.EqualTo(7));
        Assert.That(world.Tick, Is.EqualTo(7UL));
        Assert.That(counter.Calls, Is.EqualTo(7));
    }

    [Test]
    public void StepWithin_ZeroBudgetOrZeroTicks_RunsNone()
    {
        using var world = new World(seed: 1);

        Assert.That(world.StepWithin(TimeSpan.Zero, 5), Is.Zero);
        Assert.That(world.StepWithin(TimeSpan.FromSeconds(1), 0), Is.Zero);
        Assert.That(world.Tick, Is.Zero);
    }

    [Test]
    public void StepWithin_StopsStartingTicks_OnceTheBudgetIsSpent()
    {
        using var world = new World(seed: 1);
        world.Scheduler.Add(0, new SpinSystem(TimeSpan.FromMilliseconds(20)));

        // Ticks start at 0 ms and (at the earliest) 20 ms, both inside 30 ms; the third could
        // start no earlier than 40 ms, past the budget. A slow machine may manage only one.
        int done = world.StepWithin(TimeSpan.FromMilliseconds(30), 100);

        Assert.That(done, Is.InRange(1, 2));
        Assert.That(world.Tick, Is.EqualTo((ulong)done));
    }

    [Test]
    public void StepWithin_RejectsNegativeArguments()
    {
        using var world = new World(seed: 1);

        Assert.That(() => world.StepWithin(TimeSpan.FromMilliseconds(-1), 1), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => world.StepWithin(TimeSpan.FromSeconds(1), -1), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(world.Tick, Is.Zero);
    }

    [Test]
    public void Clock_AtTheTickRate_RunsOneTickPerFrame()
    {
        using var world = new World(seed: 1);
        var clock = new FixedTickClock(world, Hz60, maxTicksPerFrame: 4, frameBudget: TimeSpan.FromSeconds(10));

        for (int frame = 0; frame < 10; frame++)
            Assert.That(clock.Advance(Hz60), Is.EqualTo(1), $"frame {frame}");

        Assert.That(world.Tick, Is.EqualTo(10UL));
        Assert.That(clock.DroppedTicks, Is.Zero);
        Assert.That(clock.Accumulated, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Clock_FastFrames_AccumulateUntilATickIsDue()
    {
        using var world = new World(seed: 1);
        var clock = new FixedTickClock(world, TimeSpan.FromMilliseconds(16), 4, TimeSpan.FromSeconds(10));

        Assert.That(clock.Advance(TimeSpan.FromMilliseconds(10)), Is.Zero);
        Assert.That(clock.Alpha, Is.EqualTo(10.0 / 16));
        Assert.That(clock.Advance(TimeSpan.FromMilliseconds(10)), Is.EqualTo(1));
        Assert.That(clock.Accumulated, Is.EqualTo(TimeSpan.FromMilliseconds(4)));
    }

    [Test]
    public void Clock_LongStall_RunsAtMostTheCap_AndDropsTheBacklog()
    {
        using var world = new World(seed: 1);
        var clock = new FixedTickClock(world, TimeSpan.FromMilliseconds(10), 3, TimeSpan.FromSeconds(10));

        int done = clock.Advance(TimeSpan.FromMilliseconds(105));

        Assert.That(done, Is.EqualTo(3));
        Assert.That(clock.DroppedTicks, Is.EqualTo(7));
        Assert.That(clock.Accumulated, Is.EqualTo(TimeSpan.FromMilliseconds(5)));
        // The next normal frame is a normal frame again: no spiral.
        Assert.That(clock.Advance(TimeSpan.FromMilliseconds(10)), Is.EqualTo(1));
    }

    [Test]
    public void Clock_SlowTicks_AreCutByTheFrameBudget()
    {
        using var world = new World(seed: 1);
        world.Scheduler.Add(0, new SpinSystem(TimeSpan.FromMilliseconds(15)));
        var clock = new FixedTickClock(world, TimeSpan.FromMilliseconds(10), 8, TimeSpan.FromMilliseconds(10));

        int done = clock.Advance(TimeSpan.FromMilliseconds(80));

        Assert.That(done, Is.EqualTo(1));
        Assert.That(clock.DroppedTicks, Is.EqualTo(7));
        Assert.That(clock.Accumulated, Is.LessThan(clock.TickInterval));
    }

    [Test]
    public void Clock_RejectsBadArguments()
    {
        using var world = new World(seed: 1);

        Assert.That(() => new FixedTickClock(null!, Hz60, 1, Hz60), Throws.TypeOf<ArgumentNullException>());
        Assert.That(() => new FixedTickClock(world, TimeSpan.Zero, 1, Hz60), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new FixedTickClock(world, Hz60, 0, Hz60), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new FixedTickClock(world, Hz60, 1, TimeSpan.Zero), Throws.TypeOf<ArgumentOutOfRangeException>());
        var clock = new FixedTickClock(world, Hz60, 1, Hz60);
        Assert.That(() => clock.Advance(TimeSpan.FromTicks(-1)), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
