using System.Runtime.CompilerServices;

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

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
