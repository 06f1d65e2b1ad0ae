using GrowNet.Ecs.Components.Region;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>grownet.md "Slot selection (2D)": per-axis percent bins from a First or Origin anchor, fallback key.</summary>
public class SpatialSlotSelectionTests
{
    /// <summary>4×4 input windowed (4×4, whole image) into one spatial neuron; one lit pixel per tick.</summary>
    private static (int Row, int Col)[] Feed(SlotConfig slots, params (int Row, int Col)[] pixels)
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int input = region.AddInputLayer2D(4, 4, 1.0, 0.01);
        int hidden = region.AddLayer(1, 0, 0, slots with { SpatialEnabled = true });
        region.ConnectLayersWindowed(input, hidden, 4, 4, 1, 1);
        region.BindInput2D("img", input);
        foreach (var pixel in pixels)
            region.StepFrame("img", RegionTestWorlds.Frame(4, 4, pixel));
        return region.SlotBins2D(hidden, 0);
    }

    [Test]
    public void FirstAnchor_BinsPerAxis()
    {
        // Anchor (1,1): (2,3) is 100 % / 200 % away → bins (2, 4) at 50 % width; (3,1) → (4, 0).
        var bins = Feed(SlotConfig.Default, (1, 1), (2, 3), (3, 1));
        Assert.That(bins, Is.EqualTo(new[] { (0, 0), (2, 4), (4, 0) }));
    }

    [Test]
    public void OriginAnchor_MeasuresFromZero()
    {
        // Origin anchor: |1 − 0| / max(0, 1) * 100 = 100 % → bin 2; (0,0) → (0,0).
        var bins = Feed(SlotConfig.Default with { SpatialAnchor = SpatialAnchor.Origin }, (1, 1), (0, 0), (0, 3));
        Assert.That(bins, Is.EqualTo(new[] { (2, 2), (0, 0), (0, 6) }));
    }

    [Test]
    public void OutOfDomain_UsesFallbackKey()
    {
        // Limit 3: (3,3) from anchor (1,1) wants (4,4) → out of domain → fallback (2,2).
        var bins = Feed(SlotConfig.Default with { SlotLimit = 3 }, (1, 1), (3, 3));
        Assert.That(bins, Is.EqualTo(new[] { (0, 0), (2, 2) }));
    }

    [Test]
    public void NonSpatialTarget_UsesScalarSelection()
    {
        var (world, region) = RegionTestWorlds.Empty();
        using var _ = world;
        int input = region.AddInputLayer2D(2, 2, 1.0, 0.01);
        int hidden = region.AddLayer(1, 0, 0);
        region.ConnectLayersWindowed(input, hidden, 2, 2, 1, 1);
        region.BindInput2D("img", input);
        region.StepFrame("img", new double[,] { { 0, 1 }, { 0, 0 } });
        Assert.That(region.SlotIds(hidden, 0), Is.EqualTo(new long[] { 0 }));
        Assert.That(region.SlotBins2D(hidden, 0), Is.Empty);
    }
}
