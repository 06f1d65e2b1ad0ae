using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class CommandBufferTests
{
    private static readonly ColumnKey<float> Value = new ColumnKey<float>("tests.engine.commands.value");

    private struct Big : IComponent
    {
        public static string StableName => "tests.engine.commandBuffer.big";

        public long A, B, C, D, E, F, G, H;

        public static Big Of(long seed) => new()
        {
            A = seed, B = seed + 1, C = seed + 2, D = seed + 3, E = seed + 4, F = seed + 5, G = seed + 6, H = -seed,
        };
    }

    private World world = null!;
    private CommandBuffer commands = null!;

    [SetUp]
    public void SetUp()
    {
        world = new World(seed: 11);
        commands = world.Commands;
    }

    [TearDown]
    public void TearDown() => world.Dispose();

    [Test]
    public void CreatedEntity_HasAHandleAtOnce_ButIsAliveOnlyAfterPlayback()
    {
        var e = commands.Create(ComponentSet.Of<Position>());

        Assert.That(e.IsNull, Is.False);
        Assert.That(world.IsAlive(e), Is.False);
        Assert.That(world.EntityCount, Is.Zero);
        Assert.That(commands.Count, Is.EqualTo(1));
        Assert.That(() => world.Get<Position>(e), Throws.InvalidOperationException);

        commands.Playback();

        Assert.That(world.IsAlive(e), Is.True);
        Assert.That(world.EntityCount, Is.EqualTo(1));
        Assert.That(world.Get<Position>(e), Is.EqualTo(default(Position)));
        Assert.That(commands.Count, Is.Zero);
    }

    [Test]
    public void ReservedHandles_AreDistinctFromEachOtherAndFromDirectCreates()
    {
        var a = commands.Create(ComponentSet.Of<Position>());
        var direct = world.Create(new Position(5, 5));
        var b = commands.Create(ComponentSet.Of<Position>());

        Assert.That(new[] { a, direct, b }.Select(h => h.Index).Distinct().Count(), Is.EqualTo(3));
        commands.Playback();
        Assert.That(world.IsAlive(a) && world.IsAlive(b) && world.IsAlive(direct), Is.True);
        Assert.That(world.Get<Position>(direct), Is.EqualTo(new Position(5, 5)));
    }

    [Test]
    public void CreateThenSet_AppliesValuesInOrder()
    {
        var e = commands.Create(ComponentSet.Of<Position>());
        commands.Set(e, new Position(1, 2));
        commands.Set(e, new Velocity(3, 4)); // added: not in the created set
        commands.Set(e, new Position(5, 6)); // the later set wins

        commands.Playback();

        Assert.That(world.Get<Position>(e), Is.EqualTo(new Position(5, 6)));
        Assert.That(world.Get<Velocity>(e), Is.EqualTo(new Velocity(3, 4)));
        Assert.That(world.Locate(e).Table.Set, Is.EqualTo(ComponentSet.Of<Position, Velocity>()));
    }

    [Test]
    public void CreateSetDestroy_LeavesNothingAlive()
    {
        var e = commands.Create(ComponentSet.Of<Position>());
        commands.Set(e, new Position(1, 2));
        commands.Destroy(e);

        commands.Playback();

        Assert.That(world.IsAlive(e), Is.False);
        Assert.That(world.EntityCount, Is.Zero);
        Assert.That(world.Query(ComponentSet.Of<Position>()).Count(), Is.Zero);
    }

    [Test]
    public void SetAfterDestroy_FailsAtPlayback_BecauseOrderIsKept()
    {
        var e = world.Create(new Position(1, 1));
        commands.Destroy(e);
        commands.Set(e, new Position(2, 2));

        Assert.That(() => commands.Playback(), Throws.InvalidOperationException.With.Message.Contains("not alive"));
        Assert.That(world.IsAlive(e), Is.True, "the failing batch is dropped whole, its destroy too");
        Assert.That(world.Get<Position>(e), Is.EqualTo(new Position(1, 1)));
        Assert.That(commands.Count, Is.Zero, "a failed playback still empties the buffer");
    }

    [Test]
    public void SetThenRemove_AndRemoveThenSet_FollowRecordingOrder()
    {
        var a = world.Create(new Position(1, 1));
        var b = world.Create(new Position(1, 1), new Velocity(1, 1));

        commands.Set(a, new Velocity(2, 2));
        commands.Remove<Velocity>(a);
        commands.Remove<Velocity>(b);
        commands.Set(b, new Velocity(3, 3));
        commands.Playback();

        Assert.That(world.Has<Velocity>(a), Is.False);
        Assert.That(world.Has<Velocity>(b), Is.True);
        Assert.That(world.Get<Velocity>(b), Is.EqualTo(new Velocity(3, 3)));
        Assert.That(world.Get<Position>(a), Is.EqualTo(new Position(1, 1)));
    }

    [Test]
    public void Remove_MissingComponent_FailsAtPlayback()
    {
        var e = world.Create(new Position(1, 1));
        commands.Remove<Velocity>(e);

        Assert.That(() => commands.Playback(), Throws.TypeOf<KeyNotFoundException>());
        Assert.That(world.Has<Position>(e), Is.True);
    }

    [Test]
    public void Set_OnExistingEntity_OverwritesOrAdds()
    {
        var e = world.Create(new Position(1, 1), new Health(1));
        var table = world.Locate(e).Table;

        commands.Set(e, new Health(9));
        commands.Playback();
        Assert.That(world.Get<Health>(e).Value, Is.EqualTo(9));
        Assert.That(world.Locate(e).Table, Is.SameAs(table));

        commands.Set(e, new Mass(2.5));
        commands.Playback();
        Assert.That(world.Get<Mass>(e).Value, Is.EqualTo(2.5));
        Assert.That(world.Get<Position>(e), Is.EqualTo(new Position(1, 1)));
        Assert.That(world.Get<Health>(e).Value, Is.EqualTo(9));
    }

    [Test]
    public void ManyCommands_GrowTheBuffersAndKeepEveryPayload()
    {
        var entities = Enumerable.Range(0, 50).Select(_ => commands.Create(ComponentSet.Empty)).ToArray();
        for (int i = 0; i < entities.Length; i++)
        {
            commands.Set(entities[i], Big.Of(i));
            commands.Set(entities[i], new Health(i));
        }

        Assert.That(commands.Count, Is.EqualTo(150));
        commands.Playback();

        for (int i = 0; i < entities.Length; i++)
        {
            Assert.That(world.Get<Big>(entities[i]), Is.EqualTo(Big.Of(i)));
            Assert.That(world.Get<Health>(entities[i]).Value, Is.EqualTo(i));
        }
    }

    [Test]
    public void SetPayload_IsCopiedAtRecordingTime()
    {
        var e = world.Create(new Position(0, 0));
        var value = new Position(1, 1);
        commands.Set(e, value);
        value.X = 100;

        commands.Playback();

        Assert.That(world.Get<Position>(e).X, Is.EqualTo(1f));
    }

    [Test]
    public void RowCommands_ApplyInRecordingOrder()
    {
        var owner = world.Create(new Health(1));
        var handle = world.CreateTable(ComponentSet.Of(Value), owner, 4);
        var table = world.GetTable(handle);
        for (int i = 0; i < 4; i++)
            table.Span(Value)[i] = i + 1;

        commands.AddRows(handle, 2);       // 1 2 3 4 0 0
        commands.RemoveRows(handle, 1, 2); // 1 4 0 0
        commands.Resize(handle, 3);        // 1 4 0
        commands.AddRows(handle, 1);       // 1 4 0 0
        Assert.That(table.Count, Is.EqualTo(4), "nothing applied before playback");

        commands.Playback();

        Assert.That(table.Span(Value).ToArray(), Is.EqualTo(new float[] { 1, 4, 0, 0 }));
    }

    [Test]
    public void RowCommands_OnTheTableOfAnEntityCreatedAndDestroyedInTheSameBuffer()
    {
        var owner = world.Create(new Health(1));
        var handle = world.CreateTable(ComponentSet.Of(Value), owner, 1);

        commands.AddRows(handle, 3);
        commands.Destroy(owner);
        commands.AddRows(handle, 1);

        Assert.That(() => commands.Playback(), Throws.InvalidOperationException.With.Message.Contains("stale"));
        // All or nothing: the failing batch is dropped whole, so the owner and its table are untouched.
        Assert.That(world.IsAlive(owner), Is.True);
        Assert.That(world.IsAlive(handle), Is.True);
        Assert.That(world.GetTable(handle).Count, Is.EqualTo(1));
    }

    [Test]
    public void RowCommands_RejectNegativeCountsWhenRecorded()
    {
        var owner = world.Create(new Health(1));
        var handle = world.CreateTable(ComponentSet.Of(Value), owner, 1);

        Assert.That(() => commands.AddRows(handle, -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => commands.Resize(handle, -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(commands.Count, Is.Zero);
    }

    [Test]
    public void MixedEntityAndRowCommands_KeepOneGlobalOrder()
    {
        var owner = world.Create(new Health(1));
        var handle = world.CreateTable(ComponentSet.Of(Value), owner, 0);

        var created = commands.Create(ComponentSet.Of<Position>());
        commands.AddRows(handle, 5);
        commands.Set(created, new Position(3, 3));
        commands.Resize(handle, 2);
        commands.Playback();

        Assert.That(world.GetTable(handle).Count, Is.EqualTo(2));
        Assert.That(world.Get<Position>(created), Is.EqualTo(new Position(3, 3)));
    }

    [Test]
    public void Clear_DropsEverything()
    {
        var e = world.Create(new Position(1, 1));
        var reserved = commands.Create(ComponentSet.Of<Position>());
        commands.Destroy(e);
        commands.Set(e, new Health(1));

        commands.Clear();
        commands.Playback();

        Assert.That(commands.Count, Is.Zero);
        Assert.That(world.IsAlive(e), Is.True);
        Assert.That(world.Has<Health>(e), Is.False);
        Assert.That(world.IsAlive(reserved), Is.False);
    }

    [Test]
    public void Clear_FreesTheReservedSlot_ForTheNextEntity()
    {
        var reserved = commands.Create(ComponentSet.Of<Position>());
        commands.Clear();

        var next = world.Create(new Position(2, 2));

        Assert.That(next.Index, Is.EqualTo(reserved.Index));
        Assert.That(next.Generation, Is.GreaterThan(reserved.Generation));
        Assert.That(world.IsAlive(reserved), Is.False);
    }

    [Test]
    public void Playback_OfAnEmptyBuffer_IsANoOp()
    {
        var e = world.Create(new Position(1, 1));

        commands.Playback();
        commands.Playback();

        Assert.That(world.EntityCount, Is.EqualTo(1));
        Assert.That(world.IsAlive(e), Is.True);
    }

    [Test]
    public void Playback_WithAFailingCommand_AppliesNoneOfTheBatch()
    {
        var kept = world.Create(new Position(1, 1));
        var a = commands.Create(ComponentSet.Of<Position>());
        commands.Set(kept, new Health(3));
        commands.Destroy(Entity.Null);
        var b = commands.Create(ComponentSet.Of<Position>());

        Assert.That(() => commands.Playback(),
            Throws.InvalidOperationException.With.Message.Contains("Command 3 of 4 (Destroy)").And.Message.Contains("not alive"));

        Assert.That(world.IsAlive(a), Is.False);
        Assert.That(world.IsAlive(b), Is.False);
        Assert.That(world.Has<Health>(kept), Is.False);
        Assert.That(world.EntityCount, Is.EqualTo(1));
        Assert.That(commands.Count, Is.Zero);
        // The buffer is usable again, and the dropped creates' handles stay dead.
        var c = commands.Create(ComponentSet.Of<Position>());
        commands.Playback();
        Assert.That(world.IsAlive(c), Is.True);
        Assert.That(world.IsAlive(a), Is.False);
    }

    [Test]
    public void Playback_ChecksRowsAgainstTheCountEarlierCommandsLeave()
    {
        var owner = world.Create(new Health(1));
        var handle = world.CreateTable(ComponentSet.Of(Value), owner, 2);
        world.GetTable(handle).Span(Value)[1] = 7;

        commands.AddRows(handle, 3);    // 5 rows
        commands.RemoveRows(handle, 0, 4); // 1 row: fine only because of the add
        commands.Playback();
        Assert.That(world.GetTable(handle).Count, Is.EqualTo(1));

        commands.AddRows(handle, 1);    // 2 rows
        commands.Resize(handle, 1);     // 1 row
        commands.RemoveRows(handle, 0, 2);
        Assert.That(() => commands.Playback(),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Command 3 of 3 (RemoveRows)"));
        Assert.That(world.GetTable(handle).Count, Is.EqualTo(1), "nothing of the failing batch is applied");
    }

    [Test]
    public void Playback_RemoveOfAComponentAddedEarlierInTheBatch_Succeeds_AndOfAMissingOne_DropsTheBatch()
    {
        var e = world.Create(new Position(1, 1));
        commands.Set(e, new Health(2));
        commands.Remove<Health>(e);
        commands.Playback();
        Assert.That(world.Has<Health>(e), Is.False);

        commands.Set(e, new Position(5, 5));
        commands.Remove<Health>(e);
        Assert.That(() => commands.Playback(), Throws.TypeOf<KeyNotFoundException>());
        Assert.That(world.Get<Position>(e), Is.EqualTo(new Position(1, 1)));
    }

    [Test]
    public void Playback_ACreateAfterADestroyOfTheSameBatch_KeepsBothHandlesApart()
    {
        var old = world.Create(new Position(1, 1));
        commands.Destroy(old);
        var created = commands.Create(ComponentSet.Of<Position>());
        commands.Set(created, new Position(2, 2));
        commands.Set(old, new Health(1)); // the destroyed one: fails
        Assert.That(() => commands.Playback(), Throws.InvalidOperationException.With.Message.Contains("not alive"));
        Assert.That(world.IsAlive(old), Is.True);
        Assert.That(world.IsAlive(created), Is.False);
    }

    [Test]
    public void Playback_DuringQuery_ThrowsAndKeepsTheCommands()
    {
        var e = world.Create(new Position(1, 1));
        commands.Set(e, new Health(4));

        Exception? thrown = null;
        foreach (var _ in world.Query(ComponentSet.Of<Position>()))
            thrown = Capture.Exception(commands.Playback);

        Assert.That(thrown, Is.TypeOf<InvalidOperationException>());
        Assert.That(thrown!.Message, Does.Contain("Structural change during a query"));
        Assert.That(commands.Count, Is.EqualTo(1));
        commands.Playback();
        Assert.That(world.Get<Health>(e).Value, Is.EqualTo(4));
    }

    [Test]
    public void Recording_DuringQuery_IsAllowed_AndAppliedAfterwards()
    {
        for (int i = 0; i < 5; i++)
            world.Create(new Position(i, 0));

        var created = new List<Entity>();
        foreach (var table in world.Query(ComponentSet.Of<Position>()))
        {
            var entities = table.Entities;
            var positions = table.Span<Position>();
            for (int row = 0; row < table.Count; row++)
            {
                if (positions[row].X % 2 == 0)
                    commands.Destroy(entities[row]);
                created.Add(commands.Create(ComponentSet.Of<Velocity>()));
            }
        }

        Assert.That(world.EntityCount, Is.EqualTo(5));
        commands.Playback();

        Assert.That(world.Query(ComponentSet.Of<Position>()).Count(), Is.EqualTo(2));
        Assert.That(world.Query(ComponentSet.Of<Velocity>()).Count(), Is.EqualTo(5));
        Assert.That(created.All(world.IsAlive), Is.True);
    }

    [Test]
    public void Destroy_OfAHandleWhoseCreateWasCleared_FailsAtPlayback()
    {
        var reserved = commands.Create(ComponentSet.Of<Position>());
        commands.Clear();
        commands.Destroy(reserved);

        Assert.That(() => commands.Playback(), Throws.InvalidOperationException.With.Message.Contains("not alive"));
    }

    [Test]
    public void SteadyStateRecording_AllocatesNothing()
    {
        var e = world.Create(new Position(0, 0), new Health(0));
        for (int i = 0; i < 10; i++)
        {
            commands.Set(e, new Health(i));
            commands.Set(e, new Position(i, i));
            commands.Playback();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            commands.Set(e, new Health(i));
            commands.Set(e, new Position(i, i));
            commands.Playback();
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(world.Get<Health>(e).Value, Is.EqualTo(999));
    }
}
