using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The vectorised per-pixel loop of a frame: every value must be finite, and a pixel fires iff
/// <c>|gain * pixel| ≥ epsilonFire</c> (the same IEEE operations as the scalar rule). Used at
/// staging time, where it is the whole per-pixel work of an InputLayer2D without outgoing edges.
/// </summary>
internal static class FrameScan
{
    /// <summary>Counts fires in <paramref name="pixels"/>; returns −1 − index of the first non-finite value if any.</summary>
    public static long CountFires(ReadOnlySpan<double> pixels, double gain, double epsilonFire)
    {
        int n = pixels.Length;
        int i = 0;
        long fired = 0;
        ref double first = ref MemoryMarshal.GetReference(pixels);
        if (Vector512.IsHardwareAccelerated && n >= Vector512<double>.Count)
        {
            var g = Vector512.Create(gain);
            var eps = Vector512.Create(epsilonFire);
            var bad = Vector512<double>.Zero;
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref first, (nuint)i);
                // v − v is 0 for finite values and NaN for NaN and ±∞: any NaN poisons the sum.
                bad += v - v;
                fired += BitOperations.PopCount(Vector512.GreaterThanOrEqual(Vector512.Abs(v * g), eps).ExtractMostSignificantBits());
            }

            if (bad != Vector512<double>.Zero)
                return FirstBad(pixels);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count)
        {
            var g = Vector256.Create(gain);
            var eps = Vector256.Create(epsilonFire);
            var bad = Vector256<double>.Zero;
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.LoadUnsafe(ref first, (nuint)i);
                bad += v - v;
                fired += BitOperations.PopCount(Vector256.GreaterThanOrEqual(Vector256.Abs(v * g), eps).ExtractMostSignificantBits());
            }

            if (bad != Vector256<double>.Zero)
                return FirstBad(pixels);
        }

        for (; i < n; i++)
        {
            double v = Unsafe.Add(ref first, i);
            if (!double.IsFinite(v))
                return -1 - i;
            if (Math.Abs(v * gain) >= epsilonFire)
                fired++;
        }

        return fired;
    }

    private static long FirstBad(ReadOnlySpan<double> pixels)
    {
        for (int i = 0; i < pixels.Length; i++)
        {
            if (!double.IsFinite(pixels[i]))
                return -1 - i;
        }

        return 0;
    }
}
