using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>
/// topology.md, "A small hand-computed example (N = 3) pinned step by step". λ = 0.5, η = 0.5,
/// θ_survival = 0.05, θ_sprout = 0.2, ρmax = 0.4 (E_max = ceil(3.6) = 4), tanh, s = 1, b = 0,
/// x₀ = 0. Skeleton: W[0,1] = 0.5, W[2,0] = −0.3, W[1,2] = 0.04. Values worked out in double
/// precision; the float32 engine must agree within 1e-6.
/// </summary>
public class TopologyHandComputedTests
{
    private const double Tolerance = 1e-6;

    private static TopologyBlock Create(RepresentationPolicy policy)
    {
        var parameters = TopologyParameters.Default;
        parameters.LeakRate = 0.5f;
        parameters.LearningRate = 0.5f;
        parameters.SurvivalThreshold = 0.05f;
        parameters.SproutThreshold = 0.2f;
        parameters.MaxDensity = 0.4;
        parameters.Representation = policy;
        var world = Pipeline.CreateWorld();
        world.SetThreadCount(1);
        return TopologyBlock.Create(world, "n3", TopologyDefinition.FromEdges(3, [new TopologyEdge(0, 1, 0.5f), new TopologyEdge(2, 0, -0.3f), new TopologyEdge(1, 2, 0.04f)], parameters));
    }

    private static void AssertWeights(TopologyBlock block, double[,] expected, string step)
    {
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.That(block.HasEdge(i, j), Is.EqualTo(expected[i, j] != 0), $"{step}: M[{i},{j}]");
                Assert.That(block.Weight(i, j), Is.EqualTo(expected[i, j]).Within(Tolerance), $"{step}: W[{i},{j}]");
            }
        }
    }

    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void ThreeVertices_ThreeTicks(RepresentationPolicy policy)
    {
        var block = Create(policy);
        using var world = block.World;
        Assert.That(block.EdgeBudget, Is.EqualTo(4));
        Assert.That(block.EdgeCount, Is.EqualTo(3));

        // Tick 1, u = (2, 2, 0), R = 1.
        // z = W·0 + u = (2, 2, 0);  x = 0.5·0 + 0.5·tanh(z) = (0.482013790, 0.482013790, 0).
        block.SetInput([2f, 2f, 0f]);
        block.World.Step();
        Assert.That(block.PreActivations.ToArray(), Is.EqualTo(new[] { 2f, 2f, 0f }));
        Assert.That(block.Activations[0], Is.EqualTo(0.48201379003790845).Within(Tolerance));
        Assert.That(block.Activations[1], Is.EqualTo(0.48201379003790845).Within(Tolerance));
        Assert.That(block.Activations[2], Is.EqualTo(0.0));
        // Plasticity, ΔW[i,j] = η R x_i (x_j − x_i W[i,j]):
        //   W[0,1] = 0.5 + 0.5·0.482014·(0.482014 − 0.482014·0.5) = 0.558084323;
        //   W[1,2] = 0.04 + 0.5·0.482014·(0 − 0.482014·0.04) = 0.035353254 < 0.05 → pruned;
        //   W[2,0]: x_2 = 0, so ΔW = 0 and it stays −0.3.
        // Sprouting: |E| = 2 < 4. The only non-edge with P > 0.2 is (1,0): P = x_1 x_0 = 0.232337294.
        AssertWeights(block, new double[,]
        {
            { 0, 0.5580843234466772, 0 },
            { 0.2323372937867089, 0, 0 },
            { -0.3, 0, 0 },
        }, "tick 1");
        Assert.That((block.State.LastPruned, block.State.LastSprouted, block.State.LastReplaced), Is.EqualTo((1, 1, 0)));
        Assert.That(block.EdgeCount, Is.EqualTo(3));

        // Tick 2, u = (2, 2, 3), R = 1.
        // z_0 = W[0,1] x_1 + 2 = 2.269004340;  z_1 = W[1,0] x_0 + 2 = 2.111989780;  z_2 = W[2,0] x_0 + 3 = 2.855395863.
        // x = 0.5 x + 0.5 tanh(z) = (0.730425379, 0.726577873, 0.496700869).
        block.SetInput([2f, 2f, 3f]);
        block.World.Step();
        Assert.That(block.PreActivations[0], Is.EqualTo(2.269004339905275).Within(Tolerance));
        Assert.That(block.PreActivations[1], Is.EqualTo(2.1119897795452824).Within(Tolerance));
        Assert.That(block.PreActivations[2], Is.EqualTo(2.8553958629886274).Within(Tolerance));
        Assert.That(block.Activations[0], Is.EqualTo(0.7304253790666129).Within(Tolerance));
        Assert.That(block.Activations[1], Is.EqualTo(0.7265778731297163).Within(Tolerance));
        Assert.That(block.Activations[2], Is.EqualTo(0.49670086943598146).Within(Tolerance));
        // Plasticity: W[0,1] = 0.674564864, W[1,0] = 0.436365535, W[2,0] = −0.081591777 (survives).
        // Candidates, strongest first: (0,2) P = 0.362802921; (1,2) and (2,1) tie at P = x_1 x_2 =
        // 0.360891861 → lower u first: (1,2), then (2,1).
        // Free capacity: |E| = 3 < 4 → (0,2) sprouts with W = 0.362802921.
        // Duel (edges before this step, weakest first: (2,0) 0.0816, (1,0) 0.4364, (0,1) 0.6746):
        //   (1,2) 0.3609 > |W[2,0]| 0.0816 → (2,0) removed, (1,2) sprouts;
        //   (2,1) 0.3609 < |W[1,0]| 0.4364 → loses, the duel stops.
        AssertWeights(block, new double[,]
        {
            { 0, 0.6745648640797862, 0.3628029208404929 },
            { 0.43636553463095573, 0, 0.3608918612964763 },
            { 0, 0, 0 },
        }, "tick 2");
        Assert.That((block.State.LastPruned, block.State.LastSprouted, block.State.LastReplaced), Is.EqualTo((0, 1, 1)));
        Assert.That(block.EdgeCount, Is.EqualTo(4));

        // Tick 3, no input, R = −1 (anti-Hebbian).
        // z_0 = 0.674565·0.726578 + 0.362803·0.496701 = 0.670328430;  z_1 = 0.436366·0.730425 + 0.360892·0.496701 = 0.497987762;  z_2 = 0.
        // x = (0.657810631, 0.593555520, 0.248350435).
        block.Reward = -1f;
        world.Step();
        Assert.That(block.PreActivations[0], Is.EqualTo(0.6703284304465136).Within(Tolerance));
        Assert.That(block.PreActivations[1], Is.EqualTo(0.49798776232275044).Within(Tolerance));
        Assert.That(block.PreActivations[2], Is.EqualTo(0.0));
        Assert.That(block.Activations[0], Is.EqualTo(0.6578106307538576).Within(Tolerance));
        Assert.That(block.Activations[1], Is.EqualTo(0.5935555199159506).Within(Tolerance));
        Assert.That(block.Activations[2], Is.EqualTo(0.24835043471799073).Within(Tolerance));
        // Plasticity with R = −1 moves every weight away from the Oja target x_j / x_i:
        //   W[0,1] = 0.625288407, W[0,2] = 0.359614244, W[1,0] = 0.318009537, W[1,2] = 0.350759549.
        // No non-edge reaches P > 0.2 (largest: (2,0) at 0.163), so nothing sprouts.
        AssertWeights(block, new double[,]
        {
            { 0, 0.6252884074784433, 0.35961424415527526 },
            { 0.31800953741358146, 0, 0.3507595485404047 },
            { 0, 0, 0 },
        }, "tick 3");
        Assert.That((block.State.LastPruned, block.State.LastSprouted, block.State.LastReplaced), Is.EqualTo((0, 0, 0)));
        TopologyTestWorlds.AssertInvariants(block, "tick 3");
    }
}
