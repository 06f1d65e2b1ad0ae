using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>The AVX2 group of the synapse-event kernel (machines without AVX-512).</summary>
internal static unsafe partial class SynapseEventKernel
{
    /// <summary>
    /// <see cref="RunGroup{TGroup}"/> with AVX2 only: the eight synapses are two 256-bit loads
    /// (masked loads for a row's last group), their low and high words regrouped into int lanes in
    /// synapse order; delays 0–15 find their ring offset with two one-register permutes and a
    /// blend; eligibilities go through int lanes and a gather of the decay entry (no byte permute
    /// over 256 entries without VBMI); an unsorted row's group is tested for repeated ring cells
    /// by comparing the lanes with four rotations of themselves (no conflict instruction) and runs
    /// scalar if any repeat. Idle lanes are masked in every gather and store, as in the AVX-512 path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunGroup256<TGroup>(Synapse* synapses, int s, int count, sbyte* rowDecay,
        in SynapseEventContext context, in GroupConstants constants, int* indices, int* sums) where TGroup : struct, IGroupKind
    {
        long* group = (long*)(synapses + s);
        Vector256<long> rawLow, rawHigh; // synapses 0–3 and 4–7
        var valid = Vector256<int>.AllBitsSet;
        if (TGroup.IsPart)
        {
            valid = Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(count));
            rawLow = Avx2.MaskLoad(group, Avx2.ConvertToVector256Int64(valid.GetLower()));
            rawHigh = Avx2.MaskLoad(group + 4, Avx2.ConvertToVector256Int64(valid.GetUpper()));
        }
        else
        {
            rawLow = Vector256.Load(group);
            rawHigh = Vector256.Load(group + 4);
        }

        // Low word: target | weight << 16 | delay << 24; high word: eligibility | maturity << 8 | reserved << 16.
        var low = Words(rawLow, rawHigh, 0b10_00_10_00);
        var target = low & Vector256.Create(0xFFFF);
        var active = Vector256.LessThanOrEqual((target - constants.RangeStart).AsUInt32(), constants.RangeLast).AsInt32() & valid;
        if (active == Vector256<int>.Zero)
            return;
        bool whole = active == Vector256<int>.AllBitsSet;
        var delay = Vector256.ShiftRightLogical(low, 24);
        Vector256<int> slotOffset;
        if (Vector256.GreaterThanAny(delay.AsUInt32(), Vector256.Create(15u)))
        {
            slotOffset = Avx2.GatherVector256(context.SlotOffsets, delay, 4);
        }
        else
        {
            // vpermd reads the index's low three bits: delays 8–15 take the second register.
            slotOffset = Vector256.ConditionalSelect(Vector256.GreaterThan(delay, Vector256.Create(7)),
                Avx2.PermuteVar8x32(constants.SlotOffsetsHigh, delay), Avx2.PermuteVar8x32(constants.SlotOffsetsLow, delay));
        }

        var slot = slotOffset + target;
        if (!whole)
            slot = Vector256.ConditionalSelect(active, slot, Vector256.Create(-1, -2, -3, -4, -5, -6, -7, -8)); // idle lanes never conflict
        if (!constants.RowsSorted && HasRepeats(slot))
        {
            RunScalar(synapses, s, s + count, rowDecay, context);
            return;
        }

        var spikeWords = (int*)(context.SpikeOut - 3);
        var spiked = Vector256.ShiftRightLogical(whole
            ? Avx2.GatherVector256(spikeWords, target, 1)
            : Avx2.GatherMaskVector256(Vector256<int>.Zero, spikeWords, target, active, 1), 24);
        var mark = constants.StdpPositive + ((Vector256<int>.Zero - spiked) & constants.MarkDelta);
        var high = Words(rawLow, rawHigh, 0b11_01_11_01);
        var eligibility = Vector256.ShiftRightArithmetic(Vector256.ShiftLeft(high, 24), 24);
        var decayed = Vector256.ShiftRightArithmetic(Avx2.GatherVector256((int*)(rowDecay - 3), eligibility, 1), 24);
        var clamped = Vector256.Min(Vector256.Max(decayed + mark, Vector256.Create((int)sbyte.MinValue)), Vector256.Create((int)sbyte.MaxValue));
        var bytes = clamped & Vector256.Create(0xFF); // the new eligibility byte, widened below to byte 4 of each synapse
        var keep = Vector256.Create(~(0xFFL << 32));
        var updatedLow = (rawLow & keep) | Vector256.ShiftLeft(Avx2.ConvertToVector256Int64(bytes.GetLower()), 32);
        var updatedHigh = (rawHigh & keep) | Vector256.ShiftLeft(Avx2.ConvertToVector256Int64(bytes.GetUpper()), 32);

        if (whole)
        {
            updatedLow.Store(group);
            updatedHigh.Store(group + 4);
        }
        else
        {
            Avx2.MaskStore(group, Avx2.ConvertToVector256Int64(active.GetLower()), updatedLow);
            Avx2.MaskStore(group + 4, Avx2.ConvertToVector256Int64(active.GetUpper()), updatedHigh);
        }

        AddToRing(context.Ring, slot, low, active, valid, whole, whole && constants.RowsSorted, constants.SingleWriter, indices, sums);
    }

    /// <summary>
    /// The low (<paramref name="control"/> 0b10_00_10_00) or high (0b11_01_11_01) 32-bit words of
    /// eight synapses held in two registers, as int lanes in synapse order: the shuffle picks them
    /// per 128-bit half (synapses 0, 1, 4, 5 | 2, 3, 6, 7), the 64-bit permute puts the halves in order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Words(Vector256<long> first, Vector256<long> second, [ConstantExpected] byte control)
        => Avx2.Permute4x64(Avx.Shuffle(first.AsSingle(), second.AsSingle(), control).AsDouble(), 0b11_01_10_00).AsInt32();

    /// <summary>
    /// Whether two lanes hold the same value, without AVX-512 CD: rotations by one to four lanes
    /// compare every pair of the eight lanes (a rotation by d meets the pairs of 8 − d too).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasRepeats(Vector256<int> slot)
    {
        var equal = Vector256.Equals(slot, Avx2.PermuteVar8x32(slot, Vector256.Create(1, 2, 3, 4, 5, 6, 7, 0)))
                    | Vector256.Equals(slot, Avx2.PermuteVar8x32(slot, Vector256.Create(2, 3, 4, 5, 6, 7, 0, 1)))
                    | Vector256.Equals(slot, Avx2.PermuteVar8x32(slot, Vector256.Create(3, 4, 5, 6, 7, 0, 1, 2)))
                    | Vector256.Equals(slot, Avx2.PermuteVar8x32(slot, Vector256.Create(4, 5, 6, 7, 0, 1, 2, 3)));
        return equal != Vector256<int>.Zero;
    }

    /// <summary>
    /// Whether two active lanes may add to the same ring cell. A sorted row's targets are strictly
    /// ascending (<see cref="NeuronPool.RowIsSorted"/>), so its lanes never share a cell and skip the
    /// conflict detection, which costs more than the rest of a group's arithmetic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayConflict(Vector256<int> slot, bool rowsSorted)
        => !rowsSorted && Avx512CD.VL.DetectConflicts(slot) != Vector256<int>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Saturate16(Vector256<int> value)
        => Vector256.Min(Vector256.Max(value, Vector256.Create((int)short.MinValue)), Vector256.Create((int)short.MaxValue));
}
