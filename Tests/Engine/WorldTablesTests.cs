using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

/// <summary>Population tables of a world (World.Tables.cs): owners, handles, column exchange.</summary>
[TestFixture]
public class WorldTablesTests
{
    private static ColumnKey<int> Cell => WorldTests.Cell;

    private static ColumnKey<float> Load => WorldTests.Load;

    private World world = null!;

    [SetUp]
    public void SetUp() => world = new World(seed: 99);

    [TearDown]
    public void TearDown() => world.Dispose();

    [Test]
    public void CreateTable_RequiresALiveOwner()
    {
        var owner = world.Create(new Health(1));
        world.Destroy(owner);

        Assert.That(() => world.CreateTable(ComponentSet.Of(Cell), owner), Throws.InvalidOperationException);
        Assert.That(() => world.CreateTable(ComponentSet.Of(Cell), Entity.Null), Throws.InvalidOperationException);
    }

    [Test]
    public void DangerousExchangeColumnArrays_SwapsStorage_AndHandsTheOldArraysBack()
    {
        var owner = world.Create(new Health(1));
        var handle = world.CreateTable(ComponentSet.Of(Cell, Load), owner, 3);
        world.GetTable(handle).Span(Cell)[1] = 7;
        int[] cells = [10, 20, 0, 0, 0];
        float[] loads = [0.5f, 1.5f, 0, 0, 0];

        world.DangerousExchangeColumnArrays(handle, Cell, ref cells, Load, ref loads, 2);

        var table = world.GetTable(handle);
        Assert.That(table.Count, Is.EqualTo(2));
        Assert.That(table.Capacity, Is.EqualTo(5));
        Assert.That(table.Span(Cell).ToArray(), Is.EqualTo(new[] { 10, 20 }));
        Assert.That(table.Span(Load).ToArray(), Is.EqualTo(new[] { 0.5f, 1.5f }));
        Assert.That(cells[1], Is.EqualTo(7), "the old array comes back");
        world.ResizeTable(handle, 4); // growth past the count finds zeroed rows
        Assert.That(world.GetTable(handle).Span(Cell).ToArray(), Is.EqualTo(new[] { 10, 20, 0, 0 }));
    }

    [Test]
    public void DangerousExchangeColumnArrays_RejectsMismatchedArrays_AndOtherTables()
    {
        var owner = world.Create(new Health(1));
        var two = world.CreateTable(ComponentSet.Of(Cell, Load), owner, 3);
        var one = world.CreateTable(ComponentSet.Of(Cell), owner, 3);
        int[] cells = new int[4];
        float[] loads = new float[5];
        Assert.That(() => world.DangerousExchangeColumnArrays(two, Cell, ref cells, Load, ref loads, 2), Throws.ArgumentException);
        loads = new float[4];
        Assert.That(() => world.DangerousExchangeColumnArrays(two, Cell, ref cells, Load, ref loads, 5), Throws.ArgumentException);
        Assert.That(() => world.DangerousExchangeColumnArrays(one, Cell, ref cells, Load, ref loads, 2), Throws.InvalidOperationException);
        Assert.That(world.GetTable(two).Count, Is.EqualTo(3), "nothing changed");
    }

    [Test]
    public void CreateTable_NegativeRows_Throws()
    {
        var owner = world.Create(new Health(1));

        Assert.That(() => world.CreateTable(ComponentSet.Of(Cell), owner, -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void DestroyingTheOwner_DestroysItsTablesOnly()
    {
        var owner = world.Create(new Health(1));
        var bystander = world.Create(new Health(2));
        var owned1 = world.CreateTable(ComponentSet.Of(Cell), owner, 4);
        var owned2 = world.CreateTable(ComponentSet.Of(Cell), owner, 2);
        var kept = world.CreateTable(ComponentSet.Of(Cell), bystander, 3);
        world.GetTable(kept).Span(Cell)[0] = 17;

        world.Destroy(owner);

        Assert.That(world.IsAlive(owned1), Is.False);
        Assert.That(world.IsAlive(owned2), Is.False);
        Assert.That(() => world.GetTable(owned1), Throws.InvalidOperationException.With.Message.Contains("stale"));
        Assert.That(() => world.AddRows(owned2, 1), Throws.InvalidOperationException);
        Assert.That(world.IsAlive(kept), Is.True);
        Assert.That(world.GetTable(kept).Span(Cell)[0], Is.EqualTo(17));
        Assert.That(world.Tables().Count(t => !t.HoldsEntities), Is.EqualTo(1));
    }

    [Test]
    public void TableSlotReuse_BumpsTheGeneration()
    {
        var owner = world.Create(new Health(1));
        var old = world.CreateTable(ComponentSet.Of(Cell), owner);
        world.Destroy(owner);
        var owner2 = world.Create(new Health(2));

        var fresh = world.CreateTable(ComponentSet.Of(Cell), owner2);

        Assert.That(fresh.Index, Is.EqualTo(old.Index));
        Assert.That(fresh.Generation, Is.GreaterThan(old.Generation));
        Assert.That(world.IsAlive(old), Is.False);
        Assert.That(world.IsAlive(fresh), Is.True);
        Assert.That(world.GetTable(fresh).Owner, Is.EqualTo(owner2));
    }

    [Test]
    public void NullTableHandle_IsNeverAlive()
    {
        Assert.That(world.IsAlive(TableHandle.Null), Is.False);
        Assert.That(world.IsAlive(new TableHandle(500, 1)), Is.False);
        Assert.That(() => world.GetTable(TableHandle.Null), Throws.InvalidOperationException);
    }

    [Test]
    public void ArchetypeTables_RefuseRowOperations()
    {
        var e = world.Create(new Health(1));
        var handle = world.Locate(e).Table.Handle;

        Assert.That(world.GetTable(handle), Is.SameAs(world.Locate(e).Table));
        Assert.That(() => world.AddRows(handle, 1), Throws.InvalidOperationException.With.Message.Contains("archetype"));
        Assert.That(() => world.RemoveRows(handle, 0, 1), Throws.InvalidOperationException);
        Assert.That(() => world.ResizeTable(handle, 3), Throws.InvalidOperationException);
        Assert.That(() => world.ReserveRows(handle, 30), Throws.InvalidOperationException);
        Assert.That(world.IsAlive(e), Is.True);
    }

    [Test]
    public void Tables_ListsArchetypesAndPopulationsInHandleOrder()
    {
        var owner = world.Create(new Health(1));
        var population = world.CreateTable(ComponentSet.Of(Cell), owner, 1);
        world.Create(new Position(1, 1));

        var tables = world.Tables().ToList();

        Assert.That(tables.Select(t => t.Handle.Index), Is.Ordered);
        Assert.That(tables, Has.Count.EqualTo(3));
        Assert.That(tables.Count(t => t.HoldsEntities), Is.EqualTo(world.Archetypes.Count));
        Assert.That(tables.Single(t => !t.HoldsEntities).Handle, Is.EqualTo(population));
    }
}
