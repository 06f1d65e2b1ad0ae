using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>
/// topology.md, "Sprouting": free capacity first, then the duel — candidates strongest first
/// against existing edges weakest first; a candidate replaces its edge only when strictly
/// stronger, and the duel stops at the first loss. λ = 0 and η = 0 hold x and W, so every
/// potentiality is known in advance.
/// </summary>
public class TopologyDuelTests
{
    private static TopologyBlock Block(RepresentationPolicy policy, double maxDensity, float[] x, params TopologyEdge[] edges)
    {
        var parameters = TopologyTestWorlds.Parameters(policy, maxDensity);
        parameters.LeakRate = 0f;
        parameters.LearningRate = 0f;
        parameters.SurvivalThreshold = 0f;
        parameters.SproutThreshold = 0.1f;
        var block = TopologyBlock.Create(Pipeline.CreateWorld(), "duel", TopologyDefinition.FromEdges(x.Length, edges, parameters));
        block.SetActivations(x);
        return block;
    }

    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void StrongCandidate_ReplacesWeakestEdge(RepresentationPolicy policy)
    {
        // N = 4, ρmax = 2/16 → E_max = 2, already full. x = (0.9, 0.9, 0.1, 0.1).
        // Candidates: (0,1) and (1,0) at P = 0.81 (tie → (0,1) first). Edges weakest first: (2,3) 0.5, (3,2) 0.6.
        var block = Block(policy, 2.0 / 16, [0.9f, 0.9f, 0.1f, 0.1f],
            new TopologyEdge(2, 3, 0.5f), new TopologyEdge(3, 2, -0.6f));
        using var world = block.World;
        world.Step();
        Assert.That(block.State.LastReplaced, Is.EqualTo(2));
        Assert.That(block.HasEdge(2, 3), Is.False);
        Assert.That(block.HasEdge(3, 2), Is.False);
        Assert.That(block.Weight(0, 1), Is.EqualTo(0.9f * 0.9f));
        Assert.That(block.Weight(1, 0), Is.EqualTo(0.9f * 0.9f));
        Assert.That(block.EdgeCount, Is.EqualTo(2));
    }

    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void WeakCandidate_DoesNotReplace(RepresentationPolicy policy)
    {
        // P = 0.5 · 0.5 = 0.25 is above θ_sprout but below the weakest |W| = 0.3.
        var block = Block(policy, 2.0 / 16, [0.5f, 0.5f, 0.1f, 0.1f],
            new TopologyEdge(2, 3, 0.3f), new TopologyEdge(3, 2, 0.6f));
        using var world = block.World;
        world.Step();
        Assert.That(block.State.LastReplaced, Is.EqualTo(0));
        Assert.That(block.HasEdge(0, 1), Is.False);
        Assert.That(block.Weight(2, 3), Is.EqualTo(0.3f));
        Assert.That(block.Weight(3, 2), Is.EqualTo(0.6f));
    }

    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void EqualStrength_DoesNotReplace(RepresentationPolicy policy)
    {
        // P must be strictly greater than |W|: P = 0.5 · 0.5 = 0.25 = |W[2,3]|.
        var block = Block(policy, 1.0 / 16, [0.5f, 0.5f, 0.1f, 0.1f], new TopologyEdge(2, 3, -0.25f));
        using var world = block.World;
        world.Step();
        Assert.That(block.State.LastReplaced, Is.EqualTo(0));
        Assert.That(block.Weight(2, 3), Is.EqualTo(-0.25f));
    }

    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void FreeCapacityFirst_ThenDuel_StopsAtFirstLoss(RepresentationPolicy policy)
    {
        // x = (0.9, 0.8, 0.5, 0, 0): candidates strongest first (ties → lower u):
        //   (0,1) 0.72, (1,0) 0.72, (0,2) 0.45, (2,0) 0.45, (1,2) 0.40, (2,1) 0.40.
        // E_max = ceil(4/25 · 25) = 4, three edges → one free slot: (0,1) sprouts.
        // Duel, edges weakest first: (3,4) 0.2, (4,3) 0.5, (3,1) 0.9:
        //   (1,0) 0.72 > 0.2 → replaces (3,4); (0,2) 0.45 < 0.5 → loses; the duel stops,
        //   so (2,0) never meets (3,1).
        var block = Block(policy, 4.0 / 25, [0.9f, 0.8f, 0.5f, 0f, 0f],
            new TopologyEdge(3, 4, 0.2f), new TopologyEdge(4, 3, 0.5f), new TopologyEdge(3, 1, -0.9f));
        using var world = block.World;
        world.Step();
        Assert.That((block.State.LastSprouted, block.State.LastReplaced), Is.EqualTo((1, 1)));
        Assert.That(block.HasEdge(0, 1), Is.True);
        Assert.That(block.HasEdge(1, 0), Is.True);
        Assert.That(block.HasEdge(3, 4), Is.False);
        Assert.That(block.HasEdge(4, 3), Is.True);
        Assert.That(block.HasEdge(3, 1), Is.True);
        Assert.That(block.HasEdge(0, 2), Is.False);
        Assert.That(block.EdgeCount, Is.EqualTo(4));
    }

    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void WeakestTies_GoToLowerRowThenColumn(RepresentationPolicy policy)
    {
        // Three edges of equal |W| = 0.2; one strong candidate pair (0,1)/(1,0); E_max = 3 (full).
        // The two victims are the weakest in (i, j) order: (2,3) then (3,2); (4,2) survives.
        var block = Block(policy, 3.0 / 25, [0.9f, 0.9f, 0f, 0f, 0f],
            new TopologyEdge(4, 2, 0.2f), new TopologyEdge(3, 2, -0.2f), new TopologyEdge(2, 3, 0.2f));
        using var world = block.World;
        world.Step();
        Assert.That(block.State.LastReplaced, Is.EqualTo(2));
        Assert.That(block.HasEdge(2, 3), Is.False);
        Assert.That(block.HasEdge(3, 2), Is.False);
        Assert.That(block.HasEdge(4, 2), Is.True);
    }

    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void NegativePairs_SproutToo(RepresentationPolicy policy)
    {
        // Two negative activations correlate: P = (−0.7)(−0.6) = 0.42.
        var block = Block(policy, 0.5, [-0.7f, -0.6f, 0.5f]);
        using var world = block.World;
        world.Step();
        Assert.That(block.Weight(0, 1), Is.EqualTo(-0.7f * -0.6f));
        Assert.That(block.Weight(1, 0), Is.EqualTo(-0.7f * -0.6f));
        Assert.That(block.HasEdge(0, 2), Is.False, "opposite signs anti-correlate");
        Assert.That(block.EdgeCount, Is.EqualTo(2));
    }
}
