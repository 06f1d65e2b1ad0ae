using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class OwnerQueryTests
{
    private static readonly ColumnKey<int> Rows = new("tests.owners.rows");

    [Test]
    public void OwnersMayChangeTheirPopulationTables_WhileEnumerated()
    {
        using var world = new World();
        var a = world.Create(new Position { X = 1 });
        var b = world.Create(new Position { X = 2 });
        world.Create(new Velocity());
        var tables = new[] { world.CreateTable(ComponentSet.Of(Rows), a), world.CreateTable(ComponentSet.Of(Rows), b) };

        var seen = new List<float>();
        foreach (var owners in world.QueryOwners(ComponentSet.Of<Position>()))
        {
            for (int row = 0; row < owners.Count; row++)
            {
                seen.Add(owners.Span<Position>()[row].X);
                world.ResizeTable(tables[row], 3 + row);
            }
        }

        Assert.That(seen, Is.EqualTo(new[] { 1f, 2f }));
        Assert.That(world.GetTable(tables[0]).Count, Is.EqualTo(3));
        Assert.That(world.GetTable(tables[1]).Count, Is.EqualTo(4));
        Assert.That(world.IsIterating, Is.False);
    }

    [Test]
    public void CreatingOrDestroyingOwners_WhileEnumerated_Throws()
    {
        using var world = new World();
        var first = world.Create(new Position());
        world.Create(new Position());
        Assert.That(() =>
        {
            foreach (var _ in world.QueryOwners(ComponentSet.Of<Position>()))
                world.Create(new Position());
        }, Throws.InvalidOperationException.With.Message.Contains("while their owners were enumerated"));
        Assert.That(() =>
        {
            foreach (var _ in world.QueryOwners(ComponentSet.Of<Position>()))
                world.Destroy(first);
        }, Throws.InvalidOperationException);
    }
}
