using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>The ring part of the synapse-event kernel's groups (both vector paths).</summary>
internal static unsafe partial class SynapseEventKernel
{
    /// <summary>
    /// The ring part of a group (both vector paths): gathers the active lanes' ring cells, adds
    /// <c>weight · 64</c> with i16 saturation and writes the sums back one by one (the cells are
    /// distinct, so the order of the writes does not matter). When no other worker writes this
    /// ring (<paramref name="singleWriter"/>) and a partial group's idle lanes are exactly the
    /// lanes past the row's end (<paramref name="valid"/>), the group stores all eight lanes
    /// without a branch: idle lanes read ring cell 0 and store what they read, first, so an
    /// active lane adding to cell 0 still stores last.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddToRing(short* ring, Vector256<int> slot, Vector256<int> low, Vector256<int> active, Vector256<int> valid,
        bool whole, bool singleWriter, int* indices, int* sums)
    {
        bool tail = !whole && singleWriter && active == valid;
        if (tail)
            slot &= active; // idle lanes read (and write back) ring cell 0
        int* ringWords = (int*)(ring - 1);
        var current = Vector256.ShiftRightArithmetic(whole || tail
            ? Avx2.GatherVector256(ringWords, slot, 2)
            : Avx2.GatherMaskVector256(Vector256<int>.Zero, ringWords, slot, active, 2), 16);
        var sum = Saturate16(current + Vector256.ShiftLeft(Vector256.ShiftRightArithmetic(Vector256.ShiftLeft(low, 8), 24), 6));
        (tail ? Vector256.ConditionalSelect(active, sum, current) : sum).Store(sums);
        slot.Store(indices);
        if (whole || tail)
        {
            // Reverse lane order: a tail group's idle lanes (the highest) store cell 0's old value
            // before any active lane stores; a whole group's cells are distinct, any order will do.
            ring[indices[7]] = (short)sums[7];
            ring[indices[6]] = (short)sums[6];
            ring[indices[5]] = (short)sums[5];
            ring[indices[4]] = (short)sums[4];
            ring[indices[3]] = (short)sums[3];
            ring[indices[2]] = (short)sums[2];
            ring[indices[1]] = (short)sums[1];
            ring[indices[0]] = (short)sums[0];
        }
        else
        {
            for (uint lanes = active.ExtractMostSignificantBits(); lanes != 0; lanes &= lanes - 1)
            {
                int lane = BitOperations.TrailingZeroCount(lanes);
                ring[indices[lane]] = (short)sums[lane];
            }
        }
    }
}
