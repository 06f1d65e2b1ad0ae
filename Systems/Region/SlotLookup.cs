using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>Finds a slot key in a neuron's slot range.</summary>
internal static class SlotLookup
{
    /// <summary>
    /// The row of <paramref name="key"/> in the neuron's block, or −1. Keys are unique within a
    /// block; 16 keys are compared per step with vector instructions (the guard rows keep the
    /// loads inside the array, lanes past the count are masked off).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Find(in SlotColumns s, int start, int count, long key)
    {
        ref long keys = ref MemoryMarshal.GetArrayDataReference(s.Key);
        if (Vector512.IsHardwareAccelerated)
        {
            var wanted = Vector512.Create(key);
            for (int offset = 0; offset < count; offset += 16)
            {
                ref long block = ref Unsafe.Add(ref keys, start + offset);
                uint mask = (uint)Vector512.Equals(Vector512.LoadUnsafe(ref block), wanted).ExtractMostSignificantBits()
                            | ((uint)Vector512.Equals(Vector512.LoadUnsafe(ref block, 8), wanted).ExtractMostSignificantBits() << 8);
                int left = count - offset;
                if (left < 16)
                    mask &= (1u << left) - 1;
                if (mask != 0)
                    return start + offset + BitOperations.TrailingZeroCount(mask);
            }

            return -1;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var wanted = Vector256.Create(key);
            for (int offset = 0; offset < count; offset += 16)
            {
                ref long block = ref Unsafe.Add(ref keys, start + offset);
                uint mask = Vector256.Equals(Vector256.LoadUnsafe(ref block), wanted).ExtractMostSignificantBits()
                            | (Vector256.Equals(Vector256.LoadUnsafe(ref block, 4), wanted).ExtractMostSignificantBits() << 4)
                            | (Vector256.Equals(Vector256.LoadUnsafe(ref block, 8), wanted).ExtractMostSignificantBits() << 8)
                            | (Vector256.Equals(Vector256.LoadUnsafe(ref block, 12), wanted).ExtractMostSignificantBits() << 12);
                int left = count - offset;
                if (left < 16)
                    mask &= (1u << left) - 1;
                if (mask != 0)
                    return start + offset + BitOperations.TrailingZeroCount(mask);
            }

            return -1;
        }

        for (int i = start; i < start + count; i++)
        {
            if (Unsafe.Add(ref keys, i) == key)
                return i;
        }

        return -1;
    }
}
