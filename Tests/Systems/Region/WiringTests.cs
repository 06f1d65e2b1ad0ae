using GrowNet.Ecs.Components.Region;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>grownet.md "Layers, tracts, wiring": gated meshes, windowed wiring, center rule, topographic preset.</summary>
public class WiringTests
{
    [Test]
    public void Golden_FullMesh2x3_Is6()
    {
        // grownet.md "Layers, tracts, wiring": full mesh 2×3 → 6.
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int a = region.AddLayer(2, 0, 0);
        int b = region.AddLayer(3, 0, 0);
        Assert.That(region.ConnectLayers(a, b, 1.0), Is.EqualTo(6));
        Assert.That(region.Edges(0), Is.EqualTo(new[] { (0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2) }));
        var rule = region.MeshRules().Single();
        Assert.That((rule.Source, rule.Destination, rule.Probability, rule.Feedback, rule.Tract), Is.EqualTo((a, b, 1.0, false, 0)));
    }

    [Test]
    public void SelfMesh_SkipsANeuronPairedWithItself()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int a = region.AddLayer(3, 0, 0);
        Assert.That(region.ConnectLayers(a, a, 1.0, feedback: true), Is.EqualTo(6));
        Assert.That(region.Edges(0).Where(e => e.Source == e.Target), Is.Empty);
    }

    [Test]
    public void ProbabilityZero_NoEdges_AndDrawsFollowTheRegionStream()
    {
        var (world, region) = RegionTestWorlds.Empty(seed: 7);
        using var _ = world;
        int a = region.AddLayer(20, 0, 0);
        int b = region.AddLayer(30, 0, 0);
        Assert.That(region.ConnectLayers(a, b, 0.0), Is.EqualTo(0));
        int edges = region.ConnectLayers(a, b, 0.25);
        // Replay: the second mesh continues the stream after the first mesh's 600 draws.
        var random = RegionRandom.Wiring(world, region.Entity, 600);
        var expected = new List<(int, int)>();
        for (int s = 0; s < 20; s++)
            for (int d = 0; d < 30; d++)
                if (random.NextDouble() < 0.25)
                    expected.Add((s, d));
        Assert.That(region.Edges(1), Is.EqualTo(expected));
        Assert.That(edges, Is.EqualTo(expected.Count));
        Assert.That(region.EdgeCount(1), Is.EqualTo(expected.Count));
    }

    [TestCase(4, WindowPadding.Valid, 4, 1, 16)]
    [TestCase(4, WindowPadding.Valid, 2, 2, 16)]
    [TestCase(5, WindowPadding.Valid, 3, 3, 9)]
    [TestCase(5, WindowPadding.Same, 3, 3, 25)]
    [TestCase(4, WindowPadding.Same, 2, 2, 16)]
    [TestCase(4, WindowPadding.Same, 3, 1, 16)]
    public void Golden_WindowedUniqueSourceCounts(int size, WindowPadding padding, int kernel, int stride, int expected)
    {
        // grownet.md "Layers, tracts, wiring": golden counts (to a slot layer and to an OutputLayer2D alike).
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int input = region.AddInputLayer2D(size, size, 1.0, 0.01);
        int hidden = region.AddLayer(3, 0, 0);
        int output = region.AddOutputLayer2D(size, size, 0.0);
        Assert.That(region.ConnectLayersWindowed(input, hidden, kernel, kernel, stride, stride, padding), Is.EqualTo(expected));
        Assert.That(region.ConnectLayersWindowed(input, output, kernel, kernel, stride, stride, padding), Is.EqualTo(expected));
        Assert.That(region.EdgeCount(0), Is.EqualTo(expected * 3));
    }

    [TestCase(4, WindowPadding.Same, 3, 1, 100, 16)]
    [TestCase(5, WindowPadding.Same, 3, 1, 169, 25)]
    [TestCase(8, WindowPadding.Same, 3, 1, 484, 64)]
    [TestCase(4, WindowPadding.Valid, 2, 1, 36, 9)]
    [TestCase(5, WindowPadding.Same, 3, 3, 25, 4)]
    [TestCase(4, WindowPadding.Same, 2, 2, 16, 4)]
    public void Golden_CenterRuleEdgeCounts(int size, WindowPadding padding, int kernel, int stride, int edges, int centers)
    {
        // grownet.md "Layers, tracts, wiring": edge counts to an OutputLayer2D.
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int input = region.AddInputLayer2D(size, size, 1.0, 0.01);
        int output = region.AddOutputLayer2D(size, size, 0.0);
        region.ConnectLayersWindowed(input, output, kernel, kernel, stride, stride, padding);
        var all = region.Edges(0);
        Assert.That(all.Length, Is.EqualTo(edges));
        Assert.That(all.Select(e => e.Target).Distinct().Count(), Is.EqualTo(centers));
        Assert.That(all.Distinct().Count(), Is.EqualTo(edges));
    }

    [TestCase(5, WindowPadding.Same, 3, 3, new[] { 0, 3, 15, 18 })]
    [TestCase(4, WindowPadding.Same, 2, 2, new[] { 5, 7, 13, 15 })]
    public void Golden_CenterSets(int size, WindowPadding padding, int kernel, int stride, int[] centers)
    {
        // grownet.md "Layers, tracts, wiring": 5×5 SAME 3×3 s3 → {0, 3, 15, 18}; 4×4 SAME 2×2 s2 → {5, 7, 13, 15}.
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int input = region.AddInputLayer2D(size, size, 1.0, 0.01);
        int output = region.AddOutputLayer2D(size, size, 0.0);
        region.ConnectLayersWindowed(input, output, kernel, kernel, stride, stride, padding);
        Assert.That(region.Edges(0).Select(e => e.Target).Distinct(), Is.EquivalentTo(centers));
    }

    [Test]
    public void Golden_SourceCenters_4x4Same3x3()
    {
        // grownet.md "Layers, tracts, wiring": source (0,0) → {0, 1, 4, 5}; source (0,1) → {0,1,2,4,5,6}.
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int input = region.AddInputLayer2D(4, 4, 1.0, 0.01);
        int output = region.AddOutputLayer2D(4, 4, 0.0);
        region.ConnectLayersWindowed(input, output, 3, 3, 1, 1, WindowPadding.Same);
        var edges = region.Edges(0);
        Assert.That(edges.Where(e => e.Source == 0).Select(e => e.Target), Is.EquivalentTo(new[] { 0, 1, 4, 5 }));
        Assert.That(edges.Where(e => e.Source == 1).Select(e => e.Target), Is.EquivalentTo(new[] { 0, 1, 2, 4, 5, 6 }));
    }

    [Test]
    public void Golden_TopographicNormalisedSums()
    {
        // grownet.md "Layers, tracts, wiring": 8×8 SAME 3×3 σ 1.5 normalised → 64 unique sources, every center sums to 1.
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int input = region.AddInputLayer2D(8, 8, 1.0, 0.01);
        int output = region.AddOutputLayer2D(8, 8, 0.0);
        var options = TopographicOptions.Default with { KernelHeight = 3, KernelWidth = 3, Sigma = 1.5 };
        Assert.That(region.ConnectLayersTopographic(input, output, options), Is.EqualTo(64));
        var edges = region.Edges(0);
        var sums = new double[64];
        for (int e = 0; e < edges.Length; e++)
            sums[edges[e].Target] += region.EdgeWeight(0, e);
        Assert.That(sums, Is.All.EqualTo(1.0).Within(1e-6));
    }

    [Test]
    public void Topographic_WeightsFollowTheGaussian()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int input = region.AddInputLayer2D(8, 8, 1.0, 0.01);
        int output = region.AddOutputLayer2D(8, 8, 0.0);
        var options = TopographicOptions.Default with { KernelHeight = 3, KernelWidth = 3, Sigma = 1.5, Normalize = false };
        region.ConnectLayersTopographic(input, output, options);
        var edges = region.Edges(0);
        for (int e = 0; e < edges.Length; e++)
        {
            var (s, c) = edges[e];
            double dr = s / 8 - c / 8, dc = s % 8 - c % 8;
            Assert.That(region.EdgeWeight(0, e), Is.EqualTo(Math.Exp(-(dr * dr + dc * dc) / (2 * 1.5 * 1.5))).Within(1e-15));
        }
    }

    [Test]
    public void Windowed_ValidStrideLeavesPixelsOut()
    {
        // 5×5 VALID 2×2 s2: windows at 0 and 2 cover rows/cols 0..3; row 4 and col 4 never take part.
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int input = region.AddInputLayer2D(5, 5, 1.0, 0.01);
        int hidden = region.AddLayer(2, 0, 0);
        Assert.That(region.ConnectLayersWindowed(input, hidden, 2, 2, 2, 2), Is.EqualTo(16));
        region.BindInput2D("img", input);
        var corner = RegionTestWorlds.Frame(5, 5, (4, 4));
        Assert.That(region.StepFrame("img", corner).DeliveredEvents, Is.EqualTo(0));
        var inside = RegionTestWorlds.Frame(5, 5, (3, 3));
        Assert.That(region.StepFrame("img", inside).DeliveredEvents, Is.EqualTo(2));
    }
}
