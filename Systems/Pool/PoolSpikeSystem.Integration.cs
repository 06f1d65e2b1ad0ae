using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using CommunityToolkit.HighPerformance;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>The pool tick's cell integration (LIF update and spike test): the range action and its lane and column helpers.</summary>
public sealed partial class PoolSpikeSystem : ISystem
{
    /// <summary>Step 2 over a block of cells; a block's spikes go to its own part of the spike list.</summary>
    private readonly struct IntegrateAction : IRangeAction
    {
        private readonly Table cellTable;
        private readonly int resting, reset, stdpPositive, traceDecay, inputCells;
        private readonly byte refractoryTicks;
        private readonly int[] blockSpikeCounts;

        public IntegrateAction(Table cellTable, in PoolConfig config, int inputCells, int[] blockSpikeCounts)
        {
            this.cellTable = cellTable;
            resting = config.Resting;
            reset = config.Reset;
            stdpPositive = config.StdpPositive;
            traceDecay = config.TraceDecay;
            refractoryTicks = config.RefractoryTicks;
            this.inputCells = inputCells;
            this.blockSpikeCounts = blockSpikeCounts;
        }

        public void Execute(int start, int end)
        {
            var cells = new CellColumns(cellTable);
            int spikes = start;
            int i = start;
            if (Avx512BW.IsSupported)
                i = IntegrateGroups(cells, start, end, ref spikes);
            else if (Vector.IsHardwareAccelerated && Vector<int>.Count is 4 or 8)
                i = IntegrateVectorGroups(cells, start, end, ref spikes);
            for (; i < end; i++)
            {
                ref byte cellRefract = ref Unsafe.Add(ref cells.Refract, i);
                if (cellRefract > 0)
                {
                    cellRefract--;
                    Unsafe.Add(ref cells.SpikeOut, i) = 0;
                    continue;
                }

                ref short cellMembrane = ref Unsafe.Add(ref cells.Membrane, i);
                int m = cellMembrane;
                int shift = 8 - Math.Min((int)Unsafe.Add(ref cells.Leak, i), 7);
                m = Saturating.Clamp16(m + ((resting - m) >> shift));
                if (i < inputCells)
                    m = Saturating.Clamp16(m + Unsafe.Add(ref cells.Input, i));
                m = Saturating.Clamp16(m + Unsafe.Add(ref cells.Synaptic, i));
                int cellTrace = Unsafe.Add(ref cells.Trace, i);
                if (m >= Unsafe.Add(ref cells.Threshold, i))
                {
                    Unsafe.Add(ref cells.SpikeOut, i) = 1;
                    m = reset;
                    cellRefract = refractoryTicks;
                    cellTrace = Math.Clamp(cellTrace + stdpPositive, sbyte.MinValue, sbyte.MaxValue);
                    Unsafe.Add(ref cells.SpikeList, spikes++) = i;
                }
                else
                {
                    Unsafe.Add(ref cells.SpikeOut, i) = 0;
                }

                // 16-bit product, truncated toward zero (C# int division truncates).
                Unsafe.Add(ref cells.Trace, i) = (sbyte)((short)(cellTrace * traceDecay) / 256);
                cellMembrane = (short)m;
            }

            blockSpikeCounts[start / CellBlock] = spikes - start;
        }

        /// <summary>
        /// Step 2 for whole groups of 16 cells in int lanes (AVX-512): the same integer arithmetic
        /// as the scalar loop, lane by lane, with refractory cells masked out; spiking lanes are
        /// appended to the spike list in ascending order. Returns where the scalar tail starts.
        /// </summary>
        private int IntegrateGroups(in CellColumns cells, int start, int end, ref int spikes)
        {
            var restingLanes = Vector512.Create(resting);
            var resetLanes = Vector512.Create(reset);
            var refractoryLanes = Vector512.Create((int)refractoryTicks);
            var stdpLanes = Vector512.Create(stdpPositive);
            var decayLanes = Vector512.Create(traceDecay);
            var seven = Vector512.Create(7);
            var eight = Vector512.Create(8);
            var one = Vector512.Create(1);
            var min16 = Vector512.Create((int)short.MinValue);
            var max16 = Vector512.Create((int)short.MaxValue);
            var min8 = Vector512.Create((int)sbyte.MinValue);
            var max8 = Vector512.Create((int)sbyte.MaxValue);
            var laneIndex = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
            var inputEnd = Vector512.Create(inputCells);
            int spikeCount = spikes;
            int i = start;
            for (; i + 16 <= end; i += 16)
            {
                nuint at = (nuint)i;
                var refractory = Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref cells.Refract, at));
                var awake = Vector512.Equals(refractory, Vector512<int>.Zero);
                var m = Avx512F.ConvertToVector512Int32(Vector256.LoadUnsafe(ref cells.Membrane, at));
                var shift = eight - Vector512.Min(Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref cells.Leak, at)), seven);
                m = Clamp(m + Avx512F.ShiftRightArithmeticVariable(restingLanes - m, shift.AsUInt32()), min16, max16);
                var inputMask = Vector512.LessThan(laneIndex + Vector512.Create(i), inputEnd);
                m = Clamp(m + (Avx512F.ConvertToVector512Int32(Vector256.LoadUnsafe(ref cells.Input, at)) & inputMask), min16, max16);
                m = Clamp(m + Avx512F.ConvertToVector512Int32(Vector256.LoadUnsafe(ref cells.Synaptic, at)), min16, max16);
                var fired = awake & Vector512.GreaterThanOrEqual(m, Avx512F.ConvertToVector512Int32(Vector256.LoadUnsafe(ref cells.Threshold, at)));
                var cellTrace = Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref Unsafe.As<sbyte, byte>(ref cells.Trace), at).AsSByte());
                var bumped = Vector512.ConditionalSelect(fired, Clamp(cellTrace + stdpLanes, min8, max8), cellTrace);
                var product = Vector512.ShiftRightArithmetic(Vector512.ShiftLeft(bumped * decayLanes, 16), 16); // 16-bit product
                // Division by 256 truncating toward zero: add 255 to negatives before the shift.
                var decayed = Vector512.ShiftRightArithmetic(product + (Vector512.ShiftRightArithmetic(product, 31) & Vector512.Create(255)), 8);
                var newTrace = Vector512.ConditionalSelect(awake, decayed, cellTrace);
                var newMembrane = Vector512.ConditionalSelect(awake, Vector512.ConditionalSelect(fired, resetLanes, m),
                    Avx512F.ConvertToVector512Int32(Vector256.LoadUnsafe(ref cells.Membrane, at)));
                var newRefract = Vector512.ConditionalSelect(awake, fired & refractoryLanes, refractory - one);
                Avx512F.ConvertToVector256Int16(newMembrane).StoreUnsafe(ref cells.Membrane, at);
                Avx512F.ConvertToVector128Byte(newRefract).StoreUnsafe(ref cells.Refract, at);
                Avx512F.ConvertToVector128Byte(newTrace).StoreUnsafe(ref Unsafe.As<sbyte, byte>(ref cells.Trace), at);
                Avx512F.ConvertToVector128Byte(fired & one).StoreUnsafe(ref cells.SpikeOut, at);
                uint firedBits = (uint)fired.ExtractMostSignificantBits();
                while (firedBits != 0)
                {
                    Unsafe.Add(ref cells.SpikeList, spikeCount++) = i + BitOperations.TrailingZeroCount(firedBits);
                    firedBits &= firedBits - 1;
                }
            }

            spikes = spikeCount;
            return i;
        }

        /// <summary>
        /// Step 2 without AVX-512, in <see cref="Vector{T}"/> int lanes (AVX2: 8, SSE and NEON: 4):
        /// the cells of one byte vector (32 or 16) per step, as two halves of two int vectors. The
        /// same arithmetic as <see cref="IntegrateGroups"/> (<see cref="CellLanes.Integrate"/>).
        /// Returns where the scalar tail starts.
        /// </summary>
        private int IntegrateVectorGroups(in CellColumns cells, int start, int end, ref int spikes)
        {
            var lanes = new CellLanes(resting, reset, refractoryTicks, stdpPositive, traceDecay, inputCells);
            int step = Vector<byte>.Count;
            int quarter = Vector<int>.Count;
            int spikeCount = spikes;
            int i = start;
            for (; i + step <= end; i += step)
            {
                Vector.Widen(Vector.LoadUnsafe(ref cells.Refract, (nuint)i), out var refractLow, out var refractHigh);
                Vector.Widen(Vector.LoadUnsafe(ref cells.Leak, (nuint)i), out var leakLow, out var leakHigh);
                Vector.Widen(Vector.LoadUnsafe(ref cells.Trace, (nuint)i), out var traceLow, out var traceHigh);
                // Each half: two int vectors in, one i16 vector of membranes and traces and one u16
                // vector of refract counts and spike flags out; the halves are joined into bytes.
                var (refractOutLow, spikeOutLow, traceOutLow, firedLow) = IntegrateHalf(cells, lanes, i, refractLow, leakLow, traceLow);
                var (refractOutHigh, spikeOutHigh, traceOutHigh, firedHigh) = IntegrateHalf(cells, lanes, i + 2 * quarter, refractHigh, leakHigh, traceHigh);
                Vector.StoreUnsafe(Vector.Narrow(refractOutLow, refractOutHigh), ref cells.Refract, (nuint)i);
                Vector.StoreUnsafe(Vector.Narrow(traceOutLow, traceOutHigh), ref cells.Trace, (nuint)i);
                Vector.StoreUnsafe(Vector.Narrow(spikeOutLow, spikeOutHigh), ref cells.SpikeOut, (nuint)i);
                ulong firedBits = firedLow | (ulong)firedHigh << (2 * quarter);
                while (firedBits != 0)
                {
                    Unsafe.Add(ref cells.SpikeList, spikeCount++) = i + BitOperations.TrailingZeroCount(firedBits);
                    firedBits &= firedBits - 1;
                }
            }

            spikes = spikeCount;
            return i;
        }

        /// <summary>
        /// Half a step of <see cref="IntegrateVectorGroups"/>: the 2 × <c>Vector&lt;int&gt;.Count</c>
        /// cells from <paramref name="at"/>. Stores the membranes; returns the new refract counts,
        /// spike flags and traces (narrowed once) and the fired lanes as bits.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (Vector<ushort> Refract, Vector<ushort> SpikeOut, Vector<short> Trace, uint Fired) IntegrateHalf(
            in CellColumns cells, in CellLanes lanes, int at, Vector<ushort> refract, Vector<ushort> leak, Vector<short> trace)
        {
            int quarter = Vector<int>.Count;
            Vector.Widen(refract, out var refract0, out var refract1);
            Vector.Widen(leak, out var leak0, out var leak1);
            Vector.Widen(trace, out var trace0, out var trace1);
            Vector.Widen(Vector.LoadUnsafe(ref cells.Membrane, (nuint)at), out var membrane0, out var membrane1);
            Vector.Widen(Vector.LoadUnsafe(ref cells.Input, (nuint)at), out var input0, out var input1);
            Vector.Widen(Vector.LoadUnsafe(ref cells.Synaptic, (nuint)at), out var synaptic0, out var synaptic1);
            Vector.Widen(Vector.LoadUnsafe(ref cells.Threshold, (nuint)at), out var threshold0, out var threshold1);
            var r0 = Vector.AsVectorInt32(refract0);
            var r1 = Vector.AsVectorInt32(refract1);
            var fired0 = lanes.Integrate(at, ref membrane0, ref r0, Vector.AsVectorInt32(leak0), ref trace0, input0, synaptic0, threshold0);
            var fired1 = lanes.Integrate(at + quarter, ref membrane1, ref r1, Vector.AsVectorInt32(leak1), ref trace1, input1, synaptic1, threshold1);
            Vector.StoreUnsafe(Vector.Narrow(membrane0, membrane1), ref cells.Membrane, (nuint)at);
            var one = Vector<int>.One;
            return (Vector.Narrow(Vector.AsVectorUInt32(r0), Vector.AsVectorUInt32(r1)),
                Vector.Narrow(Vector.AsVectorUInt32(fired0 & one), Vector.AsVectorUInt32(fired1 & one)),
                Vector.Narrow(trace0, trace1),
                CellLanes.Bits(fired0) | CellLanes.Bits(fired1) << quarter);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<int> Clamp(Vector512<int> value, Vector512<int> min, Vector512<int> max)
            => Vector512.Min(Vector512.Max(value, min), max);
    }

    /// <summary>
    /// The cell step of pool.md step 2 on <see cref="Vector{T}"/> int lanes, with the config as
    /// lanes: exactly the scalar loop's integer arithmetic, lane by lane.
    /// </summary>
    private readonly struct CellLanes
    {
        private static readonly Vector<int> LaneIndex = CreateLaneIndex();
        private readonly Vector<int> resting, reset, refractoryTicks, stdpPositive, traceDecay, inputEnd;

        public CellLanes(int resting, int reset, int refractoryTicks, int stdpPositive, int traceDecay, int inputCells)
        {
            this.resting = new Vector<int>(resting);
            this.reset = new Vector<int>(reset);
            this.refractoryTicks = new Vector<int>(refractoryTicks);
            this.stdpPositive = new Vector<int>(stdpPositive);
            this.traceDecay = new Vector<int>(traceDecay);
            inputEnd = new Vector<int>(inputCells);
        }

        /// <summary>
        /// One vector of cells from <paramref name="at"/>: updates membrane, refract and trace in
        /// place (refractory lanes keep membrane and trace) and returns the fired lanes. The leak's
        /// per-cell shift <c>d &gt;&gt; (8 − k)</c>, k = min(leak, 7), is <c>(d · 2^k) &gt;&gt; 8</c>
        /// here — exact, as |d · 2^k| &lt; 2^23 — because these instruction sets have no variable
        /// shift; 2^k is built in the float exponent field.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<int> Integrate(int at, ref Vector<int> membrane, ref Vector<int> refract, Vector<int> leak, ref Vector<int> trace,
            Vector<int> input, Vector<int> synaptic, Vector<int> threshold)
        {
            var awake = Vector.Equals(refract, Vector<int>.Zero);
            var m = membrane;
            var power = Vector.ConvertToInt32(Vector.AsVectorSingle(Vector.ShiftLeft(Vector.Min(leak, new Vector<int>(7)) + new Vector<int>(127), 23)));
            m = Clamp16(m + Vector.ShiftRightArithmetic((resting - m) * power, 8));
            m = Clamp16(m + (input & Vector.LessThan(LaneIndex + new Vector<int>(at), inputEnd)));
            m = Clamp16(m + synaptic);
            var fired = awake & Vector.GreaterThanOrEqual(m, threshold);
            var bumped = Vector.ConditionalSelect(fired, Vector.Min(Vector.Max(trace + stdpPositive, new Vector<int>(sbyte.MinValue)), new Vector<int>(sbyte.MaxValue)), trace);
            var product = Vector.ShiftRightArithmetic(Vector.ShiftLeft(bumped * traceDecay, 16), 16); // 16-bit product
            // Division by 256 truncating toward zero: add 255 to negatives before the shift.
            var decayed = Vector.ShiftRightArithmetic(product + (Vector.ShiftRightArithmetic(product, 31) & new Vector<int>(255)), 8);
            trace = Vector.ConditionalSelect(awake, decayed, trace);
            membrane = Vector.ConditionalSelect(awake, Vector.ConditionalSelect(fired, reset, m), membrane);
            refract = Vector.ConditionalSelect(awake, fired & refractoryTicks, refract - Vector<int>.One);
            return fired;
        }

        /// <summary>Lane bits of an int mask vector (lane 0 in bit 0).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Bits(Vector<int> mask)
            => Vector<int>.Count == 8 ? mask.AsVector256().ExtractMostSignificantBits() : mask.AsVector128().ExtractMostSignificantBits();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<int> Clamp16(Vector<int> value)
            => Vector.Min(Vector.Max(value, new Vector<int>(short.MinValue)), new Vector<int>(short.MaxValue));

        private static Vector<int> CreateLaneIndex()
        {
            Span<int> index = stackalloc int[Vector<int>.Count];
            for (int lane = 0; lane < index.Length; lane++)
                index[lane] = lane;
            return new Vector<int>(index);
        }
    }

    /// <summary>References to the first element of each cell column step 2 uses, taken once per block.</summary>
    private readonly ref struct CellColumns
    {
        public CellColumns(Table cells)
        {
            Membrane = ref cells.DangerousGetArray(PoolColumns.Membrane).DangerousGetReference();
            Threshold = ref cells.DangerousGetArray(PoolColumns.Threshold).DangerousGetReference();
            Leak = ref cells.DangerousGetArray(PoolColumns.Leak).DangerousGetReference();
            Refract = ref cells.DangerousGetArray(PoolColumns.Refract).DangerousGetReference();
            Trace = ref cells.DangerousGetArray(PoolColumns.Trace).DangerousGetReference();
            SpikeOut = ref cells.DangerousGetArray(PoolColumns.SpikeOut).DangerousGetReference();
            Synaptic = ref cells.DangerousGetArray(PoolColumns.SynapticCurrent).DangerousGetReference();
            Input = ref cells.DangerousGetArray(PoolColumns.Input).DangerousGetReference();
            SpikeList = ref cells.DangerousGetArray(PoolColumns.SpikeList).DangerousGetReference();
        }

        public readonly ref short Membrane;
        public readonly ref short Threshold;
        public readonly ref byte Leak;
        public readonly ref byte Refract;
        public readonly ref sbyte Trace;
        public readonly ref byte SpikeOut;
        public readonly ref short Synaptic;
        public readonly ref short Input;
        public readonly ref int SpikeList;
    }
}
