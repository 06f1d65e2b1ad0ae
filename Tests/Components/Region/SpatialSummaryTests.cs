using GrowNet.Ecs.Components.Region;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Components.Region;

/// <summary>grownet.md "The region tick": spatial metrics of a frame.</summary>
public class SpatialSummaryTests
{
    [Test]
    public void Golden_SingleLitPixel()
    {
        // grownet.md "The region tick": [[0,1,0],[0,0,0]] → 1 active pixel, centroid (0, 1), bbox (0,0,1,1).
        var s = SpatialSummary.Of([0, 1, 0, 0, 0, 0], 2, 3);
        Assert.That(s.ActivePixels, Is.EqualTo(1));
        Assert.That((s.CentroidRow, s.CentroidCol), Is.EqualTo((0.0, 1.0)));
        Assert.That((s.RowMin, s.RowMax, s.ColMin, s.ColMax), Is.EqualTo((0, 0, 1, 1)));
    }

    [Test]
    public void Golden_EmptyFrame()
    {
        // grownet.md "The region tick": an empty frame → bbox (0, −1, 0, −1), centroid (0, 0).
        var s = SpatialSummary.Of(new double[6], 2, 3);
        Assert.That(s.ActivePixels, Is.EqualTo(0));
        Assert.That((s.CentroidRow, s.CentroidCol), Is.EqualTo((0.0, 0.0)));
        Assert.That((s.RowMin, s.RowMax, s.ColMin, s.ColMax), Is.EqualTo((0, -1, 0, -1)));
    }

    [Test]
    public void Centroid_IsValueWeighted()
    {
        var s = SpatialSummary.Of([1, 0, 0, 3], 2, 2);
        Assert.That(s.ActivePixels, Is.EqualTo(2));
        Assert.That(s.CentroidRow, Is.EqualTo(0.75).Within(1e-12));
        Assert.That(s.CentroidCol, Is.EqualTo(0.75).Within(1e-12));
        Assert.That((s.RowMin, s.RowMax, s.ColMin, s.ColMax), Is.EqualTo((0, 1, 0, 1)));
    }
}
