using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>The topology family behind the model contract: catalog, definitions, creation.</summary>
[TestFixture]
public class TopologyFamilyTests
{
    [Test]
    public void Catalog_CreatesBlocks_FromEachSkeleton_AndListsThem()
    {
        using var world = Pipeline.CreateWorld(seed: 9);
        var catalog = ModelFamilies.Catalog;
        var empty = catalog.Create(world, "empty", TopologyDefinition.Empty(5));
        var random = catalog.Create(world, "random", TopologyDefinition.Random(20, 0.2, maxInitialWeight: 0.25f));
        var edges = catalog.Create(world, "edges", TopologyDefinition.FromEdges(3, [new TopologyEdge(2, 0, -0.5f), new TopologyEdge(0, 1, 0.25f)]));

        Assert.That(catalog.Family("topology"), Is.SameAs(TopologyFamily.Instance));
        Assert.That(TopologyFamily.Instance.Populations(world).Select(p => p.Name), Is.EqualTo(new[] { "empty", "random", "edges" }));
        Assert.That(((TopologyBlock)empty).EdgeCount, Is.EqualTo(0));
        var randomBlock = (TopologyBlock)random;
        Assert.That(randomBlock.EdgeCount, Is.GreaterThan(0));
        Assert.That(randomBlock.Edges().Select(e => Math.Abs(e.Weight)), Is.All.LessThanOrEqualTo(0.25f));
        Assert.That(((TopologyBlock)edges).Edges(), Is.EqualTo(new[] { new TopologyEdge(0, 1, 0.25f), new TopologyEdge(2, 0, -0.5f) }));
        Assert.That(catalog.Describe(world), Has.Some.StartsWith("topology block 'edges': 3 vertices, 2 edges (budget 5), "));
        Assert.That(catalog.Find(world, "random"), Is.InstanceOf<TopologyBlock>());
    }

    [Test]
    public void Definition_NamesTheBadField_AndCreatesNothing()
    {
        using var world = Pipeline.CreateWorld();
        var tooDense = TopologyParameters.Default;
        tooDense.MaxDensity = 0.1;
        var cases = new (TopologyDefinition Definition, string Field)[]
        {
            (TopologyDefinition.Empty(0), "vertices"),
            (TopologyDefinition.Empty(4) with { Skeleton = (TopologySkeleton)9 }, "skeleton"),
            (TopologyDefinition.Random(4, 0.2, tooDense), "initialDensity"),
            (TopologyDefinition.Random(4, 0.1, maxInitialWeight: 2f), "maxInitialWeight"),
            (TopologyDefinition.FromEdges(4, [new TopologyEdge(0, 1, 0.1f), new TopologyEdge(1, 1, 0.1f)]), "edges[1]"),
            (TopologyDefinition.FromEdges(4, null!), "edges"),
            (TopologyDefinition.Empty(4, TopologyParameters.Default with { LeakRate = 2f }), "parameters.leakRate"),
        };
        foreach (var (definition, field) in cases)
        {
            Assert.That(() => ModelFamilies.Catalog.Create(world, "b", definition),
                Throws.InstanceOf<ModelConfigException>().With.Property(nameof(ModelConfigException.Field)).EqualTo(field), field);
        }

        Assert.That(world.EntityCount, Is.EqualTo(0));
        Assert.That(world.Tables().Count(), Is.EqualTo(0));
    }

    [Test]
    public void Family_RefusesOtherDefinitions_AndDeclaresItsColumns()
    {
        using var world = Pipeline.CreateWorld();
        Assert.That(() => TopologyFamily.Instance.Create(world, "p", new GrowNet.Ecs.Systems.Pool.PoolDefinition { Cells = 4 }),
            Throws.ArgumentException.With.Message.Contains(nameof(TopologyDefinition)));
        Assert.That(TopologyFamily.Instance.DefinitionType, Is.EqualTo(typeof(TopologyDefinition)));
        Assert.That(TopologyFamily.Instance.Columns, Has.Member(TopologyColumns.EdgeWeight).And.Member(TopologyColumns.ChangeKind));
        Assert.That(TopologyFamily.Instance.FormerNames.Keys, Has.Member("GrowNet.Ecs.Components.Topology.TopologyState"));
    }
}
