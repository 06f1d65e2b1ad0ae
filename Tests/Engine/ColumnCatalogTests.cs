using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class ColumnCatalogTests
{
    private static readonly ColumnKey<int> Counts = new("tests.catalog.counts");
    private static readonly ColumnKey<float> Values = new("tests.catalog.values");
    private static readonly ColumnKey<long> SameNameAsCounts = new("tests.catalog.counts");

    [Test]
    public void Resolves_DeclaredNames_AndFormerNames()
    {
        var catalog = new ColumnCatalog([Counts, Values], [new("Old.Clr.TypeName", Counts)]);

        Assert.That(catalog.TryResolve("tests.catalog.counts", out var byName), Is.True);
        Assert.That(byName, Is.SameAs(Counts));
        Assert.That(catalog.TryResolve("Old.Clr.TypeName", out var byFormer), Is.True);
        Assert.That(byFormer, Is.SameAs(Counts));
        Assert.That(catalog.TryResolve("tests.catalog.unknown", out var missing), Is.False);
        Assert.That(missing, Is.Null);
        Assert.That(catalog.Columns, Is.EqualTo(new ColumnKey[] { Counts, Values }));
    }

    [Test]
    public void TwoColumnsWithOneName_AreRefused()
    {
        Assert.That(() => new ColumnCatalog([Counts, SameNameAsCounts]),
            Throws.ArgumentException.With.Message.Contains("tests.catalog.counts"));
    }

    [Test]
    public void AFormerNameThatIsAnotherColumnsName_IsRefused()
    {
        Assert.That(() => new ColumnCatalog([Counts, Values], [new("tests.catalog.values", Counts)]),
            Throws.ArgumentException.With.Message.Contains("tests.catalog.values"));
    }

    [Test]
    public void ListingOneKeyTwice_IsHarmless()
    {
        var catalog = new ColumnCatalog([Counts, Counts, Values]);

        Assert.That(catalog.Columns, Has.Count.EqualTo(2));
    }

    [Test]
    public void With_AddsColumns_AndKeepsFormerNames()
    {
        var catalog = new ColumnCatalog([Counts], [new("Old.Counts", Counts)]).With(Values);

        Assert.That(catalog.TryResolve("tests.catalog.values", out var values), Is.True);
        Assert.That(values, Is.SameAs(Values));
        Assert.That(catalog.TryResolve("Old.Counts", out var counts), Is.True);
        Assert.That(counts, Is.SameAs(Counts));
    }
}
