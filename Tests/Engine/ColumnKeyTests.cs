using System.Collections.Concurrent;
using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class ColumnKeyTests
{
    private static readonly ColumnKey<Triple> TripleKey = new("tests.engine.key.triple");
    private static readonly ColumnKey<short> First = new("tests.engine.key.a");
    private static readonly ColumnKey<short> Second = new("tests.engine.key.b");

    private readonly struct Triple(float a, float b, float c)
    {
        public readonly float A = a, B = b, C = c;
    }

    [TestCase("")]
    [TestCase("   ")]
    public void BlankName_Throws(string name)
    {
        int before = ColumnKey.CreatedCount;

        Assert.That(() => new ColumnKey<int>(name), Throws.InstanceOf<ArgumentException>());
        Assert.That(ColumnKey.CreatedCount, Is.EqualTo(before), "a refused key takes no id");
    }

    [Test]
    public void NullName_Throws()
    {
        Assert.That(() => new ColumnKey<int>(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Key_DescribesItsElementType()
    {
        Assert.That(TripleKey.Name, Is.EqualTo("tests.engine.key.triple"));
        Assert.That(TripleKey.ElementType, Is.EqualTo(typeof(Triple)));
        Assert.That(TripleKey.ElementSize, Is.EqualTo(12));
        Assert.That(TripleKey.Id, Is.InRange(0, ComponentSet.Capacity - 1));
        Assert.That(TripleKey.ToString(), Does.Contain("tests.engine.key.triple").And.Contain("12 B"));
    }

    [Test]
    public void DistinctKeys_GetDistinctIds_AndResolveById()
    {
        Assert.That(First.Id, Is.Not.EqualTo(Second.Id));
        Assert.That(ColumnKey.FromId(First.Id), Is.SameAs(First));
        Assert.That(ColumnKey.FromId(Second.Id), Is.SameAs(Second));
    }

    [Test]
    public void FromId_UnknownId_Throws()
    {
        Assert.That(() => ColumnKey.FromId(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => ColumnKey.FromId(ColumnKey.CreatedCount), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ComponentType_UsesTheDeclaredStableName_NotTheClrName()
    {
        var key = ComponentType<Position>.Key;

        Assert.That(key.Name, Is.EqualTo("tests.engine.position"));
        Assert.That(key.Name, Is.Not.EqualTo(typeof(Position).FullName));
        Assert.That(ComponentType<Position>.Id, Is.EqualTo(key.Id));
        Assert.That(ComponentType<Velocity>.Id, Is.Not.EqualTo(ComponentType<Position>.Id));
    }

    [Test]
    public void ConcurrentCreation_GivesEveryKeyItsOwnId()
    {
        var keys = new ConcurrentBag<ColumnKey>();
        using var barrier = new Barrier(4);
        var threads = Enumerable.Range(0, 4).Select(i => new Thread(() =>
        {
            barrier.SignalAndWait();
            keys.Add(new ColumnKey<int>($"tests.engine.key.concurrent{i}"));
        })).ToArray();
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();

        Assert.That(keys.Select(k => k.Id).Distinct().Count(), Is.EqualTo(4));
        foreach (var key in keys)
            Assert.That(ColumnKey.FromId(key.Id), Is.SameAs(key));
    }
}
