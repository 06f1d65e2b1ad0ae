using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class QueryTests
{
    private static readonly ColumnKey<int> Cell = new ColumnKey<int>("tests.engine.query.cell");

    private World world = null!;

    [SetUp]
    public void SetUp() => world = new World(seed: 5);

    [TearDown]
    public void TearDown() => world.Dispose();

    private static List<ComponentSet> VisitedSets(World world, ComponentSet all)
    {
        var sets = new List<ComponentSet>();
        foreach (var table in world.Query(all))
            sets.Add(table.Set);
        return sets;
    }

    [Test]
    public void Queries_OnSeveralThreadsAtOnce_LeaveTheWorldUnlocked()
    {
        for (int i = 0; i < 8; i++)
            world.Create(new Position(i, 0));
        var set = ComponentSet.Of<Position>();
        long rows = 0;
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (int k = 0; k < 20_000; k++)
            {
                foreach (var chunk in world.Query(set))
                    Interlocked.Add(ref rows, chunk.Count);
            }
        });

        Assert.That(rows, Is.EqualTo(4L * 20_000 * 8));
        Assert.That(world.IsIterating, Is.False, "every enumeration's enter and exit must be counted");
        Assert.That(() => world.Create(new Position(9, 9)), Throws.Nothing);
    }

    [Test]
    public void Query_HandsSpanColumnsPerTable()
    {
        var a = world.Create(new Position(1, 0), new Velocity(10, 0));
        var b = world.Create(new Position(2, 0), new Velocity(20, 0));
        var c = world.Create(new Position(3, 0), new Velocity(30, 0), new Health(1));

        int tables = 0, rows = 0;
        foreach (var table in world.Query(ComponentSet.Of<Position, Velocity>()))
        {
            tables++;
            var positions = table.Span<Position>();
            var velocities = table.Span<Velocity>();
            Assert.That(positions.Length, Is.EqualTo(table.Count));
            Assert.That(velocities.Length, Is.EqualTo(table.Count));
            for (int i = 0; i < positions.Length; i++)
            {
                positions[i].X += velocities[i].Dx;
                rows++;
            }
        }

        Assert.That(tables, Is.EqualTo(2));
        Assert.That(rows, Is.EqualTo(3));
        Assert.That(world.Get<Position>(a).X, Is.EqualTo(11f));
        Assert.That(world.Get<Position>(b).X, Is.EqualTo(22f));
        Assert.That(world.Get<Position>(c).X, Is.EqualTo(33f));
    }

    [Test]
    public void Query_MatchesSupersets()
    {
        world.Create(new Position());
        world.Create(new Position(), new Velocity());
        world.Create(new Position(), new Velocity(), new Health());
        world.Create(new Velocity());
        world.Create(new Health());

        Assert.That(VisitedSets(world, ComponentSet.Of<Position>()), Is.EquivalentTo(new[]
        {
            ComponentSet.Of<Position>(), ComponentSet.Of<Position, Velocity>(), ComponentSet.Of<Position, Velocity, Health>(),
        }));
        Assert.That(VisitedSets(world, ComponentSet.Of<Velocity, Position>()), Is.EquivalentTo(new[]
        {
            ComponentSet.Of<Position, Velocity>(), ComponentSet.Of<Position, Velocity, Health>(),
        }));
        Assert.That(VisitedSets(world, ComponentSet.Of<Health>()), Has.Count.EqualTo(2));
        Assert.That(VisitedSets(world, ComponentSet.Of<Mass>()), Is.Empty);
        Assert.That(VisitedSets(world, ComponentSet.Empty), Has.Count.EqualTo(5));
        foreach (var set in VisitedSets(world, ComponentSet.Of<Velocity>()))
            Assert.That(set.Contains(ComponentType<Velocity>.Id), Is.True);
    }

    [Test]
    public void Query_YieldsTablesInCreationOrder()
    {
        world.Create(new Health());
        world.Create(new Health(), new Position());
        world.Create(new Health(), new Velocity());

        Assert.That(VisitedSets(world, ComponentSet.Of<Health>()), Is.EqualTo(new[]
        {
            ComponentSet.Of<Health>(), ComponentSet.Of<Health, Position>(), ComponentSet.Of<Health, Velocity>(),
        }));
    }

    [Test]
    public void Query_SkipsEmptyTables()
    {
        var gone = world.Create(new Position(), new Health());
        world.Create(new Position());
        var moved = world.Create(new Position(), new Mass());
        world.Destroy(gone);
        world.Remove<Mass>(moved);

        Assert.That(world.Archetypes, Has.Count.EqualTo(3));
        Assert.That(VisitedSets(world, ComponentSet.Of<Position>()), Is.EqualTo(new[] { ComponentSet.Of<Position>() }));
        Assert.That(VisitedSets(world, ComponentSet.Of<Health>()), Is.Empty);
    }

    [Test]
    public void Query_IgnoresPopulationTables()
    {
        var owner = world.Create(new Health(1));
        world.CreateTable(ComponentSet.Of(Cell), owner, 10);

        Assert.That(VisitedSets(world, ComponentSet.Of(Cell)), Is.Empty);
        Assert.That(world.Query(ComponentSet.Of(Cell)).Count(), Is.Zero);
        Assert.That(world.Query(ComponentSet.Empty).Count(), Is.EqualTo(1));
    }

    [Test]
    public void Count_CountsMatchingEntities()
    {
        for (int i = 0; i < 3; i++)
            world.Create(new Position());
        for (int i = 0; i < 4; i++)
            world.Create(new Position(), new Velocity());
        for (int i = 0; i < 5; i++)
            world.Create(new Velocity());

        Assert.That(world.Query(ComponentSet.Of<Position>()).Count(), Is.EqualTo(7));
        Assert.That(world.Query(ComponentSet.Of<Velocity>()).Count(), Is.EqualTo(9));
        Assert.That(world.Query(ComponentSet.Of<Position, Velocity>()).Count(), Is.EqualTo(4));
        Assert.That(world.Query(ComponentSet.Of<Mass>()).Count(), Is.Zero);
        Assert.That(world.Query(ComponentSet.Empty).Count(), Is.EqualTo(12));
        Assert.That(world.IsIterating, Is.False, "Count takes no lock");
    }

    [Test]
    public void Query_OnAnEmptyWorld_YieldsNothing()
    {
        Assert.That(VisitedSets(world, ComponentSet.Of<Position>()), Is.Empty);
        Assert.That(world.Query(ComponentSet.Of<Position>()).Count(), Is.Zero);
        Assert.That(world.IsIterating, Is.False);
    }

    // ------------------------------------------------------------ structural-change guard

    public static IEnumerable<TestCaseData> StructuralChanges()
    {
        yield return new TestCaseData((Action<World, Entity, TableHandle>)((w, _, _) => w.Create(ComponentSet.Of<Position>()))).SetName("Create(set)");
        yield return new TestCaseData((Action<World, Entity, TableHandle>)((w, _, _) => w.Create(new Health(1)))).SetName("Create(value)");
        yield return new TestCaseData((Action<World, Entity, TableHandle>)((w, e, _) => w.Destroy(e))).SetName("Destroy");
        yield return new TestCaseData((Action<World, Entity, TableHandle>)((w, e, _) => w.Add(e, new Velocity(1, 1)))).SetName("Add(new component)");
        yield return new TestCaseData((Action<World, Entity, TableHandle>)((w, e, _) => w.Remove<Position>(e))).SetName("Remove");
        yield return new TestCaseData((Action<World, Entity, TableHandle>)((w, e, _) => w.CreateTable(ComponentSet.Of(Cell), e))).SetName("CreateTable");
        yield return new TestCaseData((Action<World, Entity, TableHandle>)((w, _, t) => w.AddRows(t, 1))).SetName("AddRows");
        yield return new TestCaseData((Action<World, Entity, TableHandle>)((w, _, t) => w.RemoveRows(t, 0, 1))).SetName("RemoveRows");
        yield return new TestCaseData((Action<World, Entity, TableHandle>)((w, _, t) => w.ResizeTable(t, 10))).SetName("ResizeTable");
        yield return new TestCaseData((Action<World, Entity, TableHandle>)((w, _, t) => w.ReserveRows(t, 100))).SetName("ReserveRows");
        yield return new TestCaseData((Action<World, Entity, TableHandle>)((w, _, _) => w.Step())).SetName("Step");
    }

    [TestCaseSource(nameof(StructuralChanges))]
    public void StructuralChange_DuringQuery_Throws_AndChangesNothing(Action<World, Entity, TableHandle> change)
    {
        var e = world.Create(new Position(1, 1));
        var table = world.CreateTable(ComponentSet.Of(Cell), e, 3);
        int entities = world.EntityCount;

        Exception? thrown = null;
        foreach (var _ in world.Query(ComponentSet.Of<Position>()))
        {
            Assert.That(world.IsIterating, Is.True);
            thrown = Capture.Exception(() => change(world, e, table));
        }

        Assert.That(thrown, Is.TypeOf<InvalidOperationException>());
        Assert.That(thrown!.Message, Does.Contain("Structural change during a query").And.Contain("after the query ends"));
        Assert.That(world.IsIterating, Is.False);
        Assert.That(world.EntityCount, Is.EqualTo(entities));
        Assert.That(world.IsAlive(e), Is.True);
        Assert.That(world.Locate(e).Table.Set, Is.EqualTo(ComponentSet.Of<Position>()));
        Assert.That(world.GetTable(table).Count, Is.EqualTo(3));
        Assert.That(world.Tick, Is.Zero);

        // After the loop the same change is allowed.
        Assert.That(() => change(world, e, table), Throws.Nothing);
    }

    [Test]
    public void NonStructuralWork_DuringQuery_IsAllowed()
    {
        var e = world.Create(new Position(1, 1), new Health(0));
        var owner = world.Create(new Mass(1));
        var table = world.CreateTable(ComponentSet.Of(Cell), owner, 2);

        foreach (var t in world.Query(ComponentSet.Of<Position>()))
        {
            world.Get<Health>(e).Value = 5;
            world.Add(e, new Position(7, 7)); // overwrite of an existing component is not structural
            world.GetTable(table).Span(Cell)[1] = 9;
            Assert.That(world.Has<Health>(e), Is.True);
            Assert.That(world.Query(ComponentSet.Of<Position>()).Count(), Is.EqualTo(1));
        }

        Assert.That(world.Get<Health>(e).Value, Is.EqualTo(5));
        Assert.That(world.Get<Position>(e).X, Is.EqualTo(7f));
        Assert.That(world.GetTable(table).Span(Cell)[1], Is.EqualTo(9));
    }

    [Test]
    public void Lock_IsReleasedAfterForeach()
    {
        world.Create(new Position());
        foreach (var _ in world.Query(ComponentSet.Of<Position>()))
            Assert.That(world.IsIterating, Is.True);

        Assert.That(world.IsIterating, Is.False);
        Assert.That(() => world.Create(new Position()), Throws.Nothing);
    }

    [Test]
    public void Lock_IsReleasedAfterBreak()
    {
        world.Create(new Position());
        world.Create(new Position(), new Velocity());
        foreach (var _ in world.Query(ComponentSet.Of<Position>()))
            break;

        Assert.That(world.IsIterating, Is.False);
        Assert.That(() => world.Create(new Position()), Throws.Nothing);
    }

    [Test]
    public void Lock_IsReleasedAfterAnEmptyQuery()
    {
        int visited = 0;
        foreach (var _ in world.Query(ComponentSet.Of<Mass>()))
            visited++;

        Assert.That(visited, Is.Zero);
        Assert.That(world.IsIterating, Is.False);
    }

    [Test]
    public void Lock_IsReleasedWhenTheLoopBodyThrows()
    {
        world.Create(new Position());

        Assert.That(() =>
        {
            foreach (var _ in world.Query(ComponentSet.Of<Position>()))
                throw new FormatException("body failed");
        }, Throws.TypeOf<FormatException>());

        Assert.That(world.IsIterating, Is.False);
        Assert.That(() => world.Create(new Position()), Throws.Nothing);
    }

    [Test]
    public void Lock_IsReleasedWhenAStructuralChangeInTheBodyThrows()
    {
        var e = world.Create(new Position());

        Assert.That(() =>
        {
            foreach (var _ in world.Query(ComponentSet.Of<Position>()))
                world.Destroy(e);
        }, Throws.InvalidOperationException.With.Message.Contains("Structural change during a query"));

        Assert.That(world.IsIterating, Is.False);
        Assert.That(() => world.Destroy(e), Throws.Nothing);
        Assert.That(world.IsAlive(e), Is.False);
    }

    [Test]
    public void NestedQueries_HoldTheLockUntilTheOuterOneEnds()
    {
        world.Create(new Position(), new Velocity());
        int inner = 0;
        foreach (var _ in world.Query(ComponentSet.Of<Position>()))
        {
            foreach (var __ in world.Query(ComponentSet.Of<Velocity>()))
                inner++;
            Assert.That(world.IsIterating, Is.True);
            Assert.That(() => world.Create(new Mass()), Throws.InvalidOperationException);
        }

        Assert.That(inner, Is.EqualTo(1));
        Assert.That(world.IsIterating, Is.False);
    }

    [Test]
    public void Enumerator_DisposeTwice_ReleasesOnce()
    {
        world.Create(new Position());
        var outer = world.Query(ComponentSet.Of<Position>()).GetEnumerator();
        var inner = world.Query(ComponentSet.Of<Position>()).GetEnumerator();
        inner.Dispose();
        inner.Dispose();

        Assert.That(world.IsIterating, Is.True, "the outer enumerator still holds the lock");
        outer.Dispose();
        Assert.That(world.IsIterating, Is.False);
    }
}
