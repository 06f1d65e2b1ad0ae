using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GrowNet.Ecs.Systems.Lanes;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Per neuron, the smallest input distances at which each scalar bin starts, so a neuron with a
/// fixed (First) anchor finds its bin with compares instead of two divisions per input.
/// <para>
/// The bin of an input is <c>f(d) = BinOf(d / max(|anchor|, ε) × 100 / binWidth)</c> of
/// <c>d = |x − anchor|</c>, and every step of it (IEEE division and multiplication by positive
/// constants, rounding, truncation) is monotone non-decreasing in d. So for each k the inputs
/// with <c>f(d) ≥ k</c> are exactly those with <c>d ≥ T_k</c>, where T_k is the smallest double
/// with <c>f(T_k) ≥ k</c>, found here by bisection over the ordered bit patterns of the
/// non-negative doubles, evaluating the very same expression. Then
/// <c>min(f(d), L) = #{k ≤ L : d ≥ T_k}</c>, bit for bit the kernel's bin choice for a limit L
/// (with <c>f(d) ≥ L</c> meaning out of domain); a NaN distance compares below nothing and lands
/// out of domain, as <c>f(NaN)</c> does.
/// </para>
/// Scratch derived from a neuron's anchor, the layer's ε and bin width and the neuron's limit;
/// each row remembers what it was computed from and is recomputed when any of it differs, so
/// the cache can never answer for a different neuron state.
/// </summary>
internal sealed class ScalarBinThresholds
{
    /// <summary>Largest slot limit served (one 16-wide row of thresholds per neuron).</summary>
    public const int MaxLimit = 16;

    private const long PositiveInfinityBits = 0x7FF0_0000_0000_0000L;

    private double[] values = [];
    private long[] anchorBits = [];
    private int[] limits = [];
    private double epsilonScale = double.NaN;
    private double binWidth = double.NaN;

    /// <summary>Makes room for <paramref name="rows"/> neurons of a layer with these bin constants (serial: the start of a pass).</summary>
    public void Prepare(int rows, double epsilonScale, double binWidth)
    {
        if (BitConverter.DoubleToInt64Bits(epsilonScale) != BitConverter.DoubleToInt64Bits(this.epsilonScale)
            || BitConverter.DoubleToInt64Bits(binWidth) != BitConverter.DoubleToInt64Bits(this.binWidth))
        {
            Array.Clear(limits);
            this.epsilonScale = epsilonScale;
            this.binWidth = binWidth;
        }

        if (limits.Length < rows)
        {
            int size = Math.Max(rows, limits.Length * 2);
            Array.Resize(ref values, size * MaxLimit);
            Array.Resize(ref anchorBits, size);
            Array.Resize(ref limits, size);
        }
    }

    /// <summary>
    /// The 16 thresholds of <paramref name="row"/> for <paramref name="anchor"/> and
    /// <paramref name="limit"/> (1..<see cref="MaxLimit"/>): entries past the limit are +∞.
    /// Rows are disjoint between ranges, so parallel ranges may call this.
    /// </summary>
    public ref double For(int row, double anchor, int limit)
    {
        ref double first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), row * MaxLimit);
        long bits = BitConverter.DoubleToInt64Bits(anchor);
        if (limits[row] != limit || anchorBits[row] != bits)
        {
            double scale = Math.Max(Math.Abs(anchor), epsilonScale);
            for (int k = 1; k <= MaxLimit; k++)
                Unsafe.Add(ref first, k - 1) = k <= limit ? Smallest(k, scale, binWidth) : double.PositiveInfinity;
            anchorBits[row] = bits;
            limits[row] = limit;
        }

        return ref first;
    }

    /// <summary>
    /// The bins of <paramref name="values"/> (capped at <paramref name="limit"/>: out of domain)
    /// for a neuron with this anchor and these 16 thresholds, into <paramref name="bins"/>. Each bin
    /// is the number of thresholds at or below <c>|x − anchor|</c>; the thresholds ascend, so with
    /// AVX-512 eight inputs at a time find it by a five-probe binary search over the table held in
    /// two registers, and on narrower vectors (<see cref="ClassifyCounting{TLanes}"/>) by counting.
    /// </summary>
    public static void Classify(ReadOnlySpan<double> values, double anchor, ref double thresholds, int limit, Span<int> bins)
    {
        int i = 0;
        if (!Avx512F.IsSupported)
        {
            if (LaneVector256.IsHardwareAccelerated)
                i = ClassifyCounting<LaneVector256>(values, anchor, ref thresholds, limit, bins);
            else if (LaneVector128.IsHardwareAccelerated)
                i = ClassifyCounting<LaneVector128>(values, anchor, ref thresholds, limit, bins);
        }
        else if (values.Length >= 8)
        {
            var low = Vector512.LoadUnsafe(ref thresholds);
            var high = Vector512.LoadUnsafe(ref thresholds, 8);
            var origin = Vector512.Create(anchor);
            var cap = Vector512.Create((long)limit);
            ref double x = ref MemoryMarshal.GetReference(values);
            ref int bin = ref MemoryMarshal.GetReference(bins);
            for (; i + 8 <= values.Length; i += 8)
            {
                var d = Vector512.Abs(Vector512.LoadUnsafe(ref x, (nuint)i) - origin);
                // Probe T[at + step − 1] for steps 8, 4, 2, 1, then T[at] once more (at ≤ 15 here):
                // "threshold ≤ d" is written !(d < threshold) so a NaN distance climbs to 16.
                var at = Vector512<long>.Zero;
                at += Vector512.AndNot(Vector512.Create(8L), Below(d, low, high, at + Vector512.Create(7L)));
                at += Vector512.AndNot(Vector512.Create(4L), Below(d, low, high, at + Vector512.Create(3L)));
                at += Vector512.AndNot(Vector512.Create(2L), Below(d, low, high, at + Vector512.Create(1L)));
                at += Vector512.AndNot(Vector512.Create(1L), Below(d, low, high, at));
                at += Vector512.AndNot(Vector512.Create(1L), Below(d, low, high, at));
                Avx512F.ConvertToVector256Int32(Vector512.Min(at, cap)).StoreUnsafe(ref bin, (nuint)i);
            }
        }

        ClassifyScalar(values, anchor, ref thresholds, limit, bins, i);
    }

    /// <summary>
    /// The bins of the inputs, a register at a time, counted: for a finite distance the thresholds
    /// past the limit are +∞ and never at or below it, so the count over the first
    /// <paramref name="limit"/> thresholds is the capped count; a NaN or +∞ distance counts every
    /// one of them, which is the cap. Returns the first input left for the scalar loop.
    /// </summary>
    internal static int ClassifyCounting<TLanes>(ReadOnlySpan<double> values, double anchor, ref double thresholds, int limit, Span<int> bins)
        where TLanes : struct, ILaneVector<TLanes>
    {
        var origin = TLanes.Broadcast(anchor);
        var cap = TLanes.BroadcastInt64(limit);
        ref double x = ref MemoryMarshal.GetReference(values);
        ref int bin = ref MemoryMarshal.GetReference(bins);
        int i = 0;
        for (; i + TLanes.Count <= values.Length; i += TLanes.Count)
        {
            var d = TLanes.Abs(TLanes.Subtract(TLanes.Load(ref Unsafe.Add(ref x, i)), origin));
            // "threshold ≤ d" is !(d < threshold): the bin is the limit less the thresholds above d
            // (subtracting a mask's −1 counts one).
            var above = TLanes.Zero;
            for (int k = 0; k < limit; k++)
                above = TLanes.SubtractInt64(above, TLanes.LessThan(d, TLanes.Broadcast(Unsafe.Add(ref thresholds, k))));
            TLanes.StoreNarrowed(TLanes.SubtractInt64(cap, above), ref Unsafe.Add(ref bin, i));
        }

        return i;
    }

    /// <summary>The bins of inputs <paramref name="from"/>.. by the definition: thresholds at or below the distance, capped.</summary>
    internal static void ClassifyScalar(ReadOnlySpan<double> values, double anchor, ref double thresholds, int limit, Span<int> bins, int from)
    {
        for (int i = from; i < values.Length; i++)
        {
            double d = Math.Abs(values[i] - anchor);
            int count = 0;
            for (int k = 0; k < MaxLimit; k++)
                count += d < Unsafe.Add(ref thresholds, k) ? 0 : 1;
            bins[i] = Math.Min(count, limit);
        }
    }

    /// <summary>All-ones lanes where <paramref name="d"/> is below the threshold at <paramref name="index"/> (0..15).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> Below(Vector512<double> d, Vector512<double> low, Vector512<double> high, Vector512<long> index)
        => Vector512.LessThan(d, Avx512F.PermuteVar8x64x2(low, index, high)).AsInt64();

    /// <summary>The bin of distance <paramref name="d"/>: the kernel's expression, operation for operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Bin(double d, double scale, double binWidth)
    {
        double q = d / scale * 100.0 / binWidth;
        return q < 9.0e18 ? (long)q : long.MaxValue;
    }

    /// <summary>The smallest non-negative double d with <c>Bin(d) ≥ k</c> (+∞ qualifies: its bin is the saturated maximum).</summary>
    private static double Smallest(long k, double scale, double binWidth)
    {
        // Invariant: Bin(lo) < k ≤ Bin(hi), over bit patterns (ordered like the values they encode).
        long lo = 0, hi = PositiveInfinityBits;
        double guess = k * binWidth / 100.0 * scale;
        if (double.IsFinite(guess))
        {
            // The algebraic guess is within a few ulps: a narrow bracket, kept only where it holds.
            long at = BitConverter.DoubleToInt64Bits(guess);
            long below = Math.Max(0, at - 64), above = Math.Min(PositiveInfinityBits, at + 64);
            if (Bin(BitConverter.Int64BitsToDouble(below), scale, binWidth) < k)
                lo = below;
            if (Bin(BitConverter.Int64BitsToDouble(above), scale, binWidth) >= k)
                hi = above;
        }

        while (hi - lo > 1)
        {
            long mid = lo + (hi - lo) / 2;
            if (Bin(BitConverter.Int64BitsToDouble(mid), scale, binWidth) >= k)
                hi = mid;
            else
                lo = mid;
        }

        return BitConverter.Int64BitsToDouble(hi);
    }
}
