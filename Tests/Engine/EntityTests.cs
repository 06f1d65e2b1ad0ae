using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class EntityTests
{
    [Test]
    public void NullHandle_IsDefaultAndReportsNull()
    {
        Assert.That(Entity.Null, Is.EqualTo(default(Entity)));
        Assert.That(Entity.Null.IsNull, Is.True);
        Assert.That(Entity.Null.Generation, Is.Zero);
        Assert.That(Entity.Null.ToString(), Is.EqualTo("Entity(null)"));
    }

    [Test]
    public void HandleWithGeneration_IsNotNull()
    {
        var entity = new Entity(0, 1);
        Assert.That(entity.IsNull, Is.False);
        Assert.That(entity.ToString(), Is.EqualTo("Entity(0v1)"));
    }

    [Test]
    public void Equality_ComparesIndexAndGeneration()
    {
        Assert.That(new Entity(3, 2), Is.EqualTo(new Entity(3, 2)));
        Assert.That(new Entity(3, 2), Is.Not.EqualTo(new Entity(3, 3)));
        Assert.That(new Entity(3, 2), Is.Not.EqualTo(new Entity(4, 2)));
        Assert.That(new Entity(3, 2).GetHashCode(), Is.EqualTo(new Entity(3, 2).GetHashCode()));
    }

    [Test]
    public void TableHandle_NullHandle()
    {
        Assert.That(TableHandle.Null, Is.EqualTo(default(TableHandle)));
        Assert.That(TableHandle.Null.IsNull, Is.True);
        Assert.That(new TableHandle(0, 1).IsNull, Is.False);
        Assert.That(new TableHandle(2, 5), Is.EqualTo(new TableHandle(2, 5)));
        Assert.That(new TableHandle(2, 5), Is.Not.EqualTo(new TableHandle(2, 6)));
    }
}
