using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// The inner loop of pool tick step 3 (pool.md): for each synapse of one spiking row whose
/// target lies in a given range, mark eligibility (decay the stored value, then add the STDP
/// mark chosen by the target's spike) and add <c>weight * 64</c> to the ring with i16 saturation.
/// </summary>
/// <remarks>
/// The vector path takes eight synapses (one cache line) at a time with AVX-512: fields are
/// narrowed to int lanes, the decay table, the targets' spike flags, the ring offsets and the
/// ring values are gathered, and the eight sums are written back one by one. It is exact: the
/// eight ring cells are distinct (checked with a conflict test per group, else the group runs
/// scalar), so each cell still sees the row's adds in order, one saturating add at a time.
/// A group writes back all eight synapses only when all eight targets are in range, so a
/// worker never touches a synapse that belongs to another worker's target range.
/// Gathers read whole 32-bit words that <em>end</em> at the wanted byte or i16 (the value is
/// shifted down), so they never read past an array's end; the 1–3 bytes before index 0 lie in
/// the array's own header.
/// </remarks>
internal static unsafe class SynapseEventKernel
{
    /// <summary>Whether the AVX-512 path runs on this machine (otherwise the scalar loop does).</summary>
    public static bool IsVectorized => Avx512F.IsSupported && Avx512CD.VL.IsSupported && Avx2.IsSupported;

    /// <summary>Processes synapses <c>[first, last)</c> of one row (see the type's remarks).</summary>
    /// <param name="synapses">The pool's synapse store.</param>
    /// <param name="first">First synapse index of the row part.</param>
    /// <param name="last">One past the last synapse index.</param>
    /// <param name="rowDecay">Decay table row for the row's elapsed ticks, centred: <c>rowDecay[e]</c> for e in −128..127.</param>
    /// <param name="context">Ring, spike flags, slot offsets, STDP marks and the target range.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(Synapse* synapses, int first, int last, sbyte* rowDecay, in SynapseEventContext context)
    {
        int s = first;
        if (IsVectorized)
            s = RunGroups(synapses, first, last, rowDecay, context);
        RunScalar(synapses, s, last, rowDecay, context);
    }

    /// <summary>The reference loop: one synapse at a time, skipping targets outside the range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunScalar(Synapse* synapses, int first, int last, sbyte* rowDecay, in SynapseEventContext context)
    {
        short* ring = context.Ring;
        byte* spikeOut = context.SpikeOut;
        int* slotOffsets = context.SlotOffsets;
        int rangeStart = context.RangeStart;
        uint rangeWidth = context.RangeWidth;
        int stdpPositive = context.StdpPositive;
        int markDelta = context.MarkDelta;
        for (int s = first; s < last; s++)
        {
            Synapse* synapse = synapses + s;
            int target = synapse->Target;
            if ((uint)(target - rangeStart) >= rangeWidth)
                continue; // outside the pool (the reference skips it) or another worker's target
            // spikeOut is 0 or 1: a branch-free choice between the two STDP marks.
            int eligibility = rowDecay[synapse->Eligibility] + stdpPositive + spikeOut[target] * markDelta;
            synapse->Eligibility = (sbyte)Saturating.Clamp8(eligibility);
            short* slot = ring + slotOffsets[synapse->Delay] + target;
            *slot = (short)Saturating.Clamp16(*slot + synapse->Weight * 64);
        }
    }

    /// <summary>Whole groups of eight; returns the index where the scalar tail starts.</summary>
    private static int RunGroups(Synapse* synapses, int first, int last, sbyte* rowDecay, in SynapseEventContext context)
    {
        short* ring = context.Ring;
        int* slotOffsets = context.SlotOffsets;
        int* decayWords = (int*)(rowDecay - 3);
        int* spikeWords = (int*)(context.SpikeOut - 3);
        int* ringWords = (int*)(ring - 1);
        var lowWord = Vector256.Create(0xFFFF);
        var rangeStart = Vector256.Create(context.RangeStart);
        var rangeLast = Vector256.Create(context.RangeWidth - 1);
        var stdpPositive = Vector256.Create(context.StdpPositive);
        var markDelta = Vector256.Create(context.MarkDelta);
        var min8 = Vector256.Create((int)sbyte.MinValue);
        var max8 = Vector256.Create((int)sbyte.MaxValue);
        var min16 = Vector256.Create((int)short.MinValue);
        var max16 = Vector256.Create((int)short.MaxValue);
        var keepAllButEligibility = Vector512.Create(~(0xFFUL << 32));
        var lowByte = Vector512.Create(0xFFUL);
        int* indices = stackalloc int[Vector256<int>.Count];
        int* sums = stackalloc int[Vector256<int>.Count];
        int s = first;
        for (; s + 8 <= last; s += 8)
        {
            ulong* group = (ulong*)(synapses + s);
            var raw = Vector512.Load(group);
            // Low word: target | weight << 16 | delay << 24; high word: eligibility | maturity << 8 | reserved << 16.
            var low = Avx512F.ConvertToVector256UInt32(raw).AsInt32();
            var target = low & lowWord;
            var delay = Vector256.ShiftRightLogical(low, 24);
            var slot = Avx2.GatherVector256(slotOffsets, delay, 4) + target;
            var outOfRange = Vector256.GreaterThan((target - rangeStart).AsUInt32(), rangeLast);
            if (outOfRange != Vector256<uint>.Zero || Avx512CD.VL.DetectConflicts(slot) != Vector256<int>.Zero)
            {
                RunScalar(synapses, s, s + 8, rowDecay, context);
                continue;
            }

            var high = Avx512F.ConvertToVector256UInt32(Vector512.ShiftRightLogical(raw, 32)).AsInt32();
            var eligibility = Vector256.ShiftRightArithmetic(Vector256.ShiftLeft(high, 24), 24);
            var decayed = Vector256.ShiftRightArithmetic(Avx2.GatherVector256(decayWords, eligibility, 1), 24);
            var spiked = Vector256.ShiftRightLogical(Avx2.GatherVector256(spikeWords, target, 1), 24);
            var marked = decayed + stdpPositive + ((Vector256<int>.Zero - spiked) & markDelta);
            var clamped = Vector256.Min(Vector256.Max(marked, min8), max8);
            var widened = Avx512F.ConvertToVector512UInt64(clamped.AsUInt32()) & lowByte;
            ((raw & keepAllButEligibility) | Vector512.ShiftLeft(widened, 32)).Store(group);

            var weight = Vector256.ShiftRightArithmetic(Vector256.ShiftLeft(low, 8), 24);
            var current = Vector256.ShiftRightArithmetic(Avx2.GatherVector256(ringWords, slot, 2), 16);
            var sum = Vector256.Min(Vector256.Max(current + Vector256.ShiftLeft(weight, 6), min16), max16);
            slot.Store(indices);
            sum.Store(sums);
            ring[indices[0]] = (short)sums[0];
            ring[indices[1]] = (short)sums[1];
            ring[indices[2]] = (short)sums[2];
            ring[indices[3]] = (short)sums[3];
            ring[indices[4]] = (short)sums[4];
            ring[indices[5]] = (short)sums[5];
            ring[indices[6]] = (short)sums[6];
            ring[indices[7]] = (short)sums[7];
        }

        return s;
    }
}
