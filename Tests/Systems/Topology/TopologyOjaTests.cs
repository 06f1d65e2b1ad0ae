using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>
/// topology.md, "Oja term": with λ = 0 the activations hold their initial values, R = 1 and
/// sprouting off (θ_sprout above 1); a single edge converges to <c>clip(x_j / x_i, −1, 1)</c>, and
/// with every edge present no weight runs away. Pruning is off too (θ_survival = 0): a weight
/// that has to change sign passes through |W| &lt; θ_survival on the way and would be pruned.
/// </summary>
public class TopologyOjaTests
{
    private static TopologyParameters Frozen(RepresentationPolicy policy)
    {
        var parameters = TopologyParameters.Default;
        parameters.LeakRate = 0f;
        parameters.LearningRate = 0.05f;
        parameters.SproutThreshold = 1.5f;
        parameters.SurvivalThreshold = 0f;
        parameters.MaxDensity = 1.0;
        parameters.Representation = policy;
        return parameters;
    }

    [TestCase(0.8f, 0.4f, 0.1f, RepresentationPolicy.Dense)]
    [TestCase(0.8f, 0.4f, 0.9f, RepresentationPolicy.Sparse)]
    [TestCase(-0.6f, 0.3f, 0.2f, RepresentationPolicy.Dense)]
    [TestCase(0.9f, -0.45f, -0.7f, RepresentationPolicy.Sparse)]
    [TestCase(0.3f, 0.6f, 0.2f, RepresentationPolicy.Dense)]
    [TestCase(-0.3f, 0.75f, 0.5f, RepresentationPolicy.Sparse)]
    public void IsolatedEdge_ConvergesToClippedRatio(float xi, float xj, float start, RepresentationPolicy policy)
    {
        using var world = Pipeline.CreateWorld();
        var block = TopologyBlock.Create(world, "oja", TopologyDefinition.FromEdges(2, [new TopologyEdge(0, 1, start)], Frozen(policy)));
        block.SetActivations([xi, xj]);
        double target = Math.Clamp((double)xj / xi, -1, 1);
        for (int t = 0; t < 3000; t++)
            world.Step();
        Assert.That(block.Activations.ToArray(), Is.EqualTo(new[] { xi, xj }), "λ = 0 holds x");
        Assert.That(block.Weight(0, 1), Is.EqualTo(target).Within(1e-5));
        Assert.That(block.EdgeCount, Is.EqualTo(1));
    }

    [Test]
    public void SignChange_WithPruningOn_PrunesTheEdge()
    {
        var parameters = Frozen(RepresentationPolicy.Dense);
        parameters.SurvivalThreshold = 0.005f;
        using var world = Pipeline.CreateWorld();
        var block = TopologyBlock.Create(world, "oja", TopologyDefinition.FromEdges(2, [new TopologyEdge(0, 1, 0.2f)], parameters));
        block.SetActivations([-0.6f, 0.3f]);
        for (int t = 0; t < 3000 && block.EdgeCount > 0; t++)
            world.Step();
        Assert.That(block.EdgeCount, Is.EqualTo(0));
        Assert.That(block.Weight(0, 1), Is.EqualTo(0f));
    }

    [Test]
    public void FixedPoint_IsStationary()
    {
        using var world = Pipeline.CreateWorld();
        var block = TopologyBlock.Create(world, "oja", TopologyDefinition.FromEdges(2, [new TopologyEdge(0, 1, 0.5f)], Frozen(RepresentationPolicy.Dense)));
        block.SetActivations([0.8f, 0.4f]);
        world.Step();
        // x_j − x_i W = 0.4 − 0.8·0.5 = 0 exactly in float32, so ΔW = 0.
        Assert.That(block.Weight(0, 1), Is.EqualTo(0.5f));
    }

    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void AllEdgesPresent_NoWeightRunsAway(RepresentationPolicy policy)
    {
        const int n = 12;
        var edges = new List<TopologyEdge>();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j)
                    edges.Add(new TopologyEdge(i, j, TopologyTestWorlds.Noise(5, i, j)));
        using var world = Pipeline.CreateWorld();
        var block = TopologyBlock.Create(world, "oja", TopologyDefinition.FromEdges(n, edges.ToArray(), Frozen(policy)));
        var x = new float[n];
        for (int i = 0; i < n; i++)
            x[i] = (i % 2 == 0 ? 1 : -1) * (0.15f + 0.8f * (i + 1) / n);
        block.SetActivations(x);
        for (int t = 0; t < 4000; t++)
        {
            world.Step();
            if (t % 500 == 0)
                TopologyTestWorlds.AssertInvariants(block, $"tick {t}");
        }

        Assert.That(block.EdgeCount, Is.EqualTo(n * (n - 1)));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j)
                    Assert.That(block.Weight(i, j), Is.EqualTo(Math.Clamp((double)x[j] / x[i], -1, 1)).Within(1e-4), $"W[{i},{j}]");
    }
}
