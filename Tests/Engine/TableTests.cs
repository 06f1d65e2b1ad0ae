using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class TableTests
{
    // Named columns of a population table: two columns may share an element type.
    private static readonly ColumnKey<float> Weight = new ColumnKey<float>("tests.engine.table.weight");
    private static readonly ColumnKey<short> Low = new ColumnKey<short>("tests.engine.table.low");
    private static readonly ColumnKey<short> High = new ColumnKey<short>("tests.engine.table.high");
    private static readonly ColumnKey<int> Unused = new ColumnKey<int>("tests.engine.table.unused");

    private static readonly ComponentSet PopulationColumns = ComponentSet.Of(Weight, Low, High);

    private World world = null!;
    private Entity owner;

    [SetUp]
    public void SetUp()
    {
        world = new World(seed: 1);
        owner = world.Create(ComponentSet.Of<Health>());
    }

    [TearDown]
    public void TearDown() => world.Dispose();

    private Table NewPopulation(int rows, out TableHandle handle)
    {
        handle = world.CreateTable(PopulationColumns, owner, rows);
        return world.GetTable(handle);
    }

    private static void FillWeights(Table table, float offset = 0)
    {
        var weights = table.Span(Weight);
        for (int i = 0; i < weights.Length; i++)
            weights[i] = i + offset;
    }

    // ------------------------------------------------------------ archetype tables

    [Test]
    public void Archetype_IsKeyedByTheValueOfItsSet_WhateverTheAddOrder()
    {
        var a = world.Create(new Position(1, 1));
        world.Add(a, new Velocity(1, 0));
        var b = world.Create(new Velocity(2, 0));
        world.Add(b, new Position(2, 2));
        var c = world.Create(new Velocity(3, 0), new Position(3, 3));
        var d = world.Create(ComponentSet.Of<Position, Velocity>());

        var table = world.Locate(a).Table;
        Assert.That(world.Locate(b).Table, Is.SameAs(table));
        Assert.That(world.Locate(c).Table, Is.SameAs(table));
        Assert.That(world.Locate(d).Table, Is.SameAs(table));
        Assert.That(table.Count, Is.EqualTo(4));
        Assert.That(table.HoldsEntities, Is.True);
        Assert.That(table.Owner.IsNull, Is.True);
        Assert.That(table.Set, Is.EqualTo(ComponentSet.Of<Position, Velocity>()));
        Assert.That(world.Archetypes.Count(t => t.Set == ComponentSet.Of<Position, Velocity>()), Is.EqualTo(1));
    }

    [Test]
    public void Archetype_HasOneContiguousArrayPerComponent()
    {
        var entities = new Entity[10];
        for (int i = 0; i < entities.Length; i++)
            entities[i] = world.Create(new Position(i, -i), new Velocity(i * 10, 0));
        var table = world.Locate(entities[0]).Table;

        var positions = table.Span<Position>();
        var velocities = table.Span<Velocity>();
        Assert.That(positions.Length, Is.EqualTo(10));
        Assert.That(velocities.Length, Is.EqualTo(10));
        for (int i = 0; i < entities.Length; i++)
        {
            int row = world.Locate(entities[i]).Row;
            Assert.That(Unsafe.AreSame(ref world.Get<Position>(entities[i]), ref Unsafe.Add(ref MemoryMarshal.GetReference(positions), row)), Is.True);
            Assert.That(Unsafe.AreSame(ref world.Get<Velocity>(entities[i]), ref velocities[row]), Is.True);
            Assert.That(positions[row].X, Is.EqualTo((float)i));
            Assert.That(table.Entities[row], Is.EqualTo(entities[i]));
        }

        // The span is a window on the column's one backing array.
        Assert.That(Unsafe.AreSame(ref positions[0], ref table.TypedColumn(ComponentType<Position>.Key).DangerousGetArray()[0]), Is.True);
        Assert.That(table.TypedColumn(ComponentType<Position>.Key).Capacity, Is.EqualTo(table.Capacity));
        Assert.That(table.ColumnIds.ToArray(), Is.EqualTo(ComponentSet.Of<Position, Velocity>().ToIds()));
    }

    [Test]
    public void Archetype_SwapBackRemoval_KeepsOtherHandlesAndValues()
    {
        var entities = new List<Entity>();
        for (int i = 0; i < 12; i++)
            entities.Add(world.Create(new Position(i, i * 2)));
        var table = world.Locate(entities[0]).Table;

        foreach (int victim in new[] { 0, 11, 5, 6 })
            world.Destroy(entities[victim]);
        var survivors = Enumerable.Range(0, 12).Except([0, 11, 5, 6]).ToArray();

        Assert.That(table.Count, Is.EqualTo(survivors.Length));
        var rows = new HashSet<int>();
        foreach (int i in survivors)
        {
            Assert.That(world.IsAlive(entities[i]), Is.True);
            Assert.That(world.Get<Position>(entities[i]).X, Is.EqualTo((float)i));
            Assert.That(world.Get<Position>(entities[i]).Y, Is.EqualTo((float)(i * 2)));
            var (located, row) = world.Locate(entities[i]);
            Assert.That(located, Is.SameAs(table));
            Assert.That(row, Is.InRange(0, table.Count - 1));
            Assert.That(table.Entities[row], Is.EqualTo(entities[i]));
            rows.Add(row);
        }

        Assert.That(rows, Has.Count.EqualTo(survivors.Length));
        Assert.That(table.Entities.ToArray(), Is.EquivalentTo(survivors.Select(i => entities[i])));
    }

    [Test]
    public void Archetype_RowFreedByRemoval_IsZeroedForTheNextEntity()
    {
        var a = world.Create(new Position(7, 7), new Velocity(7, 7));
        var b = world.Create(new Position(8, 8), new Velocity(8, 8));
        world.Destroy(b);
        world.Destroy(a);

        var fresh = world.Create(ComponentSet.Of<Position, Velocity>());
        var second = world.Create(ComponentSet.Of<Position, Velocity>());

        Assert.That(world.Get<Position>(fresh), Is.EqualTo(default(Position)));
        Assert.That(world.Get<Velocity>(second), Is.EqualTo(default(Velocity)));
    }

    [Test]
    public void Archetype_GrowthPreservesData()
    {
        var entities = new Entity[1000];
        for (int i = 0; i < entities.Length; i++)
            entities[i] = world.Create(new Mass(i * 0.5));
        var table = world.Locate(entities[0]).Table;

        Assert.That(table.Capacity, Is.GreaterThanOrEqualTo(1000));
        for (int i = 0; i < entities.Length; i++)
            Assert.That(world.Get<Mass>(entities[i]).Value, Is.EqualTo(i * 0.5));
    }

    [Test]
    public void Archetype_MissingColumn_ThrowsKeyNotFound()
    {
        var e = world.Create(new Position(1, 2));
        var table = world.Locate(e).Table;

        Assert.That(() => table.Span<Velocity>().Length, Throws.TypeOf<KeyNotFoundException>().With.Message.Contains(ComponentType<Velocity>.Key.Name));
        Assert.That(() => table.GetColumn(ComponentType<Velocity>.Id), Throws.TypeOf<KeyNotFoundException>());
        Assert.That(() => table.GetColumn(-1), Throws.TypeOf<KeyNotFoundException>());
        Assert.That(table.Has(ComponentType<Position>.Key), Is.True);
        Assert.That(table.Has(ComponentType<Velocity>.Key), Is.False);
    }

    // ------------------------------------------------------------ population tables

    [Test]
    public void Population_IsOwnedAndHasNamedColumns()
    {
        var table = NewPopulation(5, out var handle);

        Assert.That(table.Handle, Is.EqualTo(handle));
        Assert.That(table.HoldsEntities, Is.False);
        Assert.That(table.Owner, Is.EqualTo(owner));
        Assert.That(table.Count, Is.EqualTo(5));
        Assert.That(table.Entities.Length, Is.Zero);
        Assert.That(table.Has(Low) && table.Has(High) && table.Has(Weight), Is.True);
        Assert.That(table.Has(Unused), Is.False);
        Assert.That(table.Span(Low).Length, Is.EqualTo(5));
        Assert.That(table.GetColumn(Weight.Id), Is.SameAs(table.TypedColumn(Weight)));
        Assert.That(() => table.Span(Unused).Length, Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("tests.engine.table.unused"));
    }

    [Test]
    public void Population_ColumnsOfTheSameTypeAreSeparateArrays()
    {
        var table = NewPopulation(4, out _);
        table.Span(Low).Fill(1);
        table.Span(High).Fill(2);

        Assert.That(table.Span(Low).ToArray(), Is.All.EqualTo((short)1));
        Assert.That(table.Span(High).ToArray(), Is.All.EqualTo((short)2));
        Assert.That(table.TypedColumn(Low).DangerousGetArray(), Is.Not.SameAs(table.TypedColumn(High).DangerousGetArray()));
    }

    [Test]
    public void Population_NewRowsAreZero()
    {
        var table = NewPopulation(3, out var handle);
        Assert.That(table.Span(Weight).ToArray(), Is.All.Zero);

        FillWeights(table, 1);
        int first = world.AddRows(handle, 4);

        Assert.That(first, Is.EqualTo(3));
        Assert.That(table.Span(Weight).ToArray(), Is.EqualTo(new float[] { 1, 2, 3, 0, 0, 0, 0 }));
        Assert.That(table.Span(Low).ToArray(), Is.All.EqualTo((short)0));
    }

    [Test]
    public void Population_StableRemoval_KeepsOrderAndZeroesTheFreedTail()
    {
        var table = NewPopulation(8, out var handle);
        FillWeights(table);
        var lows = table.Span(Low);
        for (int i = 0; i < lows.Length; i++)
            lows[i] = (short)(100 + i);

        world.RemoveRows(handle, 2, 3);

        Assert.That(table.Count, Is.EqualTo(5));
        Assert.That(table.Span(Weight).ToArray(), Is.EqualTo(new float[] { 0, 1, 5, 6, 7 }));
        Assert.That(table.Span(Low).ToArray(), Is.EqualTo(new short[] { 100, 101, 105, 106, 107 }));

        // Rows past Count were cleared, so re-added rows come back zeroed.
        world.AddRows(handle, 3);
        Assert.That(table.Span(Weight).ToArray(), Is.EqualTo(new float[] { 0, 1, 5, 6, 7, 0, 0, 0 }));
        Assert.That(table.Span(Low).ToArray()[5..], Is.All.EqualTo((short)0));
    }

    [TestCase(0, 8)]
    [TestCase(0, 0)]
    [TestCase(7, 1)]
    [TestCase(8, 0)]
    [TestCase(0, 1)]
    public void Population_StableRemoval_AtTheEdges(int start, int length)
    {
        var table = NewPopulation(8, out var handle);
        FillWeights(table);

        world.RemoveRows(handle, start, length);

        var expected = Enumerable.Range(0, 8).Where(i => i < start || i >= start + length).Select(i => (float)i).ToArray();
        Assert.That(table.Span(Weight).ToArray(), Is.EqualTo(expected));
    }

    [TestCase(-1, 1)]
    [TestCase(0, -1)]
    [TestCase(9, 0)]
    [TestCase(5, 4)]
    [TestCase(0, 9)]
    [TestCase(int.MaxValue, 2)]
    public void Population_RemovalOutsideTheRows_Throws_AndChangesNothing(int start, int length)
    {
        var table = NewPopulation(8, out var handle);
        FillWeights(table);
        int version = table.Version;

        Assert.That(() => world.RemoveRows(handle, start, length), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(table.Count, Is.EqualTo(8));
        Assert.That(table.Version, Is.EqualTo(version));
        Assert.That(table.Span(Weight).ToArray(), Is.EqualTo(Enumerable.Range(0, 8).Select(i => (float)i).ToArray()));
    }

    [Test]
    public void Population_GrowthPreservesData()
    {
        var table = NewPopulation(3, out var handle);
        FillWeights(table, 10);
        table.Span(High)[2] = -5;
        var before = table.TypedColumn(Weight).DangerousGetArray();

        world.AddRows(handle, 500);

        Assert.That(table.Count, Is.EqualTo(503));
        Assert.That(table.Capacity, Is.GreaterThanOrEqualTo(503));
        Assert.That(table.TypedColumn(Weight).DangerousGetArray(), Is.Not.SameAs(before));
        Assert.That(table.Span(Weight)[..3].ToArray(), Is.EqualTo(new float[] { 10, 11, 12 }));
        Assert.That(table.Span(High)[2], Is.EqualTo((short)-5));
        Assert.That(table.Span(Weight)[3..].ToArray(), Is.All.Zero);
    }

    [Test]
    public void Population_GrowsGeometrically()
    {
        var table = NewPopulation(0, out var handle);
        var capacities = new HashSet<int>();
        for (int i = 0; i < 10_000; i++)
        {
            world.AddRows(handle, 1);
            capacities.Add(table.Capacity);
        }

        Assert.That(table.Count, Is.EqualTo(10_000));
        Assert.That(capacities.Count, Is.LessThanOrEqualTo(14), "capacity should double, not grow by one");
    }

    [Test]
    public void Population_ReserveRows_AvoidsReallocation()
    {
        var table = NewPopulation(2, out var handle);
        FillWeights(table, 3);
        world.ReserveRows(handle, 1000);
        var array = table.TypedColumn(Weight).DangerousGetArray();

        Assert.That(table.Capacity, Is.GreaterThanOrEqualTo(1000));
        Assert.That(table.Count, Is.EqualTo(2));
        world.AddRows(handle, 998);

        Assert.That(table.TypedColumn(Weight).DangerousGetArray(), Is.SameAs(array));
        Assert.That(table.Span(Weight)[..2].ToArray(), Is.EqualTo(new float[] { 3, 4 }));
    }

    [Test]
    public void Population_ReserveRows_BelowCapacity_IsNoOp()
    {
        var table = NewPopulation(16, out var handle);
        int capacity = table.Capacity;

        world.ReserveRows(handle, 4);

        Assert.That(table.Capacity, Is.EqualTo(capacity));
        Assert.That(table.Count, Is.EqualTo(16));
    }

    [Test]
    public void Population_Resize_GrowsWithZeroesAndShrinksFromTheEnd()
    {
        var table = NewPopulation(4, out var handle);
        FillWeights(table, 1);

        world.ResizeTable(handle, 2);
        Assert.That(table.Span(Weight).ToArray(), Is.EqualTo(new float[] { 1, 2 }));

        world.ResizeTable(handle, 5);
        Assert.That(table.Span(Weight).ToArray(), Is.EqualTo(new float[] { 1, 2, 0, 0, 0 }));

        world.ResizeTable(handle, 5);
        Assert.That(table.Count, Is.EqualTo(5));

        world.ResizeTable(handle, 0);
        Assert.That(table.Count, Is.Zero);
        Assert.That(() => world.ResizeTable(handle, -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Population_AddRows_NegativeThrows_ZeroIsNoOp()
    {
        var table = NewPopulation(2, out var handle);

        Assert.That(() => world.AddRows(handle, -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(world.AddRows(handle, 0), Is.EqualTo(2));
        Assert.That(table.Count, Is.EqualTo(2));
    }

    [Test]
    public void Version_ChangesOnEveryStructuralChange()
    {
        var table = NewPopulation(2, out var handle);
        var seen = new List<int> { table.Version };

        world.AddRows(handle, 3);
        seen.Add(table.Version);
        world.RemoveRows(handle, 0, 1);
        seen.Add(table.Version);
        world.ResizeTable(handle, 10);
        seen.Add(table.Version);
        world.ResizeTable(handle, 1);
        seen.Add(table.Version);

        Assert.That(seen, Is.Unique);
    }

    [Test]
    public void RowBytes_ExposesTheRawColumn()
    {
        var table = NewPopulation(3, out _);
        table.Span(Weight)[1] = 1.5f;

        var bytes = table.GetColumn(Weight.Id).RowBytes(table.Count);

        Assert.That(bytes.Length, Is.EqualTo(12));
        Assert.That(BitConverter.ToSingle(bytes[4..8]), Is.EqualTo(1.5f));
        bytes[0..4].Clear();
        BitConverter.TryWriteBytes(bytes[8..12], 2.5f);
        Assert.That(table.Span(Weight)[2], Is.EqualTo(2.5f));
    }

    [Test]
    public void Population_WithNoColumns_StillCountsRows()
    {
        var handle = world.CreateTable(ComponentSet.Empty, owner, 3);
        var table = world.GetTable(handle);

        world.AddRows(handle, 2);

        Assert.That(table.Count, Is.EqualTo(5));
        Assert.That(table.ColumnIds.Length, Is.Zero);
    }
}
