using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class TableDeclarationTests
{
    private static readonly ColumnKey<int> Ids = new("tests.declaration.ids");
    private static readonly ColumnKey<double> Values = new("tests.declaration.values");
    private static readonly TableDeclaration Declared = new("tests.declaration", Ids, Values);

    [Test]
    public void Declaration_GivesTheSetAndTheColumns()
    {
        Assert.That(Declared.Set, Is.EqualTo(ComponentSet.Of(Ids, Values)));
        Assert.That(Declared.Columns, Is.EqualTo(new ColumnKey[] { Ids, Values }));
        Assert.That(Declared.ToString(), Does.Contain("tests.declaration").And.Contain("2 columns"));
    }

    [Test]
    public void BadDeclarations_AreRefused()
    {
        Assert.That(() => new TableDeclaration(" ", Ids), Throws.ArgumentException);
        Assert.That(() => new TableDeclaration("empty"), Throws.ArgumentException.With.Message.Contains("no columns"));
        Assert.That(() => new TableDeclaration("twice", Ids, Ids), Throws.ArgumentException.With.Message.Contains("twice"));
    }

    [Test]
    public void MoveRows_MovesEveryColumn_OverlapSafe_AndClearRowsZeroes()
    {
        using var world = new World();
        var owner = world.Create(ComponentSet.Of<Position>());
        var handle = world.CreateTable(Declared.Set, owner, 6);
        var table = world.GetTable(handle);
        for (int i = 0; i < 6; i++)
        {
            table.Span(Ids)[i] = i + 1;
            table.Span(Values)[i] = (i + 1) * 0.5;
        }

        table.MoveRows(0, 2, 3);
        table.ClearRows(0, 2);

        Assert.That(table.Span(Ids).ToArray(), Is.EqualTo(new[] { 0, 0, 1, 2, 3, 6 }));
        Assert.That(table.Span(Values).ToArray(), Is.EqualTo(new[] { 0, 0, 0.5, 1.0, 1.5, 3.0 }));
        Assert.That(table.DangerousGetArray(Ids), Is.SameAs(table.TypedColumn(Ids).DangerousGetArray()));
        Assert.That(() => table.MoveRows(4, 0, 3), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => table.ClearRows(5, 2), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
