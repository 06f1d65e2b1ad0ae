using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>Helpers shared by the topology tests.</summary>
internal static class TopologyTestWorlds
{
    public static TopologyParameters Parameters(RepresentationPolicy policy = RepresentationPolicy.Auto, double maxDensity = 0.5)
    {
        var parameters = TopologyParameters.Default;
        parameters.Representation = policy;
        parameters.MaxDensity = maxDensity;
        return parameters;
    }

    /// <summary>A deterministic value in [−1, 1) for (seed, a, b).</summary>
    public static float Noise(ulong seed, int a, int b)
        => (float)(CounterRandom.NextDouble(seed, 77, (ulong)a, (ulong)b) * 2.0 - 1.0);

    public static float[] NoiseVector(ulong seed, int tick, int n, float scale = 1f)
    {
        var values = new float[n];
        for (int i = 0; i < n; i++)
            values[i] = Noise(seed, tick, i) * scale;
        return values;
    }

    /// <summary>W and M as dense N×N arrays.</summary>
    public static (float[] W, bool[] M) Matrices(TopologyBlock block)
    {
        int n = block.VertexCount;
        var w = new float[n * n];
        var m = new bool[n * n];
        block.CopyWeights(w);
        block.CopyMask(m);
        return (w, m);
    }

    /// <summary>Asserts topology.md's invariants: no phantom weights, no self edges, |W| ≤ 1, |x| ≤ 1, |E| ≤ E_max.</summary>
    public static void AssertInvariants(TopologyBlock block, string context = "")
    {
        int n = block.VertexCount;
        var (w, m) = Matrices(block);
        int edges = 0;
        for (int i = 0; i < n; i++)
        {
            int degree = 0;
            for (int j = 0; j < n; j++)
            {
                float weight = w[i * n + j];
                if (m[i * n + j])
                {
                    edges++;
                    degree++;
                }
                else if (weight != 0f || float.IsNegative(weight))
                {
                    Assert.Fail($"{context}: phantom weight W[{i},{j}] = {weight} without an edge.");
                }

                if (!(Math.Abs(weight) <= 1f))
                    Assert.Fail($"{context}: |W[{i},{j}]| = {weight} exceeds 1.");
            }

            if (m[i * n + i])
                Assert.Fail($"{context}: self edge at {i}.");
            Assert.That(block.Degree(i), Is.EqualTo(degree), $"{context}: degree of row {i}");
        }

        Assert.That(block.EdgeCount, Is.EqualTo(edges), $"{context}: edge count");
        Assert.That(edges, Is.LessThanOrEqualTo(block.EdgeBudget), $"{context}: |E| ≤ E_max");
        foreach (float x in block.Activations)
        {
            if (!(Math.Abs(x) <= 1f))
                Assert.Fail($"{context}: |x| = {x} exceeds 1.");
        }

        Assert.That(block.World.GetTable(block.State.Changes).Count, Is.EqualTo(0), $"{context}: pending changes left");
        if (block.Representation == TopologyRepresentation.Sparse)
            Assert.That(block.World.GetTable(block.State.Edges).Count, Is.EqualTo(edges), $"{context}: sparse table is compact");
    }

    /// <summary>A random block in a fresh world, with random bias and gain.</summary>
    public static (World World, TopologyBlock Block) RandomBlock(ulong seed, int n, double density, TopologyParameters parameters,
        int threads = 1)
    {
        var world = Pipeline.CreateWorld(seed);
        world.SetThreadCount(threads);
        var block = TopologyBlock.Create(world, "test", TopologyDefinition.Random(n, density, parameters, maxInitialWeight: 0.8f));
        block.SetBias(NoiseVector(seed ^ 0xB1A5, 0, n, 0.3f));
        block.SetSensoryGain(NoiseVector(seed ^ 0x6A1, 0, n, 1.5f));
        return (world, block);
    }
}
