using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>
/// topology.md, "Checks that must hold": the invariants after every tick for random blocks,
/// inputs and rewards, and the R = 0, R &lt; 0, ρmax = 0 and ρmax = 1 cases.
/// </summary>
public class TopologyInvariantTests
{
    [TestCase(31UL, 24, 0.3, 0.5, ActivationKind.Tanh, RepresentationPolicy.Auto)]
    [TestCase(32UL, 40, 0.05, 0.1, ActivationKind.Sigmoid, RepresentationPolicy.Sparse)]
    [TestCase(33UL, 17, 0.6, 1.0, ActivationKind.Relu, RepresentationPolicy.Dense)]
    [TestCase(34UL, 50, 0.15, 0.2, ActivationKind.Identity, RepresentationPolicy.Auto)]
    [TestCase(35UL, 9, 0.0, 0.3, ActivationKind.Tanh, RepresentationPolicy.Sparse)]
    public void Invariants_HoldAfterEveryTick(ulong seed, int n, double density, double maxDensity, ActivationKind activation,
        RepresentationPolicy policy)
    {
        var parameters = TopologyTestWorlds.Parameters(policy, maxDensity);
        parameters.Activation = activation;
        parameters.LearningRate = 0.2f;
        parameters.SwitchCooldownTicks = 3;
        var (world, block) = TopologyTestWorlds.RandomBlock(seed, n, Math.Min(density, maxDensity), parameters);
        using var _ = world;
        TopologyTestWorlds.AssertInvariants(block, "created");
        int changes = 0;
        for (int t = 0; t < 60; t++)
        {
            block.Reward = 4f * TopologyTestWorlds.Noise(seed, t, -7);
            // Inputs far outside [−1, 1] too: activations must stay bounded whatever arrives.
            block.SetInput(TopologyTestWorlds.NoiseVector(seed, t, n, t % 5 == 0 ? 50f : 2f));
            block.World.Step();
            TopologyTestWorlds.AssertInvariants(block, $"tick {t}");
            changes += block.State.LastPruned + block.State.LastSprouted + block.State.LastReplaced;
        }

        Assert.That(changes, Is.GreaterThan(0));
    }

    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void RewardZero_NoLearning(RepresentationPolicy policy)
    {
        var parameters = TopologyTestWorlds.Parameters(policy, 0.5);
        parameters.SproutThreshold = 2f;
        parameters.SurvivalThreshold = 0f;
        var (world, block) = TopologyTestWorlds.RandomBlock(41, 20, 0.3, parameters);
        using var _ = world;
        block.Reward = 0f;
        var (before, mask) = TopologyTestWorlds.Matrices(block);
        for (int t = 0; t < 20; t++)
        {
            block.SetInput(TopologyTestWorlds.NoiseVector(41, t, 20));
            block.World.Step();
        }

        var (after, maskAfter) = TopologyTestWorlds.Matrices(block);
        Assert.That(after, Is.EqualTo(before));
        Assert.That(maskAfter, Is.EqualTo(mask));
        Assert.That(block.Activations.ToArray(), Has.Some.Not.EqualTo(0f), "the dynamics still ran");
    }

    [Test]
    public void RewardZero_StillPrunesAndSprouts()
    {
        // R scales plasticity only: structure still adapts to activity.
        var parameters = TopologyTestWorlds.Parameters(RepresentationPolicy.Dense, 0.5);
        parameters.LeakRate = 1f;
        parameters.SurvivalThreshold = 0.3f;
        using var world = Pipeline.CreateWorld();
        var block = TopologyBlock.Create(world, "r0", TopologyDefinition.FromEdges(3, [new TopologyEdge(0, 1, 0.2f)], parameters));
        block.Reward = 0f;
        block.SetInput([5f, 5f, 0f]);
        block.World.Step();
        Assert.That(block.HasEdge(0, 1), Is.True, "pruned (0.2 < 0.3), then re-sprouted at P = x_0 x_1");
        Assert.That(block.Weight(0, 1), Is.EqualTo(block.Activations[0] * block.Activations[1]));
        Assert.That(block.HasEdge(1, 0), Is.True);
        Assert.That(block.State.LastPruned, Is.EqualTo(1));
    }

    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void NegativeReward_IsAntiHebbian(RepresentationPolicy policy)
    {
        var parameters = TopologyTestWorlds.Parameters(policy, 1.0);
        parameters.LeakRate = 0f;
        parameters.SproutThreshold = 2f;
        parameters.SurvivalThreshold = 0f;
        using var world = Pipeline.CreateWorld();
        var block = TopologyBlock.Create(world, "anti", TopologyDefinition.FromEdges(2, [new TopologyEdge(0, 1, 0.3f)], parameters));
        block.SetActivations([0.8f, 0.6f]);
        // Hebbian target x_1 / x_0 = 0.75 lies above 0.3: R > 0 raises W, R < 0 lowers it, further each tick.
        block.Reward = -1f;
        float previous = block.Weight(0, 1);
        for (int t = 0; t < 200; t++)
        {
            world.Step();
            float w = block.Weight(0, 1);
            Assert.That(w, Is.LessThan(previous).Or.EqualTo(-1f), $"tick {t}");
            previous = w;
        }

        Assert.That(previous, Is.EqualTo(-1f), "driven away from the fixed point into the clip");
        block.Reward = 1f;
        world.Step();
        Assert.That(block.Weight(0, 1), Is.GreaterThan(-1f));
    }

    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void MaxDensityZero_NoEdgeEverSurvivesSprouting(RepresentationPolicy policy)
    {
        var parameters = TopologyTestWorlds.Parameters(policy, 0.0);
        parameters.SproutThreshold = 0f;
        var (world, block) = TopologyTestWorlds.RandomBlock(51, 16, 0.0, parameters);
        using var _ = world;
        Assert.That(block.EdgeBudget, Is.EqualTo(0));
        for (int t = 0; t < 30; t++)
        {
            block.SetInput(TopologyTestWorlds.NoiseVector(51, t, 16, 3f));
            block.World.Step();
            Assert.That(block.EdgeCount, Is.EqualTo(0));
            TopologyTestWorlds.AssertInvariants(block, $"tick {t}");
        }
    }

    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void MaxDensityOne_FillsEveryOffDiagonalCell(RepresentationPolicy policy)
    {
        const int n = 10;
        var parameters = TopologyTestWorlds.Parameters(policy, 1.0);
        parameters.SproutThreshold = 0f;
        parameters.SurvivalThreshold = 0f;
        parameters.MaxSproutsPerTick = 1000;
        using var world = Pipeline.CreateWorld();
        var block = TopologyBlock.Create(world, "full", TopologyDefinition.Empty(n, parameters));
        Assert.That(block.EdgeBudget, Is.EqualTo(n * n));
        // Same-sign activations make every pair a candidate (P > 0).
        block.SetInput(Enumerable.Repeat(1f, n).ToArray());
        block.World.Step();
        TopologyTestWorlds.AssertInvariants(block, "after one tick");
        Assert.That(block.EdgeCount, Is.EqualTo(n * (n - 1)), "all but the diagonal");
        for (int t = 0; t < 10; t++)
        {
            block.SetInput(TopologyTestWorlds.NoiseVector(61, t, n));
            block.World.Step();
            TopologyTestWorlds.AssertInvariants(block, $"tick {t}");
        }
    }

    [Test]
    public void SproutLimit_CapsCandidatesPerTick()
    {
        var parameters = TopologyTestWorlds.Parameters(RepresentationPolicy.Sparse, 1.0);
        parameters.SproutThreshold = 0f;
        parameters.MaxSproutsPerTick = 7;
        using var world = Pipeline.CreateWorld();
        var block = TopologyBlock.Create(world, "k", TopologyDefinition.Empty(12, parameters));
        block.SetInput(Enumerable.Repeat(1f, 12).ToArray());
        block.World.Step();
        Assert.That(block.EdgeCount, Is.EqualTo(7));
        Assert.That(block.State.LastSprouted, Is.EqualTo(7));
    }
}
