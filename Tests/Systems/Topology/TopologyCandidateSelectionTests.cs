using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>
/// The sprouting candidates (strongest P = x_u x_v first, ties to lower u then lower v, at most K)
/// against a brute-force float32 sort of every pair, on activations built to stress the merge:
/// exact ties, magnitudes one ulp apart in descending index order (whose products collide after
/// rounding), negatives, zeros and existing edges. λ = 0 and η = 0 hold x and W; ρmax = 1 lets
/// every selected candidate sprout, so the new edges are exactly the selection.
/// </summary>
public class TopologyCandidateSelectionTests
{
    private static float[] Activations(string kind, int n)
    {
        var x = new float[n];
        for (int i = 0; i < n; i++)
        {
            float noise = TopologyTestWorlds.Noise(17, i, 3);
            x[i] = kind switch
            {
                "ties" => i % 3 == 0 ? 1f : i % 3 == 1 ? -1f : 0.5f,
                // Vertices 0..31: magnitudes one ulp apart below 0.9, rising with the index, so the group
                // sorted by |x| runs through them in descending index order; rows 32..43 are small,
                // and their products with neighbouring magnitudes round to equal values. 44..47 negative.
                "ulps" => i < 32 ? UlpsBelow(0.9f, 40 - i) : i < 44 ? 0.1f + 0.013f * (i - 32) : -0.8f - 0.01f * (i - 44),
                "mixed" => i % 5 == 0 ? 0f : i % 7 == 0 ? 1f : noise,
                _ => noise,
            };
        }

        return x;
    }

    /// <summary><paramref name="value"/> moved down by <paramref name="ulps"/> units in the last place.</summary>
    private static float UlpsBelow(float value, int ulps) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(value) - ulps);

    private static IEnumerable<(int U, int V, float P)> BruteForce(float[] x, bool[] edges, float threshold, int limit)
    {
        int n = x.Length;
        var all = new List<(int U, int V, float P)>();
        for (int u = 0; u < n; u++)
            for (int v = 0; v < n; v++)
                if (u != v && !edges[u * n + v] && x[u] * x[v] > threshold)
                    all.Add((u, v, x[u] * x[v]));
        return all.OrderByDescending(c => c.P).ThenBy(c => c.U).ThenBy(c => c.V).Take(limit);
    }

    [TestCase("ties", 1)]
    [TestCase("ties", 5)]
    [TestCase("ties", 37)]
    [TestCase("ulps", 3)]
    [TestCase("ulps", 29)]
    [TestCase("ulps", 500)]
    [TestCase("mixed", 41)]
    [TestCase("random", 64)]
    [TestCase("random", 100000)]
    public void SelectionEqualsBruteForce(string kind, int limit)
    {
        const int n = 48;
        foreach (var policy in new[] { RepresentationPolicy.Dense, RepresentationPolicy.Sparse })
        {
            var x = Activations(kind, n);
            var existing = new List<TopologyEdge>();
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (i != j && (i * 7 + j * 3) % 11 == 0)
                        existing.Add(new TopologyEdge(i, j, 0.3f));
            var parameters = TopologyTestWorlds.Parameters(policy, 1.0);
            parameters.LeakRate = 0f;
            parameters.LearningRate = 0f;
            parameters.SurvivalThreshold = 0f;
            parameters.SproutThreshold = 0.05f;
            parameters.MaxSproutsPerTick = limit;
            using var world = Pipeline.CreateWorld();
            var block = TopologyBlock.Create(world, "select", TopologyDefinition.FromEdges(n, existing.ToArray(), parameters));
            block.SetActivations(x);
            var before = TopologyTestWorlds.Matrices(block).M;
            var expected = BruteForce(x, before, parameters.SproutThreshold, limit).ToList();

            world.Step();

            var (w, m) = TopologyTestWorlds.Matrices(block);
            var sprouted = new List<(int U, int V, float P)>();
            for (int u = 0; u < n; u++)
                for (int v = 0; v < n; v++)
                    if (m[u * n + v] && !before[u * n + v])
                        sprouted.Add((u, v, w[u * n + v]));
            Assert.That(sprouted.OrderBy(c => c.U).ThenBy(c => c.V), Is.EqualTo(expected.OrderBy(c => c.U).ThenBy(c => c.V)),
                $"{kind}, K = {limit}, {policy}");
            Assert.That(block.State.LastSprouted, Is.EqualTo(expected.Count));
        }
    }

    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void CollisionInsideOneRow_DecidesTheCut(RepresentationPolicy policy)
    {
        // x_0 = b and x_1 = a are one ulp apart (a > b); row 2 (x_2 = s) meets them in |x| order,
        // a first, but s·a and s·b round to the same P, so the tie goes to the lower column: (2,0).
        float a = 0.9f, b = UlpsBelow(0.9f, 1);
        float s = Enumerable.Range(1, 1000).Select(k => 0.1f + k * 0.0001f).First(v => v * a == v * b);
        var parameters = TopologyTestWorlds.Parameters(policy, 1.0);
        parameters.LeakRate = 0f;
        parameters.LearningRate = 0f;
        parameters.SurvivalThreshold = 0f;
        parameters.SproutThreshold = 0.05f;
        parameters.MaxSproutsPerTick = 1;
        using var world = Pipeline.CreateWorld();
        var block = TopologyBlock.Create(world, "collide", TopologyDefinition.FromEdges(3, [new TopologyEdge(0, 1, 0.3f), new TopologyEdge(1, 0, 0.3f), new TopologyEdge(0, 2, 0.3f), new TopologyEdge(1, 2, 0.3f)], parameters));
        block.SetActivations([b, a, s]);
        world.Step();
        Assert.That(block.HasEdge(2, 0), Is.True);
        Assert.That(block.HasEdge(2, 1), Is.False);
        Assert.That(block.Weight(2, 0), Is.EqualTo(s * b));
    }

    [Test]
    public void UlpCase_ReallyHasCollidingProducts()
    {
        // Guards the test data: two different magnitudes whose products with some row round equal.
        var x = Activations("ulps", 48);
        bool collision = false;
        for (int u = 0; u < 48 && !collision; u++)
            for (int a = 0; a < 48 && !collision; a++)
                for (int b = 0; b < 48 && !collision; b++)
                    collision = Math.Abs(x[a]) != Math.Abs(x[b]) && Math.Abs(x[u] * x[a]) == Math.Abs(x[u] * x[b]);
        Assert.That(collision, Is.True);
    }
}
