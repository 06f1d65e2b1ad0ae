using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// Pool tick step 3 (pool.md) for one target range: for every spiking row in source order and
/// each of its synapses whose target lies in the range, mark eligibility (decay the stored value,
/// then add the STDP mark chosen by the target's spike) and add <c>weight * 64</c> to the ring
/// with i16 saturation.
/// </summary>
/// <remarks>
/// Paths, widest first (all give the scalar bytes): AVX-512 (below), AVX2
/// (<see cref="RunGroup256{TGroup}"/>: the same groups of eight in two registers, permutes and
/// gathers instead of the 512-bit and VBMI instructions, a rotation test instead of conflict
/// detection) and the scalar loop (<see cref="RunScalar"/>, branch-free; the kernel on SSE-only
/// x86 and ARM, which have no gathers).
/// The AVX-512 path takes eight synapses (one cache line) at a time; a row's last
/// group is masked, and so are lanes whose target belongs to another worker (or lies outside the
/// pool). The targets' spike flags and the ring values are gathered; ring offsets of delays below
/// 16 come from two registers (a permute), longer delays are gathered; with AVX-512 VBMI the
/// eligibilities are decayed and marked in place as bytes (two byte permutes over the row's decay
/// table and a saturating add), otherwise through int lanes and a gather. The ring sums are
/// written back one by one. It is exact: the active ring cells of a group are distinct (a sorted
/// row's targets are; other rows take a conflict test per group, else the group runs scalar), so
/// each cell still sees the adds in the reference order, one saturating add at a time; and idle
/// lanes are never stored, so a worker never writes another worker's synapses. (One exception,
/// when a single worker owns every target: the tail group of a row stores its idle lanes too,
/// writing back the ring value they read, which leaves every cell as it was and spares the
/// branch per lane; see <see cref="AddToRing"/>.)
/// Gathers read whole 32-bit words that <em>end</em> at the wanted byte or i16 (the value is
/// shifted down), so they never read past an array's end; the 1–3 bytes before index 0 lie in
/// the array's own header. Everything sits in one method so the vector constants stay in registers
/// across rows (rows of the 65 536-cell pool hold ~20 synapses).
/// </remarks>
internal static unsafe partial class SynapseEventKernel
{
    /// <summary>
    /// Sorted rows at least this long are cut to the worker's part by binary search; shorter rows
    /// are walked whole, the other workers' synapses being idle lanes.
    /// </summary>
    private const int SearchedRowLength = 64;

    /// <summary>Whether the AVX-512 path runs on this machine.</summary>
    public static bool IsVectorized512 => Avx512F.IsSupported && Avx512CD.VL.IsSupported && Avx2.IsSupported;

    /// <summary>Whether the AVX2 path runs on this machine (when the AVX-512 one does not).</summary>
    public static bool IsVectorized256 => Avx2.IsSupported;

    /// <summary>
    /// Processes every spiking row's synapses whose target lies in the context's range: the widest
    /// path this machine has (AVX-512, AVX2, then the scalar loop), all giving the scalar bytes.
    /// </summary>
    public static void RunRows(in SpikingRows rows, in SynapseEventContext context)
    {
        if (IsVectorized512)
            RunRowsVector<Lanes512>(rows, context);
        else if (IsVectorized256)
            RunRowsVector<Lanes256>(rows, context);
        else
            RunRowsScalar(rows, context);
    }

    private static void RunRowsScalar(in SpikingRows rows, in SynapseEventContext context)
    {
        for (int k = 0; k < rows.Count; k++)
        {
            sbyte* rowDecay = RowPart(rows, k, context, out int first, out int last);
            RunScalar(rows.Synapses, first, last, rowDecay, context);
        }
    }

    /// <summary>
    /// The row loop shared by the vector paths (prefetch, the worker's part of each row); the lane
    /// type runs the row's groups of eight synapses. One method after inlining, so the constants
    /// stay in registers across rows.
    /// </summary>
    private static void RunRowsVector<TLanes>(in SpikingRows rows, in SynapseEventContext context) where TLanes : struct, IEventLanes
    {
        var constants = new GroupConstants(context, rows.RowsSorted, rows.Workers == 1);
        int* indices = stackalloc int[RingScratchInts];
        int* sums = stackalloc int[RingScratchInts];
        indices[DeferredFlag] = 0;
        for (int k = 0; k < rows.Count; k++)
        {
            if (k + BoundsPrefetchDistance < rows.Count && Sse.IsSupported)
                PrefetchBounds(rows, rows.SpikeList[k + BoundsPrefetchDistance]);
            if (k + PrefetchDistance < rows.Count && Sse.IsSupported)
                Prefetch(rows, rows.SpikeList[k + PrefetchDistance], context.Worker);
            sbyte* rowDecay = RowPart(rows, k, context, out int first, out int last);
            if (first >= last)
                continue; // another worker's part only: no decay table to load
            TLanes.RunRow(rows.Synapses, first, last, rowDecay, context, constants, indices, sums);
        }
    }

    /// <summary>One vector width's way of running a row part in groups of eight synapses.</summary>
    private interface IEventLanes
    {
        static abstract void RunRow(Synapse* synapses, int first, int last, sbyte* rowDecay, in SynapseEventContext context,
            in GroupConstants constants, int* indices, int* sums);
    }

    /// <summary>AVX-512: a group is one 512-bit load; with VBMI the decay table sits in registers.</summary>
    private readonly struct Lanes512 : IEventLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void RunRow(Synapse* synapses, int first, int last, sbyte* rowDecay, in SynapseEventContext context,
            in GroupConstants constants, int* indices, int* sums)
        {
            var decay = Avx512Vbmi.IsSupported ? new DecayLookup(rowDecay) : default;
            int s = first;
            for (; s + 8 <= last; s += 8)
                RunGroup<WholeGroup>(synapses, s, 8, rowDecay, decay, context, constants, indices, sums);
            WriteDeferred(context.Ring, indices, sums);
            if (s < last)
                RunGroup<PartGroup>(synapses, s, last - s, rowDecay, decay, context, constants, indices, sums);
        }
    }

    /// <summary>AVX2: a group is two 256-bit loads whose words are regrouped into int lanes.</summary>
    private readonly struct Lanes256 : IEventLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void RunRow(Synapse* synapses, int first, int last, sbyte* rowDecay, in SynapseEventContext context,
            in GroupConstants constants, int* indices, int* sums)
        {
            int s = first;
            for (; s + 8 <= last; s += 8)
                RunGroup256<WholeGroup>(synapses, s, 8, rowDecay, context, constants, indices, sums);
            WriteDeferred(context.Ring, indices, sums);
            if (s < last)
                RunGroup256<PartGroup>(synapses, s, last - s, rowDecay, context, constants, indices, sums);
        }
    }

    /// <summary>
    /// Eight synapses from <paramref name="s"/> (the first <paramref name="count"/> of them for a
    /// <see cref="PartGroup"/>). Lanes whose target lies outside the range are idle: their loads,
    /// gathers and stores are masked off, so a worker never writes another worker's synapses.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunGroup<TGroup>(Synapse* synapses, int s, int count, sbyte* rowDecay, in DecayLookup decay,
        in SynapseEventContext context, in GroupConstants constants, int* indices, int* sums) where TGroup : struct, IGroupKind
    {
        ulong* group = (ulong*)(synapses + s);
        Vector512<ulong> raw;
        var valid = Vector256<int>.AllBitsSet;
        if (TGroup.IsPart)
        {
            valid = Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(count));
            raw = MaskedVector512.Load(group, valid);
        }
        else
        {
            raw = Vector512.Load(group);
        }

        // Low word: target | weight << 16 | delay << 24; high word: eligibility | maturity << 8 | reserved << 16.
        var low = Avx512F.ConvertToVector256UInt32(raw).AsInt32();
        var target = low & Vector256.Create(0xFFFF);
        var active = Vector256.LessThanOrEqual((target - constants.RangeStart).AsUInt32(), constants.RangeLast).AsInt32() & valid;
        if (active == Vector256<int>.Zero)
            return; // every target belongs to another worker (or lies outside the pool)
        bool whole = active == Vector256<int>.AllBitsSet;
        var delay = Vector256.ShiftRightLogical(low, 24);
        // Delays below 16 (every delay of a pool with MaxDelay ≤ 15) find their slot offset in
        // two registers; a gather costs several times the latency.
        var slotOffset = Vector256.GreaterThanAny(delay.AsUInt32(), Vector256.Create(15u))
            ? Avx2.GatherVector256(context.SlotOffsets, delay, 4)
            : Avx512F.VL.PermuteVar8x32x2(constants.SlotOffsetsLow, delay, constants.SlotOffsetsHigh);
        var slot = slotOffset + target;
        if (!whole)
            slot = Vector256.ConditionalSelect(active, slot, Vector256.Create(-1, -2, -3, -4, -5, -6, -7, -8)); // idle lanes never conflict
        if (MayConflict(slot, constants.RowsSorted))
        {
            RunScalar(synapses, s, s + count, rowDecay, context);
            return;
        }

        var spiked = Vector256.ShiftRightLogical(Avx2.GatherVector256((int*)(context.SpikeOut - 3), target, 1), 24);
        var mark = constants.StdpPositive + ((Vector256<int>.Zero - spiked) & constants.MarkDelta);
        Vector512<ulong> updated;
        if (Avx512Vbmi.IsSupported)
        {
            // Byte-wise, in place: byte 4 of each synapse is its eligibility. Both marks are
            // sbytes, so one saturating byte add is the reference's clamp of the exact sum.
            var markBytes = Vector512.ShiftLeft(Avx512F.ConvertToVector512UInt64(mark.AsUInt32()), 32).AsSByte();
            var marked = Avx512BW.AddSaturate(decay.Lookup(raw.AsByte()).AsSByte(), markBytes);
            updated = Vector512.ConditionalSelect(Vector512.Create(0xFFUL << 32), marked.AsUInt64(), raw);
        }
        else
        {
            var high = Avx512F.ConvertToVector256UInt32(Vector512.ShiftRightLogical(raw, 32)).AsInt32();
            var eligibility = Vector256.ShiftRightArithmetic(Vector256.ShiftLeft(high, 24), 24);
            var decayed = Vector256.ShiftRightArithmetic(Avx2.GatherVector256((int*)(rowDecay - 3), eligibility, 1), 24);
            var clamped = Vector256.Min(Vector256.Max(decayed + mark, Vector256.Create((int)sbyte.MinValue)), Vector256.Create((int)sbyte.MaxValue));
            var widened = Avx512F.ConvertToVector512UInt64(clamped.AsUInt32()) & Vector512.Create(0xFFUL);
            updated = (raw & Vector512.Create(~(0xFFUL << 32))) | Vector512.ShiftLeft(widened, 32);
        }

        if (whole)
            updated.Store(group);
        else
            MaskedVector512.Store(group, active, updated);
        AddToRing(context.Ring, slot, low, active, valid, whole, whole && constants.RowsSorted, constants.SingleWriter, indices, sums);
    }

    /// <summary>Compile-time choice between a whole group of eight and a masked row tail.</summary>
    private interface IGroupKind
    {
        static abstract bool IsPart { get; }
    }

    private readonly struct WholeGroup : IGroupKind
    {
        public static bool IsPart => false;
    }

    private readonly struct PartGroup : IGroupKind
    {
        public static bool IsPart => true;
    }

    /// <summary>
    /// One row's 256-entry decay table (indexed by the eligibility byte) in four registers, for
    /// looking up a whole group's eligibilities with two byte permutes instead of a gather.
    /// </summary>
    private readonly struct DecayLookup
    {
        /// <param name="rowDecay">The table's entry for eligibility 0 (entries −128..127 around it).</param>
        public DecayLookup(sbyte* rowDecay)
        {
            NonNegativeLow = Vector512.Load((byte*)rowDecay);
            NonNegativeHigh = Vector512.Load((byte*)rowDecay + 64);
            NegativeLow = Vector512.Load((byte*)rowDecay - 128);
            NegativeHigh = Vector512.Load((byte*)rowDecay - 64);
        }

        private Vector512<byte> NonNegativeLow { get; }
        private Vector512<byte> NonNegativeHigh { get; }
        private Vector512<byte> NegativeLow { get; }
        private Vector512<byte> NegativeHigh { get; }

        /// <summary>Each byte of <paramref name="values"/>, read as an sbyte eligibility, replaced by its decayed value.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<byte> Lookup(Vector512<byte> values)
        {
            // A byte permute indexes 128 entries by the low seven bits; the sign bit picks the half.
            var nonNegative = Avx512Vbmi.PermuteVar64x8x2(NonNegativeLow, values, NonNegativeHigh);
            var negative = Avx512Vbmi.PermuteVar64x8x2(NegativeLow, values, NegativeHigh);
            return Vector512.ConditionalSelect(Vector512.LessThan(values.AsSByte(), Vector512<sbyte>.Zero).AsByte(), negative, nonNegative);
        }
    }

    /// <summary>The range and STDP constants as lanes, built once per call.</summary>
    private readonly struct GroupConstants
    {
        public GroupConstants(in SynapseEventContext context, bool rowsSorted, bool singleWriter)
        {
            SingleWriter = singleWriter;
            RangeStart = Vector256.Create(context.RangeStart);
            RangeLast = Vector256.Create(context.RangeWidth - 1);
            StdpPositive = Vector256.Create(context.StdpPositive);
            MarkDelta = Vector256.Create(context.MarkDelta);
            SlotOffsetsLow = Vector256.Load(context.SlotOffsets);
            SlotOffsetsHigh = Vector256.Load(context.SlotOffsets + Vector256<int>.Count);
            RowsSorted = rowsSorted;
        }

        public Vector256<int> RangeStart { get; }
        public Vector256<uint> RangeLast { get; }
        public Vector256<int> StdpPositive { get; }
        public Vector256<int> MarkDelta { get; }

        /// <summary>Ring offsets of delays 0–7.</summary>
        public Vector256<int> SlotOffsetsLow { get; }

        /// <summary>Ring offsets of delays 8–15.</summary>
        public Vector256<int> SlotOffsetsHigh { get; }

        /// <summary>Whether every row is in ascending target order (<see cref="SpikingRows.RowsSorted"/>).</summary>
        public bool RowsSorted { get; }

        /// <summary>Whether this is the only worker writing the ring this call (a serial run).</summary>
        public bool SingleWriter { get; }
    }

    /// <summary>
    /// The part of spiking row <paramref name="k"/> this range owns (the whole row, or with rows in
    /// target order the slice found by binary search; unsorted rows are filtered synapse by synapse).
    /// Returns the decay-table row for the ticks since the row's eligibility was last current.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static sbyte* RowPart(in SpikingRows rows, int k, in SynapseEventContext context, out int first, out int last)
    {
        int source = rows.SpikeList[k];
        first = (int)rows.RowStart[source];
        last = source + 1 < rows.CellCount ? (int)rows.RowStart[source + 1] : rows.SynapseCount;
        if (rows.RowsSorted && !context.IsWholePool(rows.CellCount) && !TryRowCut(rows, source, context, ref first, ref last)
            && last - first >= SearchedRowLength)
        {
            first = LowerBound(rows.Synapses, first, last, context.RangeStart);
            last = LowerBound(rows.Synapses, first, last, (int)(context.RangeStart + context.RangeWidth));
        }

        ulong elapsed = rows.Tick - rows.Stamps[source];
        return rows.DecayTable + (int)Math.Min(elapsed, PoolEligibility.Horizon) * 256 + 128;
    }

    /// <summary>
    /// Narrows a sorted row [first, last) to this worker's part with the cached cuts, when they are
    /// still right. The check reads only the targets beside each cut, so a worker reads none of
    /// another worker's synapses (those lines are being written on the other core).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryRowCut(in SpikingRows rows, int source, in SynapseEventContext context, ref int first, ref int last)
    {
        int w = context.Worker;
        if (rows.RowCuts == null || w >= rows.Workers)
            return false;
        int* cuts = rows.RowCuts + (long)source * (rows.Workers - 1);
        int cutFirst = w == 0 ? first : cuts[w - 1];
        int cutLast = w == rows.Workers - 1 ? last : cuts[w];
        if (!IsCut(rows.Synapses, first, last, cutFirst, context.RangeStart)
            || !IsCut(rows.Synapses, first, last, cutLast, (int)(context.RangeStart + context.RangeWidth)))
            return false;
        first = cutFirst;
        last = cutLast;
        return true;
    }

    /// <summary>Whether <paramref name="cut"/> is where a sorted row [rowFirst, rowLast) crosses <paramref name="bound"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCut(Synapse* synapses, int rowFirst, int rowLast, int cut, int bound)
        => (uint)(cut - rowFirst) <= (uint)(rowLast - rowFirst)
            && (cut == rowFirst || synapses[cut - 1].Target < bound)
            && (cut == rowLast || synapses[cut].Target >= bound);

    /// <summary>
    /// First index in [from, to) whose target is ≥ <paramref name="target"/> (rows ascending by
    /// target). Branch-free: every worker searches every spiking row, and a branching search
    /// mispredicts about once per step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LowerBound(Synapse* synapses, int from, int to, int target)
    {
        int length = to - from;
        if (length == 0)
            return from;
        while (length > 1)
        {
            int half = length >> 1;
            // below is −1 when the probe's target is below the bound (targets and bound are < 2^17).
            int below = (synapses[from + half - 1].Target - target) >> 31;
            from += half & below;
            length -= half;
        }

        return from + (int)((uint)(synapses[from].Target - target) >> 31);
    }
}
