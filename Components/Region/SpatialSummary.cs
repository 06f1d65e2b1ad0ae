using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Components.Region;

/// <summary>
/// Spatial metrics of a frame (grownet.md "The region tick"): pixels with a value &gt; 0, their
/// value-weighted centroid and their bounding box; an empty frame gives centroid (0, 0) and box
/// (0, −1, 0, −1).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct SpatialSummary
{
    /// <summary>Pixels with a value &gt; 0.</summary>
    public int ActivePixels;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private int padding4;
#pragma warning restore CS0169
    /// <summary>Value-weighted mean row of the active pixels.</summary>
    public double CentroidRow;
    /// <summary>Value-weighted mean column of the active pixels.</summary>
    public double CentroidCol;
    /// <summary>Smallest active row (0 when none).</summary>
    public int RowMin;
    /// <summary>Largest active row (−1 when none).</summary>
    public int RowMax;
    /// <summary>Smallest active column (0 when none).</summary>
    public int ColMin;
    /// <summary>Largest active column (−1 when none).</summary>
    public int ColMax;

    /// <summary>The summary of a frame without active pixels.</summary>
    public static SpatialSummary Empty => new() { RowMin = 0, RowMax = -1, ColMin = 0, ColMax = -1 };

    /// <summary>Computes the summary of a row-major <paramref name="height"/> × <paramref name="width"/> frame.</summary>
    public static SpatialSummary Of(ReadOnlySpan<double> frame, int height, int width)
    {
        if (frame.Length != height * width)
            throw new ArgumentException($"Frame has {frame.Length} values, not {height}×{width}.", nameof(frame));
        int active = 0;
        double total = 0, sumRow = 0, sumCol = 0;
        int rowMin = int.MaxValue, rowMax = -1, colMin = int.MaxValue, colMax = -1;
        for (int r = 0; r < height; r++)
        {
            var row = frame.Slice(r * width, width);
            for (int c = 0; c < width; c++)
            {
                double v = row[c];
                if (!(v > 0))
                    continue;
                active++;
                total += v;
                sumRow += r * v;
                sumCol += c * v;
                rowMin = Math.Min(rowMin, r);
                rowMax = Math.Max(rowMax, r);
                colMin = Math.Min(colMin, c);
                colMax = Math.Max(colMax, c);
            }
        }

        if (active == 0)
            return Empty;
        return new SpatialSummary
        {
            ActivePixels = active,
            CentroidRow = sumRow / total,
            CentroidCol = sumCol / total,
            RowMin = rowMin,
            RowMax = rowMax,
            ColMin = colMin,
            ColMax = colMax,
        };
    }
}
