using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class SchedulerTests
{
    private static readonly string[] Phases = ["Input", "Propagate", "Growth", "Decay"];

    private sealed class LambdaSystem(string name, Action<World> update) : ISystem
    {
        public string Name => name;

        public void Update(World world) => update(world);
    }

    private World world = null!;
    private List<string> log = null!;

    [SetUp]
    public void SetUp()
    {
        world = new World(seed: 3, phaseNames: Phases);
        log = new List<string>();
    }

    [TearDown]
    public void TearDown() => world.Dispose();

    private ISystem Logging(string name) => new LambdaSystem(name, w => log.Add($"{name}@{w.Scheduler.CurrentPhase}"));

    [Test]
    public void Phases_RunInOrder_SystemsInRegistrationOrder()
    {
        // Registered out of phase order on purpose.
        world.Scheduler.Add(2, Logging("growth1"));
        world.Scheduler.Add(0, Logging("input1"));
        world.Scheduler.Add(3, Logging("decay1"));
        world.Scheduler.Add(0, Logging("input2"));
        world.Scheduler.Add(2, Logging("growth2"));
        world.Scheduler.Add(1, Logging("propagate1"));
        world.Scheduler.Add(0, Logging("input3"));

        world.Step();
        world.Step();

        var oneTick = new[] { "input1@0", "input2@0", "input3@0", "propagate1@1", "growth1@2", "growth2@2", "decay1@3" };
        Assert.That(log, Is.EqualTo(oneTick.Concat(oneTick)));
        Assert.That(world.Scheduler.Systems().Select(s => s.System.Name),
            Is.EqualTo(new[] { "input1", "input2", "input3", "propagate1", "growth1", "growth2", "decay1" }));
        Assert.That(world.Scheduler.Systems().Select(s => s.Phase), Is.EqualTo(new[] { 0, 0, 0, 1, 2, 2, 3 }));
    }

    private sealed class Anchor : ISystem
    {
        public string Name => "anchor";

        public void Update(World world)
        {
        }
    }

    [Test]
    public void AddBefore_and_AddAfter_insert_next_to_the_anchor_in_its_phase()
    {
        world.Scheduler.Add(0, Logging("input1"));
        world.Scheduler.Add(1, Logging("propagate1"));
        world.Scheduler.Add(1, new Anchor());
        world.Scheduler.Add(1, Logging("propagate2"));
        world.Scheduler.AddBefore<Anchor>(Logging("before"));
        world.Scheduler.AddAfter<Anchor>(Logging("after"));

        Assert.That(world.Scheduler.Systems().Select(s => $"{s.System.Name}@{s.Phase}"),
            Is.EqualTo(new[] { "input1@0", "propagate1@1", "before@1", "anchor@1", "after@1", "propagate2@1" }));
        Assert.That(world.Scheduler.Timings.Select(t => t.Name), Is.EqualTo(new[] { "input1", "propagate1", "before", "anchor", "after", "propagate2" }));
        using var empty = new World(1, Phases);
        var missing = Assert.Throws<InvalidOperationException>(() => empty.Scheduler.AddBefore<Anchor>(Logging("x")));
        Assert.That(missing!.Message, Is.EqualTo("No system of type Anchor is registered."));
    }

    [Test]
    public void Timings_CountCallsInTickOrder()
    {
        world.Scheduler.Add(1, Logging("b"));
        world.Scheduler.Add(0, Logging("a"));
        world.Scheduler.Add(1, Logging("c"));
        var timings = world.Scheduler.Timings;

        Assert.That(timings.Select(t => t.Name), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(timings.Select(t => t.Calls), Is.All.Zero);
        Assert.That(timings[0].Mean, Is.EqualTo(TimeSpan.Zero));

        for (int i = 0; i < 5; i++)
            world.Step();

        Assert.That(timings.Select(t => t.Calls), Is.All.EqualTo(5L));
        foreach (var timing in timings)
        {
            Assert.That(timing.TotalTimestampTicks, Is.GreaterThanOrEqualTo(timing.LastTimestampTicks));
            Assert.That(timing.LastTimestampTicks, Is.GreaterThanOrEqualTo(0L));
            Assert.That(timing.Total, Is.GreaterThanOrEqualTo(TimeSpan.Zero));
            Assert.That(timing.ToString(), Does.Contain(timing.Name).And.Contain("5 calls"));
        }

        Assert.That(timings[0].Phase, Is.EqualTo(0));
        Assert.That(timings[0].PhaseName, Is.EqualTo("Input"));
        Assert.That(timings[2].Phase, Is.EqualTo(1));
        Assert.That(timings[2].PhaseName, Is.EqualTo("Propagate"));

        timings[1].Reset();
        Assert.That(timings[1].Calls, Is.Zero);
        Assert.That(timings[1].TotalTimestampTicks, Is.Zero);
        world.Step();
        Assert.That(timings.Select(t => t.Calls), Is.EqualTo(new[] { 6L, 1L, 6L }));
    }

    [Test]
    public void SameSystemRegisteredTwice_RunsTwiceWithSeparateCounters()
    {
        var system = Logging("twice");
        world.Scheduler.Add(0, system);
        world.Scheduler.Add(2, system);

        world.Step();

        Assert.That(log, Is.EqualTo(new[] { "twice@0", "twice@2" }));
        Assert.That(world.Scheduler.Timings.Select(t => t.Calls), Is.EqualTo(new[] { 1L, 1L }));
    }

    [Test]
    public void IsRunningAndCurrentPhase_AreReportedDuringATickOnly()
    {
        var during = new List<(bool, int)>();
        world.Scheduler.Add(1, new LambdaSystem("probe", w => during.Add((w.Scheduler.IsRunning, w.Scheduler.CurrentPhase))));

        Assert.That(world.Scheduler.IsRunning, Is.False);
        Assert.That(world.Scheduler.CurrentPhase, Is.EqualTo(-1));
        world.Step();

        Assert.That(during, Is.EqualTo(new[] { (true, 1) }));
        Assert.That(world.Scheduler.IsRunning, Is.False);
        Assert.That(world.Scheduler.CurrentPhase, Is.EqualTo(-1));
    }

    [Test]
    public void Step_FromInsideASystem_Throws()
    {
        Exception? inner = null;
        world.Scheduler.Add(0, new LambdaSystem("reentrant", w => inner = Capture.Exception(w.Step)));

        world.Step();

        Assert.That(inner, Is.TypeOf<InvalidOperationException>());
        Assert.That(inner!.Message, Does.Contain("already running"));
        Assert.That(world.Tick, Is.EqualTo(1UL));
    }

    [Test]
    public void Add_WhileRunning_Throws()
    {
        Exception? thrown = null;
        world.Scheduler.Add(0, new LambdaSystem("adder", w => thrown = Capture.Exception(() => w.Scheduler.Add(1, Logging("late")))));

        world.Step();

        Assert.That(thrown, Is.TypeOf<InvalidOperationException>());
        Assert.That(world.Scheduler.Systems().Count(), Is.EqualTo(1));
    }

    [Test]
    public void AFailingSystem_LeavesTheSchedulerUsable()
    {
        bool fail = true;
        world.Scheduler.Add(0, Logging("before"));
        world.Scheduler.Add(1, new LambdaSystem("flaky", _ =>
        {
            if (fail)
                throw new FormatException("flaky failed");
        }));
        world.Scheduler.Add(2, Logging("after"));

        Assert.That(() => world.Step(), Throws.TypeOf<FormatException>().With.Message.EqualTo("flaky failed"));
        Assert.That(world.Scheduler.IsRunning, Is.False);
        Assert.That(world.Scheduler.CurrentPhase, Is.EqualTo(-1));
        Assert.That(world.Tick, Is.Zero);
        Assert.That(log, Is.EqualTo(new[] { "before@0" }));
        Assert.That(world.Scheduler.Timings.Select(t => t.Calls), Is.EqualTo(new[] { 1L, 0L, 0L }));

        fail = false;
        world.Step();
        Assert.That(world.Tick, Is.EqualTo(1UL));
        Assert.That(log, Is.EqualTo(new[] { "before@0", "before@0", "after@2" }));
    }

    [Test]
    public void Add_RejectsBadArguments()
    {
        Assert.That(() => world.Scheduler.Add(-1, Logging("x")), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => world.Scheduler.Add(Phases.Length, Logging("x")), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => world.Scheduler.Add(0, null!), Throws.ArgumentNullException);
        Assert.That(world.Scheduler.Systems(), Is.Empty);
    }

    [Test]
    public void Constructor_RejectsNoPhases()
    {
        Assert.That(() => new Scheduler([]), Throws.ArgumentException.With.Message.Contains("at least one phase"));
        Assert.That(() => new Scheduler(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Constructor_CopiesThePhaseNames()
    {
        var names = new List<string> { "One", "Two" };
        var scheduler = new Scheduler(names);
        names[0] = "Changed";

        Assert.That(scheduler.PhaseNames, Is.EqualTo(new[] { "One", "Two" }));
    }

    [Test]
    public void Contains_FindsSystemsByType()
    {
        Assert.That(world.Scheduler.Contains<LambdaSystem>(), Is.False);
        world.Scheduler.Add(3, Logging("x"));

        Assert.That(world.Scheduler.Contains<LambdaSystem>(), Is.True);
        Assert.That(world.Scheduler.Contains<ISystem>(), Is.True);
    }

    [Test]
    public void EmptyScheduler_StillAdvancesTheTick()
    {
        world.Step();

        Assert.That(world.Tick, Is.EqualTo(1UL));
        Assert.That(world.Scheduler.PhaseNames, Is.EqualTo(Phases));
    }
}
