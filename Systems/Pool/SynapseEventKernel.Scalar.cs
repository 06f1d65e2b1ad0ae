using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>The scalar loop of the synapse-event kernel (tails, fallbacks, machines without AVX2).</summary>
internal static unsafe partial class SynapseEventKernel
{
    /// <summary>
    /// The reference loop: one synapse at a time, skipping targets outside the range. It is the
    /// whole kernel on machines without AVX2 (SSE-only x86, ARM: no gathers, so a vector of
    /// synapses would be taken apart lane by lane anyway), so it is written for few instructions:
    /// the eligibility's i8 saturation is one load from <see cref="MarkedDecay"/>'s clamp table,
    /// shifted by the mark the target's spike picks (a mask, no multiply), and the ring's i16
    /// saturation is <see cref="AddSaturate"/>. Nothing branches on data: a third of the ring adds
    /// clip in a saturated pool and a third of the targets spike, so branches would mispredict.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // no call inside the vector loop: vector registers would be spilled around it
    private static void RunScalar(Synapse* synapses, int first, int last, sbyte* rowDecay, in SynapseEventContext context)
    {
        short* ring = context.Ring;
        byte* spikeOut = context.SpikeOut;
        int* slotOffsets = context.SlotOffsets;
        int rangeStart = context.RangeStart;
        uint rangeWidth = context.RangeWidth;
        // Clamp tables shifted by each mark: marked[decayed] = sat8(decayed + mark).
        sbyte* markedPositive = MarkedDecay.Clamp + context.StdpPositive;
        int markDelta = context.MarkDelta;
        for (int s = first; s < last; s++)
        {
            Synapse* synapse = synapses + s;
            int target = synapse->Target;
            if ((uint)(target - rangeStart) >= rangeWidth)
                continue; // outside the pool (the reference skips it) or another worker's target
            // spikeOut is 0 or 1: −spike is an all-ones or zero mask (the JIT keeps ?: a branch in loops).
            sbyte* marked = markedPositive + (-spikeOut[target] & markDelta);
            synapse->Eligibility = marked[rowDecay[synapse->Eligibility]];
            short* slot = ring + slotOffsets[synapse->Delay] + target;
            *slot = AddSaturate(*slot, (short)(synapse->Weight * 64)); // weight · 64 fits in i16
        }
    }

    /// <summary>
    /// sat16(a + b), branch-free: one saturating add of the scalars in a vector register where
    /// SSE2 has it (fewer instructions than the shift-and-mask clamp), the clamp elsewhere.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static short AddSaturate(short a, short b)
        => Sse2.IsSupported
            ? Sse2.AddSaturate(Vector128.CreateScalarUnsafe(a), Vector128.CreateScalarUnsafe(b)).ToScalar()
            : (short)Saturating.Clamp16(a + b);

    /// <summary>
    /// The i8 saturation of <c>decayed + mark</c> as a table: both are sbytes, so the sum lies in
    /// [−256, 254] and <see cref="Clamp"/>[sum] (entries −256..255 around it) is sat8(sum).
    /// </summary>
    private static class MarkedDecay
    {
        private static readonly sbyte[] Table = CreateTable();

        /// <summary>Entry 0 of the pinned table (valid offsets −256..255).</summary>
        public static readonly sbyte* Clamp = (sbyte*)Unsafe.AsPointer(ref Table[256]);

        private static sbyte[] CreateTable()
        {
            var table = GC.AllocateArray<sbyte>(512, pinned: true);
            for (int i = 0; i < table.Length; i++)
                table[i] = (sbyte)Math.Clamp(i - 256, sbyte.MinValue, sbyte.MaxValue);
            return table;
        }
    }
}
