using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>Growth of the block itself: appended vertices take the next indices; nothing else moves.</summary>
public class TopologyGrowthTests
{
    [TestCase(20, 10, 64)]
    [TestCase(60, 10, 128)]
    [TestCase(64, 1, 128)]
    [TestCase(100, 300, 448)]
    public void AddVertices_KeepsEveryVertexAndEdge_InBothRepresentations(int n, int added, int denseStride)
    {
        var parameters = TopologyTestWorlds.Parameters(RepresentationPolicy.Dense, 0.3);
        var (denseWorld, dense) = TopologyTestWorlds.RandomBlock(71, n, 0.2, parameters);
        parameters.Representation = RepresentationPolicy.Sparse;
        var (sparseWorld, sparse) = TopologyTestWorlds.RandomBlock(71, n, 0.2, parameters);
        using var a = denseWorld;
        using var b = sparseWorld;
        for (int t = 0; t < 5; t++)
        {
            var input = TopologyTestWorlds.NoiseVector(71, t, n);
            dense.SetInput(input);
            dense.World.Step();
            sparse.SetInput(input);
            sparse.World.Step();
        }

        var edgesBefore = dense.Edges();
        var xBefore = dense.Activations.ToArray();
        var biasBefore = dense.Bias.ToArray();
        int budgetBefore = dense.EdgeBudget;
        dense.AddVertices(added, sensoryGain: 0.5f, bias: 0.25f);
        sparse.AddVertices(added, sensoryGain: 0.5f, bias: 0.25f);

        int grown = n + added;
        Assert.That(dense.VertexCount, Is.EqualTo(grown));
        Assert.That(dense.State.RowStride, Is.EqualTo(denseStride));
        Assert.That(dense.Edges(), Is.EqualTo(edgesBefore), "existing edges keep their (i, j) and weight");
        Assert.That(sparse.Edges(), Is.EqualTo(edgesBefore));
        Assert.That(dense.Activations[..n].ToArray(), Is.EqualTo(xBefore));
        Assert.That(dense.Activations[n..].ToArray(), Is.All.EqualTo(0f));
        Assert.That(dense.Bias[..n].ToArray(), Is.EqualTo(biasBefore));
        Assert.That(dense.Bias[n..].ToArray(), Is.All.EqualTo(0.25f));
        Assert.That(dense.SensoryGain[n..].ToArray(), Is.All.EqualTo(0.5f));
        Assert.That(dense.EdgeBudget, Is.GreaterThan(budgetBefore));
        TopologyTestWorlds.AssertInvariants(dense, "dense after growth");
        TopologyTestWorlds.AssertInvariants(sparse, "sparse after growth");
        TopologyReferenceTests.AssertIdentical(dense, sparse, "after growth");

        for (int t = 0; t < 15; t++)
        {
            var input = TopologyTestWorlds.NoiseVector(72, t, grown);
            dense.SetInput(input);
            dense.World.Step();
            sparse.SetInput(input);
            sparse.World.Step();
            TopologyReferenceTests.AssertIdentical(dense, sparse, $"tick {t} after growth");
        }

        TopologyTestWorlds.AssertInvariants(dense, "dense later");
        if (added >= 10)
            Assert.That(dense.Edges().Any(e => e.Row >= n || e.Column >= n), Is.True, "new vertices took part");
    }

    [Test]
    public void GrownBlock_BehavesLikeOneCreatedAtTheLargerSize()
    {
        // A block grown from 5 to 9 vertices and one created with 9 vertices and the same edges
        // hold the same state, so their ticks agree bit for bit.
        var parameters = TopologyTestWorlds.Parameters(RepresentationPolicy.Dense, 0.5);
        var (world, grown) = TopologyTestWorlds.RandomBlock(81, 5, 0.4, parameters);
        using var _ = world;
        grown.AddVertices(4);
        using var other = GrowNet.Ecs.Systems.Pipeline.CreateWorld(81);
        var fresh = TopologyBlock.Create(other, "fresh", TopologyDefinition.FromEdges(9, grown.Edges().ToArray(), parameters));
        fresh.SetBias(grown.Bias);
        fresh.SetSensoryGain(grown.SensoryGain);
        for (int t = 0; t < 20; t++)
        {
            var input = TopologyTestWorlds.NoiseVector(82, t, 9);
            grown.SetInput(input);
            grown.World.Step();
            fresh.SetInput(input);
            fresh.World.Step();
            TopologyReferenceTests.AssertIdentical(grown, fresh, $"tick {t}");
        }
    }
}
