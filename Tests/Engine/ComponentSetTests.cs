using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class ComponentSetTests
{
    [Test]
    public void Empty_HasNoKeys()
    {
        Assert.That(ComponentSet.Empty.IsEmpty, Is.True);
        Assert.That(ComponentSet.Empty.Count, Is.Zero);
        Assert.That(ComponentSet.Empty.ToIds(), Is.Empty);
        Assert.That(ComponentSet.Empty, Is.EqualTo(default(ComponentSet)));
        Assert.That(ComponentSet.Empty.ToString(), Is.EqualTo("{}"));
    }

    [Test]
    public void ValueEquality_IgnoresInsertionOrder()
    {
        var ab = ComponentSet.Empty.With(3).With(200).With(70);
        var ba = ComponentSet.Empty.With(70).With(3).With(200);

        Assert.That(ab, Is.EqualTo(ba));
        Assert.That(ab == ba, Is.True);
        Assert.That(ab != ba, Is.False);
        Assert.That(ab.GetHashCode(), Is.EqualTo(ba.GetHashCode()));
        Assert.That(ab.Equals((object)ba), Is.True);
        Assert.That(ab.Equals("not a set"), Is.False);
        Assert.That(ComponentSet.Of<Position, Velocity>(), Is.EqualTo(ComponentSet.Of<Velocity, Position>()));
    }

    [Test]
    public void AsDictionaryKey_FindsByValue()
    {
        var map = new Dictionary<ComponentSet, string> { [ComponentSet.Empty.With(1).With(129)] = "found" };

        Assert.That(map[ComponentSet.Empty.With(129).With(1)], Is.EqualTo("found"));
        Assert.That(map.ContainsKey(ComponentSet.Empty.With(1)), Is.False);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(63)]
    [TestCase(64)]
    [TestCase(127)]
    [TestCase(128)]
    [TestCase(191)]
    [TestCase(192)]
    [TestCase(255)]
    public void WithAndWithout_WorkInEveryWord(int id)
    {
        var set = ComponentSet.Empty.With(id);

        Assert.That(set.Contains(id), Is.True);
        Assert.That(set.Count, Is.EqualTo(1));
        Assert.That(set.ToIds(), Is.EqualTo(new[] { id }));
        Assert.That(Enumerable.Range(0, ComponentSet.Capacity).Where(other => set.Contains(other)), Is.EqualTo(new[] { id }));

        Assert.That(set.Without(id).IsEmpty, Is.True);
        Assert.That(set.Without(id), Is.EqualTo(ComponentSet.Empty));
    }

    [Test]
    public void With_IsIdempotent_AndWithoutAbsentIdIsNoOp()
    {
        var set = ComponentSet.Empty.With(5).With(5);

        Assert.That(set.Count, Is.EqualTo(1));
        Assert.That(set.Without(6), Is.EqualTo(set));
    }

    [Test]
    public void Sets_AreImmutableValues()
    {
        var original = ComponentSet.Empty.With(10);
        var extended = original.With(11);

        Assert.That(original.Contains(11), Is.False);
        Assert.That(extended.Contains(10) && extended.Contains(11), Is.True);
    }

    [TestCase(-1)]
    [TestCase(256)]
    [TestCase(int.MaxValue)]
    [TestCase(int.MinValue)]
    public void OutOfRangeIds_AreRejected(int id)
    {
        Assert.That(() => ComponentSet.Empty.With(id), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => ComponentSet.Empty.Without(id), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(ComponentSet.Empty.With(0).Contains(id), Is.False);
    }

    [Test]
    public void Count_CountsAcrossWords()
    {
        var set = ComponentSet.Empty;
        for (int id = 0; id < ComponentSet.Capacity; id += 3)
            set = set.With(id);

        Assert.That(set.Count, Is.EqualTo(86));
        Assert.That(set.IsEmpty, Is.False);
    }

    [Test]
    public void ToIds_AreAscending()
    {
        var set = ComponentSet.Empty.With(250).With(0).With(64).With(7).With(130).With(63);

        Assert.That(set.ToIds(), Is.EqualTo(new[] { 0, 7, 63, 64, 130, 250 }));
    }

    [Test]
    public void CopyIdsTo_WritesAscendingIdsAndReturnsCount()
    {
        var set = ComponentSet.Empty.With(200).With(2).With(100);
        Span<int> buffer = stackalloc int[8];
        buffer.Fill(-1);

        int written = set.CopyIdsTo(buffer);

        Assert.That(written, Is.EqualTo(3));
        Assert.That(buffer[..4].ToArray(), Is.EqualTo(new[] { 2, 100, 200, -1 }));
    }

    [Test]
    public void IsSupersetOf_AndOverlaps()
    {
        var small = ComponentSet.Empty.With(1).With(100);
        var large = small.With(2).With(255);
        var disjoint = ComponentSet.Empty.With(3).With(254);

        Assert.That(large.IsSupersetOf(small), Is.True);
        Assert.That(small.IsSupersetOf(large), Is.False);
        Assert.That(small.IsSupersetOf(small), Is.True);
        Assert.That(small.IsSupersetOf(ComponentSet.Empty), Is.True);
        Assert.That(ComponentSet.Empty.IsSupersetOf(small), Is.False);
        Assert.That(large.Overlaps(small), Is.True);
        Assert.That(large.Overlaps(disjoint), Is.False);
        Assert.That(small.Overlaps(ComponentSet.Empty), Is.False);
        Assert.That(ComponentSet.Empty.With(255).Overlaps(large), Is.True);
    }

    [Test]
    public void Of_Keys_MatchesGenericOf()
    {
        var fromKeys = ComponentSet.Of(ComponentType<Velocity>.Key, ComponentType<Position>.Key, ComponentType<Health>.Key);

        Assert.That(fromKeys, Is.EqualTo(ComponentSet.Of<Position, Velocity, Health>()));
        Assert.That(fromKeys.Contains(ComponentType<Health>.Key), Is.True);
        Assert.That(fromKeys.Contains(ComponentType<Mass>.Key), Is.False);
        Assert.That(ComponentSet.Of<Position>().With(ComponentType<Velocity>.Key), Is.EqualTo(ComponentSet.Of<Position, Velocity>()));
    }

    [Test]
    public void ToString_NamesTheKeys()
    {
        var text = ComponentSet.Of<Position, Velocity>().ToString();

        Assert.That(text, Does.StartWith("{").And.EndWith("}"));
        Assert.That(text, Does.Contain("tests.engine.position").And.Contain("tests.engine.velocity"));
    }
}
