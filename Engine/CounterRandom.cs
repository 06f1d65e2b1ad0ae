using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Engine;

/// <summary>
/// A counter-based random function: the value for (seed, stream, tick, index) is a pure hash,
/// so draws never depend on call order, thread timing or shared mutable state. Built from the
/// SplitMix64 finaliser (Stafford's mix 13) applied in a chain over the four coordinates.
/// </summary>
public static class CounterRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>64 random bits for the given coordinates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong seed, ulong stream, ulong tick, ulong index)
        => BitsAt(TickKey(seed, stream, tick), index);

    /// <summary>
    /// The part of <see cref="Bits(ulong, ulong, ulong, ulong)"/> that does not depend on the index:
    /// a loop drawing many indices at one (seed, stream, tick) computes it once and calls
    /// <see cref="BitsAt"/> per index (the same bits, one mix per draw instead of four).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong TickKey(ulong seed, ulong stream, ulong tick)
    {
        // Seed and stream are mixed separately before they meet, so no simple relation between
        // two (seed, stream) pairs (such as seed + k·G with stream − k) yields the same key.
        ulong key = Mix(Mix(seed + Golden) ^ (stream * 0xD6E8FEB86659FD93UL + Golden));
        return Mix(key ^ (tick * 0xD1B54A32D192ED03UL + Golden));
    }

    /// <summary><see cref="Bits(ulong, ulong, ulong, ulong)"/> from its <see cref="TickKey"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong BitsAt(ulong tickKey, ulong index) => Mix(tickKey + (index + 1) * Golden);

    /// <summary><see cref="NextDouble(ulong, ulong, ulong, ulong)"/> from its <see cref="TickKey"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NextDoubleAt(ulong tickKey, ulong index) => (BitsAt(tickKey, index) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public static double NextDouble(ulong seed, ulong stream, ulong tick, ulong index)
        => NextDoubleAt(TickKey(seed, stream, tick), index);

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>NextDoubleAt(tickKey, i)</c> for i = 0, 1, …:
    /// the same doubles, eight at a time where the machine multiplies 64-bit lanes (AVX-512 DQ).
    /// A source of a million cells draws a million doubles every tick.
    /// </summary>
    public static void FillDoubles(ulong tickKey, Span<double> destination)
    {
        int i = 0;
        if (Avx512DQ.IsSupported && destination.Length >= Vector512<ulong>.Count)
        {
            var counter = Vector512.Create(1UL, 2, 3, 4, 5, 6, 7, 8);
            var step = Vector512.Create((ulong)Vector512<ulong>.Count);
            var key = Vector512.Create(tickKey);
            var golden = Vector512.Create(Golden);
            var scale = Vector512.Create(1.0 / (1UL << 53));
            ref double first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(destination);
            for (; i + Vector512<ulong>.Count <= destination.Length; i += Vector512<ulong>.Count)
            {
                var bits = Mix(key + counter * golden);
                (Vector512.ConvertToDouble(Vector512.ShiftRightLogical(bits, 11)) * scale).StoreUnsafe(ref first, (nuint)i);
                counter += step;
            }
        }

        for (; i < destination.Length; i++)
            destination[i] = NextDoubleAt(tickKey, (ulong)i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
