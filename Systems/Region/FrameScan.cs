using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Systems.Lanes;

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
        if (LaneVector512.IsHardwareAccelerated)
            return CountFires<LaneVector512>(pixels, gain, epsilonFire);
        if (LaneVector256.IsHardwareAccelerated)
            return CountFires<LaneVector256>(pixels, gain, epsilonFire);
        return CountFires<LaneVector128>(pixels, gain, epsilonFire);
    }

    /// <summary><see cref="CountFires(ReadOnlySpan{double}, double, double)"/> a register of pixels at a time in <typeparamref name="TLanes"/> (scalar when it is not accelerated).</summary>
    internal static long CountFires<TLanes>(ReadOnlySpan<double> pixels, double gain, double epsilonFire)
        where TLanes : struct, ILaneVector<TLanes>
    {
        int n = pixels.Length;
        int i = 0;
        long fired = 0;
        ref double first = ref MemoryMarshal.GetReference(pixels);
        if (TLanes.IsHardwareAccelerated && n >= TLanes.Count)
        {
            var g = TLanes.Broadcast(gain);
            var eps = TLanes.Broadcast(epsilonFire);
            var bad = TLanes.Zero;
            for (; i <= n - TLanes.Count; i += TLanes.Count)
            {
                var v = TLanes.Load(ref Unsafe.Add(ref first, i));
                // v − v is 0 for finite values and NaN for NaN and ±∞: any NaN poisons the sum.
                bad = TLanes.Add(bad, TLanes.Subtract(v, v));
                fired += BitOperations.PopCount(TLanes.MostSignificantBits(TLanes.GreaterThanOrEqual(TLanes.Abs(TLanes.Multiply(v, g)), eps)));
            }

            // bad is +0 in every lane exactly when every value was finite.
            if (TLanes.AnySet(bad))
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
