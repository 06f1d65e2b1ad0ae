using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Systems.Lanes;

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
        if (LaneVector512.IsHardwareAccelerated)
            return Find<LaneVector512>(s, start, count, key);
        if (LaneVector256.IsHardwareAccelerated)
            return Find<LaneVector256>(s, start, count, key);
        return Find<LaneVector128>(s, start, count, key);
    }

    /// <summary><see cref="Find(in SlotColumns, int, int, long)"/> with lane width <typeparamref name="TLanes"/> (scalar when it is not accelerated).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Find<TLanes>(in SlotColumns s, int start, int count, long key)
        where TLanes : struct, ILaneVector<TLanes>
    {
        ref long keys = ref MemoryMarshal.GetArrayDataReference(s.Key);
        if (TLanes.IsHardwareAccelerated)
        {
            var wanted = TLanes.BroadcastInt64(key);
            for (int offset = 0; offset < count; offset += 16)
            {
                ref long block = ref Unsafe.Add(ref keys, start + offset);
                uint mask = 0;
                for (int piece = 0; piece < 16; piece += TLanes.Count)
                    mask |= TLanes.MostSignificantBits(TLanes.EqualsInt64(TLanes.LoadInt64(ref Unsafe.Add(ref block, piece)), wanted)) << piece;
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
