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
    /// distinct, so the order of the writes does not matter).
    /// A <paramref name="deferred"/> group (whole, in a sorted row) leaves its cells and sums in the
    /// scratch and writes the previous deferred group's instead (<see cref="WriteDeferred"/>), after
    /// issuing its own gather: written at once, a group's writes come before the next group's
    /// gather, which then waits on them, so each group's gather, add and writes would follow the
    /// previous one's (deferred, the 4 096-cell compat pool ticks ~9 % faster; docs/pool.md). It is
    /// exact because a sorted row's targets are strictly ascending, so two groups of one row never
    /// share a cell, and each row's loop of whole groups writes the deferred group before its tail
    /// group and before the next row. Unsorted rows (whose groups may share cells, and which alone
    /// fall back to the scalar loop) never defer. When no other worker writes this
    /// ring (<paramref name="singleWriter"/>) and a partial group's idle lanes are exactly the
    /// lanes past the row's end (<paramref name="valid"/>), the group stores all eight lanes
    /// without a branch: idle lanes read ring cell 0 and store what they read, first, so an
    /// active lane adding to cell 0 still stores last.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddToRing(short* ring, Vector256<int> slot, Vector256<int> low, Vector256<int> active, Vector256<int> valid,
        bool whole, bool deferred, bool singleWriter, int* indices, int* sums)
    {
        var added = Vector256.ShiftLeft(Vector256.ShiftRightArithmetic(Vector256.ShiftLeft(low, 8), 24), 6); // weight · 64
        int* ringWords = (int*)(ring - 1);
        if (deferred)
        {
            var gathered = Vector256.ShiftRightArithmetic(Avx2.GatherVector256(ringWords, slot, 2), 16);
            var total = Saturate16(gathered + added);
            WriteDeferred(ring, indices, sums);
            total.Store(sums + DeferredLanes);
            slot.Store(indices + DeferredLanes);
            indices[DeferredFlag] = 1;
            return;
        }

        bool tail = !whole && singleWriter && active == valid;
        if (tail)
            slot &= active; // idle lanes read (and write back) ring cell 0
        var current = Vector256.ShiftRightArithmetic(whole || tail
            ? Avx2.GatherVector256(ringWords, slot, 2)
            : Avx2.GatherMaskVector256(Vector256<int>.Zero, ringWords, slot, active, 2), 16);
        var sum = Saturate16(current + added);
        (tail ? Vector256.ConditionalSelect(active, sum, current) : sum).Store(sums);
        slot.Store(indices);
        if (whole || tail)
        {
            WriteLanes(ring, indices, sums);
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

    /// <summary>Offset in the kernel's index and sum scratch of the deferred whole group's cells and sums.</summary>
    private const int DeferredLanes = 8;

    /// <summary>Offset in the index scratch of the flag "a deferred group waits".</summary>
    private const int DeferredFlag = 16;

    /// <summary>Ints of the index and sum scratch: the group being written, the deferred group, the flag.</summary>
    private const int RingScratchInts = DeferredFlag + 1;

    /// <summary>Writes the deferred whole group's sums, if one waits (see <see cref="AddToRing"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteDeferred(short* ring, int* indices, int* sums)
    {
        if (indices[DeferredFlag] == 0)
            return;
        WriteLanes(ring, indices + DeferredLanes, sums + DeferredLanes);
        indices[DeferredFlag] = 0;
    }

    /// <summary>
    /// Writes eight lanes' sums to their ring cells in reverse lane order: a tail group's idle lanes
    /// (the highest) store cell 0's old value before any active lane stores; for a whole group,
    /// whose cells are distinct, any order will do.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteLanes(short* ring, int* cells, int* sums)
    {
        ring[cells[7]] = (short)sums[7];
        ring[cells[6]] = (short)sums[6];
        ring[cells[5]] = (short)sums[5];
        ring[cells[4]] = (short)sums[4];
        ring[cells[3]] = (short)sums[3];
        ring[cells[2]] = (short)sums[2];
        ring[cells[1]] = (short)sums[1];
        ring[cells[0]] = (short)sums[0];
    }
}
