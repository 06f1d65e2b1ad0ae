using System.Collections.Concurrent;
using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class ColumnRegistryTests
{
    private readonly struct Triple(float a, float b, float c)
    {
        public readonly float A = a, B = b, C = c;
    }

    [Test]
    public void Register_IsIdempotentByName()
    {
        var first = ColumnRegistry.Register<float>("tests.engine.registry.idempotent");
        int countAfterFirst = ColumnRegistry.Count;
        var second = ColumnRegistry.Register<float>("tests.engine.registry.idempotent");

        Assert.That(second, Is.SameAs(first));
        Assert.That(ColumnRegistry.Count, Is.EqualTo(countAfterFirst));
    }

    [Test]
    public void Register_SameNameOtherType_Throws()
    {
        ColumnRegistry.Register<int>("tests.engine.registry.typed");

        Assert.That(() => ColumnRegistry.Register<long>("tests.engine.registry.typed"),
            Throws.ArgumentException.With.Message.Contains("tests.engine.registry.typed")
                .And.Message.Contains("already registered"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Register_BlankName_Throws(string name)
    {
        Assert.That(() => ColumnRegistry.Register<int>(name), Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void Register_NullName_Throws()
    {
        Assert.That(() => ColumnRegistry.Register<int>(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Key_DescribesItsElementType()
    {
        var key = ColumnRegistry.Register<Triple>("tests.engine.registry.triple");

        Assert.That(key.Name, Is.EqualTo("tests.engine.registry.triple"));
        Assert.That(key.ElementType, Is.EqualTo(typeof(Triple)));
        Assert.That(key.ElementSize, Is.EqualTo(12));
        Assert.That(key.Id, Is.InRange(0, ComponentSet.Capacity - 1));
        Assert.That(key.ToString(), Does.Contain("tests.engine.registry.triple").And.Contain("12 B"));
    }

    [Test]
    public void DistinctNames_GetDistinctIds()
    {
        var a = ColumnRegistry.Register<short>("tests.engine.registry.a");
        var b = ColumnRegistry.Register<short>("tests.engine.registry.b");

        Assert.That(a.Id, Is.Not.EqualTo(b.Id));
        Assert.That(a, Is.Not.SameAs(b));
    }

    [Test]
    public void GetAndTryGet_FindRegisteredKeys()
    {
        var key = ColumnRegistry.Register<byte>("tests.engine.registry.lookup");

        Assert.That(ColumnRegistry.Get(key.Id), Is.SameAs(key));
        Assert.That(ColumnRegistry.TryGet("tests.engine.registry.lookup", out var found), Is.True);
        Assert.That(found, Is.SameAs(key));
        Assert.That(ColumnRegistry.TryGet("tests.engine.registry.never-registered", out var missing), Is.False);
        Assert.That(missing, Is.Null);
    }

    [Test]
    public void Get_UnknownId_Throws()
    {
        Assert.That(() => ColumnRegistry.Get(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => ColumnRegistry.Get(ColumnRegistry.Count), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ComponentType_RegistersUnderTheTypesFullName()
    {
        var key = ComponentType<Position>.Key;

        Assert.That(key.Name, Is.EqualTo(typeof(Position).FullName));
        Assert.That(ComponentType<Position>.Id, Is.EqualTo(key.Id));
        Assert.That(ColumnRegistry.Register<Position>(typeof(Position).FullName!), Is.SameAs(key));
        Assert.That(ComponentType<Velocity>.Id, Is.Not.EqualTo(ComponentType<Position>.Id));
    }

    [Test]
    public void ConcurrentRegistration_OfOneName_YieldsOneKey()
    {
        const string name = "tests.engine.registry.concurrent";
        var keys = new ConcurrentBag<ColumnKey<int>>();
        using var barrier = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            barrier.SignalAndWait();
            keys.Add(ColumnRegistry.Register<int>(name));
        })).ToArray();
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();

        Assert.That(keys, Has.Count.EqualTo(8));
        Assert.That(keys.Distinct().Count(), Is.EqualTo(1));
        Assert.That(ColumnRegistry.Get(keys.First().Id), Is.SameAs(keys.First()));
    }
}
