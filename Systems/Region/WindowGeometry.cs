using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Window placement of windowed wiring (grownet.md "Layers, tracts, wiring"): origins per axis,
/// clipping, and the center rule.
/// </summary>
public static class WindowGeometry
{
    /// <summary>
    /// Origins along one axis of length <paramref name="size"/>: VALID 0, s, 2s… while
    /// origin + k ≤ size; SAME pads (k − 1) / 2 per side and shifts the padded origins back.
    /// </summary>
    public static int[] Origins(int size, int kernel, int stride, WindowPadding padding)
    {
        int pad = padding == WindowPadding.Same ? (kernel - 1) / 2 : 0;
        int limit = size + 2 * pad;
        var origins = new List<int>();
        for (long o = 0; o + kernel <= limit; o += stride)
            origins.Add((int)o - pad);
        return [.. origins];
    }

    /// <summary>The window [origin, origin + kernel) clipped to [0, size): returns false when empty.</summary>
    public static bool Clip(int origin, int kernel, int size, out int from, out int to)
    {
        from = Math.Max(0, origin);
        to = (int)Math.Min(size, (long)origin + kernel);
        return from < to;
    }

    /// <summary>The center of a window along one axis: origin + k / 2 (floor), clamped into the image.</summary>
    public static int Center(int origin, int kernel, int size) => Math.Clamp(origin + kernel / 2, 0, size - 1);

    /// <summary>
    /// Every (source pixel, center pixel) pair of the windows in row-major window order and
    /// row-major pixel order within a window, duplicates removed (first occurrence kept).
    /// </summary>
    public static List<(int Source, int Center)> CenterPairs(int height, int width, int kernelHeight, int kernelWidth,
        int strideHeight, int strideWidth, WindowPadding padding)
    {
        var pairs = new List<(int, int)>();
        var seen = new HashSet<long>();
        foreach (int r0 in Origins(height, kernelHeight, strideHeight, padding))
        {
            if (!Clip(r0, kernelHeight, height, out int r1, out int r2))
                continue;
            int centerRow = Center(r0, kernelHeight, height);
            foreach (int c0 in Origins(width, kernelWidth, strideWidth, padding))
            {
                if (!Clip(c0, kernelWidth, width, out int c1, out int c2))
                    continue;
                int center = centerRow * width + Center(c0, kernelWidth, width);
                for (int r = r1; r < r2; r++)
                {
                    for (int c = c1; c < c2; c++)
                    {
                        int source = r * width + c;
                        if (seen.Add(((long)source << 32) | (uint)center))
                            pairs.Add((source, center));
                    }
                }
            }
        }

        return pairs;
    }

    /// <summary>Which source pixels lie in at least one (clipped, non-empty) window.</summary>
    public static bool[] Participants(int height, int width, int kernelHeight, int kernelWidth,
        int strideHeight, int strideWidth, WindowPadding padding)
    {
        var rows = new bool[height];
        var cols = new bool[width];
        foreach (int r0 in Origins(height, kernelHeight, strideHeight, padding))
        {
            if (Clip(r0, kernelHeight, height, out int r1, out int r2))
                rows.AsSpan(r1, r2 - r1).Fill(true);
        }

        foreach (int c0 in Origins(width, kernelWidth, strideWidth, padding))
        {
            if (Clip(c0, kernelWidth, width, out int c1, out int c2))
                cols.AsSpan(c1, c2 - c1).Fill(true);
        }

        // A pixel is covered iff its row is covered by some row window and its column by some column window.
        bool anyRow = Origins(height, kernelHeight, strideHeight, padding).Length > 0;
        bool anyCol = Origins(width, kernelWidth, strideWidth, padding).Length > 0;
        var result = new bool[height * width];
        if (!anyRow || !anyCol)
            return result;
        for (int r = 0; r < height; r++)
        {
            if (!rows[r])
                continue;
            for (int c = 0; c < width; c++)
                result[r * width + c] = cols[c];
        }

        return result;
    }
}
