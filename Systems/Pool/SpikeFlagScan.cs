using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// Finds the set spike flags (non-zero bytes) of a range of cells: compares a whole vector of flags
/// with zero, takes the mask of the non-zero lanes and walks its set bits, so the cost is one
/// compare per 64 (32, 16) cells plus one step per spike. 512/256/128-bit paths and a scalar tail,
/// all giving the same ascending indices.
/// </summary>
public static class SpikeFlagScan
{
    /// <summary>
    /// Writes <paramref name="offset"/> + i for every i with <c>flags[i] != 0</c>, ascending, into
    /// <paramref name="indices"/> (at least as long as <paramref name="flags"/>) and returns how many.
    /// </summary>
    public static int NonZero(ReadOnlySpan<byte> flags, int offset, Span<int> indices)
    {
        if (indices.Length < flags.Length)
            throw new ArgumentException($"The index buffer holds {indices.Length} elements; the range has {flags.Length}.", nameof(indices));
        ref byte first = ref MemoryMarshal.GetReference(flags);
        int count = 0, at = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; at <= flags.Length - Vector512<byte>.Count; at += Vector512<byte>.Count)
            {
                ulong mask = ~Vector512.Equals(Vector512.LoadUnsafe(ref first, (nuint)at), Vector512<byte>.Zero).ExtractMostSignificantBits();
                count = Emit(mask, offset + at, indices, count);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; at <= flags.Length - Vector256<byte>.Count; at += Vector256<byte>.Count)
            {
                uint mask = ~Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)at), Vector256<byte>.Zero).ExtractMostSignificantBits();
                count = Emit(mask, offset + at, indices, count);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            for (; at <= flags.Length - Vector128<byte>.Count; at += Vector128<byte>.Count)
            {
                uint mask = ~Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)at), Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFF;
                count = Emit(mask, offset + at, indices, count);
            }
        }

        for (; at < flags.Length; at++)
        {
            indices[count] = offset + at;
            count += flags[at] != 0 ? 1 : 0; // branch-free: spikes are too irregular to predict
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Emit(ulong mask, int index, Span<int> indices, int count)
    {
        while (mask != 0)
        {
            indices[count++] = index + BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
        }

        return count;
    }
}
