using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class WorldTests
{
    /// <summary>An int column shared by the world fixtures (keys are few per process).</summary>
    internal static readonly ColumnKey<int> Cell = new ColumnKey<int>("tests.engine.world.cell");
    /// <summary>A float column shared by the world fixtures.</summary>
    internal static readonly ColumnKey<float> Load = new ColumnKey<float>("tests.engine.world.load");

    private World world = null!;

    [SetUp]
    public void SetUp() => world = new World(seed: 99);

    [TearDown]
    public void TearDown() => world.Dispose();

    // ------------------------------------------------------------ handles

    [Test]
    public void Create_ReturnsLiveHandleWithZeroedComponents()
    {
        var e = world.Create(ComponentSet.Of<Position, Health>());

        Assert.That(e.IsNull, Is.False);
        Assert.That(e.Generation, Is.GreaterThanOrEqualTo(1));
        Assert.That(world.IsAlive(e), Is.True);
        Assert.That(world.EntityCount, Is.EqualTo(1));
        Assert.That(world.Get<Position>(e), Is.EqualTo(default(Position)));
        Assert.That(world.Get<Health>(e).Value, Is.Zero);
    }

    [Test]
    public void Create_WithValues_StoresThem()
    {
        var one = world.Create(new Health(5));
        var two = world.Create(new Position(1, 2), new Velocity(3, 4));
        var three = world.Create(new Position(5, 6), new Velocity(7, 8), new Mass(9));

        Assert.That(world.Get<Health>(one).Value, Is.EqualTo(5));
        Assert.That(world.Get<Position>(two), Is.EqualTo(new Position(1, 2)));
        Assert.That(world.Get<Velocity>(two), Is.EqualTo(new Velocity(3, 4)));
        Assert.That(world.Get<Position>(three), Is.EqualTo(new Position(5, 6)));
        Assert.That(world.Get<Velocity>(three), Is.EqualTo(new Velocity(7, 8)));
        Assert.That(world.Get<Mass>(three).Value, Is.EqualTo(9.0));
        Assert.That(world.EntityCount, Is.EqualTo(3));
    }

    [Test]
    public void Handles_StayValidAcrossGrowth()
    {
        var first = world.Create(new Position(-1, -2));
        var firstTable = world.Locate(first).Table;
        int capacityBefore = firstTable.Capacity;
        var all = new List<Entity> { first };
        for (int i = 0; i < 5000; i++)
            all.Add(world.Create(new Position(i, i)));

        Assert.That(firstTable.Capacity, Is.GreaterThan(capacityBefore));
        Assert.That(world.IsAlive(first), Is.True);
        Assert.That(world.Get<Position>(first), Is.EqualTo(new Position(-1, -2)));
        for (int i = 1; i < all.Count; i++)
            Assert.That(world.Get<Position>(all[i]).X, Is.EqualTo((float)(i - 1)));
        Assert.That(all.Distinct().Count(), Is.EqualTo(all.Count));
    }

    [Test]
    public void Handles_StayValidWhenOtherEntitiesAreRemovedOrMoved()
    {
        var entities = Enumerable.Range(0, 20).Select(i => world.Create(new Health(i))).ToList();

        for (int i = 0; i < 20; i += 3)
            world.Destroy(entities[i]);
        for (int i = 1; i < 20; i += 3)
            world.Add(entities[i], new Velocity(i, 0));
        for (int i = 2; i < 20; i += 6)
            world.Add(entities[i], new Mass(i));

        for (int i = 0; i < 20; i++)
        {
            if (i % 3 == 0)
            {
                Assert.That(world.IsAlive(entities[i]), Is.False);
                continue;
            }

            Assert.That(world.IsAlive(entities[i]), Is.True, $"entity {i}");
            Assert.That(world.Get<Health>(entities[i]).Value, Is.EqualTo(i), $"entity {i}");
            Assert.That(world.Has<Velocity>(entities[i]), Is.EqualTo(i % 3 == 1));
            if (i % 3 == 1)
                Assert.That(world.Get<Velocity>(entities[i]).Dx, Is.EqualTo((float)i));
        }

        Assert.That(world.EntityCount, Is.EqualTo(20 - 7));
    }

    [Test]
    public void Destroy_MakesTheHandleStale()
    {
        var e = world.Create(new Health(1));
        world.Destroy(e);

        Assert.That(world.IsAlive(e), Is.False);
        Assert.That(world.EntityCount, Is.Zero);
        Assert.That(() => world.Get<Health>(e), Throws.InvalidOperationException.With.Message.Contains("not alive"));
        Assert.That(() => world.Has<Health>(e), Throws.InvalidOperationException);
        Assert.That(() => world.Destroy(e), Throws.InvalidOperationException.With.Message.Contains("not alive"));
        Assert.That(() => world.Add(e, new Mass(1)), Throws.InvalidOperationException);
        Assert.That(() => world.Remove<Health>(e), Throws.InvalidOperationException);
        Assert.That(() => world.Locate(e), Throws.InvalidOperationException);
    }

    [Test]
    public void SlotReuse_BumpsTheGeneration()
    {
        var old = world.Create(new Health(1));
        world.Destroy(old);

        var reused = world.Create(new Health(2));

        Assert.That(reused.Index, Is.EqualTo(old.Index));
        Assert.That(reused.Generation, Is.GreaterThan(old.Generation));
        Assert.That(reused, Is.Not.EqualTo(old));
        Assert.That(world.IsAlive(old), Is.False);
        Assert.That(world.IsAlive(reused), Is.True);
        Assert.That(() => world.Get<Health>(old), Throws.InvalidOperationException);
        Assert.That(world.Get<Health>(reused).Value, Is.EqualTo(2));
    }

    [Test]
    public void SlotReuse_ManyCycles_NeverRevivesAnOldHandle()
    {
        var seen = new List<Entity>();
        for (int cycle = 0; cycle < 100; cycle++)
        {
            var e = world.Create(new Health(cycle));
            seen.Add(e);
            world.Destroy(e);
        }

        var live = world.Create(new Health(-1));
        Assert.That(seen.Distinct().Count(), Is.EqualTo(seen.Count));
        Assert.That(seen.Any(world.IsAlive), Is.False);
        Assert.That(world.IsAlive(live), Is.True);
    }

    [Test]
    public void NullAndForeignHandles_AreNeverAlive()
    {
        world.Create(new Health(1));

        Assert.That(world.IsAlive(Entity.Null), Is.False);
        Assert.That(world.IsAlive(new Entity(0, 0)), Is.False);
        Assert.That(world.IsAlive(new Entity(-1, 1)), Is.False);
        Assert.That(world.IsAlive(new Entity(1000, 1)), Is.False);
        Assert.That(() => world.Get<Health>(Entity.Null), Throws.InvalidOperationException.With.Message.Contains("null"));
        Assert.That(() => world.Destroy(Entity.Null), Throws.InvalidOperationException);
    }

    // ------------------------------------------------------------ components

    [Test]
    public void Get_ReturnsAReferenceIntoTheColumn()
    {
        var e = world.Create(new Position(1, 1));

        world.Get<Position>(e).X = 42;

        Assert.That(world.Get<Position>(e).X, Is.EqualTo(42f));
        Assert.That(world.Locate(e).Table.Span<Position>()[world.Locate(e).Row].X, Is.EqualTo(42f));
    }

    [Test]
    public void Get_MissingComponent_ThrowsKeyNotFound()
    {
        var e = world.Create(new Position(1, 1));

        Assert.That(() => world.Get<Velocity>(e), Throws.TypeOf<KeyNotFoundException>());
    }

    [Test]
    public void Add_MovesToTheNewArchetypeKeepingValues()
    {
        var e = world.Create(new Position(1, 2), new Health(3));
        var before = world.Locate(e).Table;

        world.Add(e, new Velocity(4, 5));

        var after = world.Locate(e).Table;
        Assert.That(after, Is.Not.SameAs(before));
        Assert.That(after.Set, Is.EqualTo(ComponentSet.Of<Position, Health, Velocity>()));
        Assert.That(before.Count, Is.Zero);
        Assert.That(world.Get<Position>(e), Is.EqualTo(new Position(1, 2)));
        Assert.That(world.Get<Health>(e).Value, Is.EqualTo(3));
        Assert.That(world.Get<Velocity>(e), Is.EqualTo(new Velocity(4, 5)));
        Assert.That(world.Has<Velocity>(e), Is.True);
    }

    [Test]
    public void Add_ExistingComponent_OverwritesInPlace()
    {
        var e = world.Create(new Position(1, 2));
        var table = world.Locate(e).Table;

        world.Add(e, new Position(9, 9));

        Assert.That(world.Locate(e).Table, Is.SameAs(table));
        Assert.That(world.Get<Position>(e), Is.EqualTo(new Position(9, 9)));
    }

    [Test]
    public void Remove_MovesToTheSmallerArchetypeKeepingTheRest()
    {
        var other = world.Create(new Position(10, 10), new Velocity(10, 10));
        var e = world.Create(new Position(1, 2), new Velocity(3, 4));

        world.Remove<Velocity>(e);

        Assert.That(world.Has<Velocity>(e), Is.False);
        Assert.That(world.Has<Position>(e), Is.True);
        Assert.That(world.Get<Position>(e), Is.EqualTo(new Position(1, 2)));
        Assert.That(world.Locate(e).Table.Set, Is.EqualTo(ComponentSet.Of<Position>()));
        Assert.That(world.Get<Velocity>(other), Is.EqualTo(new Velocity(10, 10)));
        Assert.That(() => world.Remove<Velocity>(e), Throws.TypeOf<KeyNotFoundException>());
    }

    [Test]
    public void AddThenRemove_RoundTripsThroughArchetypes()
    {
        var entities = Enumerable.Range(0, 6).Select(i => world.Create(new Position(i, 0))).ToArray();

        foreach (var e in entities)
            world.Add(e, new Health(7));
        foreach (var e in entities.Where((_, i) => i % 2 == 0))
            world.Remove<Health>(e);

        for (int i = 0; i < entities.Length; i++)
        {
            Assert.That(world.Get<Position>(entities[i]).X, Is.EqualTo((float)i));
            Assert.That(world.Has<Health>(entities[i]), Is.EqualTo(i % 2 == 1));
        }

        Assert.That(world.Archetypes.Count(t => t.Set == ComponentSet.Of<Position>()), Is.EqualTo(1));
    }

    [Test]
    public void EmptyEntity_IsAllowed()
    {
        var e = world.Create(ComponentSet.Empty);

        Assert.That(world.IsAlive(e), Is.True);
        Assert.That(world.Has<Position>(e), Is.False);
        world.Add(e, new Position(1, 1));
        Assert.That(world.Get<Position>(e).X, Is.EqualTo(1f));
        world.Remove<Position>(e);
        Assert.That(world.Locate(e).Table.Set.IsEmpty, Is.True);
    }

    // ------------------------------------------------------------ world services

    [Test]
    public void Step_AdvancesTheTick()
    {
        Assert.That(world.Tick, Is.Zero);
        world.Step();
        world.Step();

        Assert.That(world.Tick, Is.EqualTo(2UL));
        Assert.That(world.Seed, Is.EqualTo(99UL));
        Assert.That(world.Scheduler.PhaseNames, Is.EqualTo(new[] { "Update" }));
    }

    [Test]
    public void Random_IsKeyedBySeedStreamAndTick()
    {
        var atTick0 = world.Random(3);
        Assert.That(atTick0.Seed, Is.EqualTo(99UL));
        Assert.That(atTick0.Stream, Is.EqualTo(3UL));
        Assert.That(atTick0.Tick, Is.Zero);
        Assert.That(atTick0.NextUInt64(), Is.EqualTo(CounterRandom.Bits(99, 3, 0, 0)));

        world.Step();
        var atTick1 = world.Random(3);
        Assert.That(atTick1.Tick, Is.EqualTo(1UL));
        Assert.That(atTick1.NextUInt64(), Is.EqualTo(CounterRandom.Bits(99, 3, 1, 0)));
        Assert.That(world.Random(3).NextUInt64(), Is.Not.EqualTo(world.Random(4).NextUInt64()));

        using var twin = new World(seed: 99);
        twin.Tick = 1;
        Assert.That(twin.Random(3).NextUInt64(), Is.EqualTo(world.Random(3).NextUInt64()));
    }

    [Test]
    public void SetThreadCount_ReplacesThePoolOnlyWhenItChanges()
    {
        world.SetThreadCount(2);
        var pool = world.Parallel;
        Assert.That(pool.ThreadCount, Is.EqualTo(2));

        world.SetThreadCount(2);
        Assert.That(world.Parallel, Is.SameAs(pool));

        world.SetThreadCount(1);
        Assert.That(world.Parallel.ThreadCount, Is.EqualTo(1));
        Assert.That(() => world.SetThreadCount(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    // ------------------------------------------------------------ allocation

    private sealed class MoveSystem : ISystem
    {
        private readonly Entity tracked;

        public MoveSystem(Entity tracked) => this.tracked = tracked;

        public string Name => "move";

        public double Checksum;

        public void Update(World world)
        {
            foreach (var table in world.Query(ComponentSet.Of<Position, Velocity>()))
            {
                var positions = table.Span<Position>();
                var velocities = table.Span<Velocity>();
                for (int i = 0; i < positions.Length; i++)
                {
                    positions[i].X += velocities[i].Dx;
                    positions[i].Y += velocities[i].Dy;
                }
            }

            ref var health = ref world.Get<Health>(tracked);
            health.Value++;
            Checksum += world.Get<Position>(tracked).X + world.Random(7).NextDouble();
            world.Get<Mass>(tracked).Value = health.Value;
        }
    }

    [Test]
    public void SteadyState_StepQueryAndGet_AllocateNothing()
    {
        var tracked = world.Create(new Position(0, 0), new Velocity(1, 1), new Health(0));
        world.Add(tracked, new Mass(0));
        for (int i = 0; i < 100; i++)
            world.Create(new Position(i, i), new Velocity(1, 2));
        var system = new MoveSystem(tracked);
        world.Scheduler.Add(0, system);

        for (int i = 0; i < 200; i++)
            world.Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            world.Step();
            int count = world.Query(ComponentSet.Of<Position>()).Count();
            system.Checksum += count + world.Get<Position>(tracked).Y;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That(world.Get<Health>(tracked).Value, Is.EqualTo(1200));
        Assert.That(world.Get<Mass>(tracked).Value, Is.EqualTo(1200.0));
        Assert.That(world.Get<Position>(tracked).X, Is.EqualTo(1200f));
    }
}
