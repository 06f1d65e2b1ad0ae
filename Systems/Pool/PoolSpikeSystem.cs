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

/// <summary>
/// Pool tick steps 1–3 (pool.md, "Tick"), fused per pool because each step feeds the next:
/// drain the delay ring, integrate every cell (refractory, leak, input, synaptic current,
/// threshold, trace), then propagate each spike along its CSR row in source order, marking
/// eligibility (with the exact lazy decay of <see cref="PoolEligibility"/>) and adding
/// <c>weight * 64</c> to the ring slot <c>delay</c> ticks ahead with i16 saturation after every add.
/// </summary>
/// <remarks>
/// Large pools run on the world's worker pool without changing a single bit:
/// <list type="bullet">
/// <item>cells are integrated in fixed blocks, each block listing its spikes in its own part of
/// the spike list, and the parts are joined in block order (= ascending cell order);</item>
/// <item>propagation is split by <em>target</em> range: every worker walks all spiking rows in
/// source order but touches only synapses whose target lies in its range, so each ring slot
/// and each synapse sees exactly the reference sequence of saturating adds. With rows in
/// ascending target order (<see cref="PoolState.RowsSorted"/>) a worker finds its part of a row
/// by binary search; otherwise it filters.</item>
/// </list>
/// Any partition gives the same bytes, so the result does not depend on the thread count.
/// </remarks>
public sealed class PoolSpikeSystem : ISystem
{
    /// <summary>Cells per integration block when cells are integrated in parallel.</summary>
    public const int CellBlock = 8192;

    /// <summary>Expected synaptic events per tick (spikes × mean row length) below which propagation stays on the calling thread.</summary>
    public const int ParallelEventThreshold = 16384;

    private static readonly ComponentSet PoolSet = ComponentSet.Of<PoolConfig, PoolState>();
    private readonly int[] blockSpikeCounts = new int[PoolFactory.MaxCells / CellBlock + 1];
    private readonly int[] slotOffsets = new int[256];
    private readonly Dictionary<TableHandle, TargetSplit> splits = new();
    private int[] splitBoundaries = new int[Environment.ProcessorCount + 1];

    /// <inheritdoc />
    public string Name => "PoolSpike";

    /// <inheritdoc />
    public void Update(World world)
    {
        foreach (var table in world.Query(PoolSet))
        {
            var configs = table.Span<PoolConfig>();
            var states = table.Span<PoolState>();
            for (int row = 0; row < table.Count; row++)
                TickPool(world, in configs[row], ref states[row]);
        }
    }

    /// <summary>Runs steps 1–3 of one pool tick.</summary>
    public void TickPool(World world, in PoolConfig config, ref PoolState state)
    {
        var cells = world.GetTable(state.Cells);
        var arrays = new PoolArrays(world, state);
        int n = cells.Count;
        Drain(config, ref state, arrays, n);
        var integrate = new IntegrateAction(arrays, config, Math.Min(state.InputLength, n), blockSpikeCounts);
        bool parallelCells = n > CellBlock && world.Parallel.ThreadCount > 1;
        if (parallelCells)
            world.Parallel.For(n, CellBlock, integrate);
        else
            integrate.Execute(0, n);
        state.LastSpikeCount = parallelCells ? JoinSpikeLists(arrays.SpikeList, n) : blockSpikeCounts[0];
        Propagate(world, config, state, arrays, n, state.LastSpikeCount);
    }

    private static void Drain(in PoolConfig config, ref PoolState state, in PoolArrays arrays, int n)
    {
        var slot = arrays.DelayRing.AsSpan(state.WriteHead * n, n);
        slot.CopyTo(arrays.SynapticCurrent);
        slot.Clear();
        state.WriteHead = (state.WriteHead + 1) % config.MaxDelay;
    }

    /// <summary>Moves each block's spikes down behind the previous blocks' (ascending cell order).</summary>
    private int JoinSpikeLists(int[] spikeList, int n)
    {
        int blocks = (n + CellBlock - 1) / CellBlock;
        int total = blockSpikeCounts[0];
        for (int block = 1; block < blocks; block++)
        {
            int count = blockSpikeCounts[block];
            Array.Copy(spikeList, block * CellBlock, spikeList, total, count);
            total += count;
        }

        return total;
    }

    private void Propagate(World world, in PoolConfig config, in PoolState state, in PoolArrays arrays, int n, int spikes)
    {
        if (spikes == 0)
            return;
        // Ring offset for every possible delay byte: slot (writeHead + max(d,1) − 1) % maxDelay.
        for (int d = 0; d < slotOffsets.Length; d++)
            slotOffsets[d] = (state.WriteHead + Math.Max(d, 1) - 1) % config.MaxDelay * n;
        // Expected events from the mean row length: only the serial/parallel choice reads it, and
        // results do not depend on that choice, so an estimate saves a pass over the spiking rows.
        long events = (long)spikes * arrays.SynapseCount / n;

        int threads = world.Parallel.ThreadCount;
        if (events >= ParallelEventThreshold && threads > 1)
        {
            if (!splits.TryGetValue(state.Cells, out var split))
            {
                PruneSplits(world);
                splits.Add(state.Cells, split = new TargetSplit());
            }

            bool parallel = split.ChooseParallel();
            long started = Stopwatch.GetTimestamp();
            if (parallel)
            {
                var cut = split.Boundaries(arrays.Synapses.AsSpan(0, arrays.SynapseCount), arrays.RowStart.AsSpan(0, n),
                    state.RowsSorted != 0, threads, state.TickCount);
                if (splitBoundaries.Length < cut.Length)
                    splitBoundaries = new int[cut.Length];
                cut.CopyTo(splitBoundaries);
                var action = new PropagateAction(arrays, config, state.TickCount, spikes, slotOffsets, state.RowsSorted != 0,
                    splitBoundaries, split.RowCutArray, threads);
                world.Parallel.For(threads, 1, action);
            }
            else
            {
                PropagateSerial(config, state, arrays, spikes);
            }

            split.Record(parallel, Stopwatch.GetTimestamp() - started, events);
        }
        else
        {
            PropagateSerial(config, state, arrays, spikes);
        }

        // Stamps move only after every worker has read them: all rows that spiked are now current.
        for (int k = 0; k < spikes; k++)
            arrays.EligibilityStamp[arrays.SpikeList[k]] = state.TickCount;
    }

    private void PropagateSerial(in PoolConfig config, in PoolState state, in PoolArrays arrays, int spikes)
        => new PropagateAction(arrays, config, state.TickCount, spikes, slotOffsets, state.RowsSorted != 0, null, null, 1).Execute(0, 1);

    /// <summary>Forgets the cuts of pools that no longer exist (called only when a new pool shows up).</summary>
    private void PruneSplits(World world)
    {
        foreach (var cells in splits.Keys.Where(cells => !world.IsAlive(cells)).ToList())
            splits.Remove(cells);
    }

    /// <summary>The pool's column arrays (their lengths are capacities; counts come from the tables).</summary>
    private readonly struct PoolArrays
    {
        public PoolArrays(World world, in PoolState state)
        {
            var cells = world.GetTable(state.Cells);
            int n = cells.Count;
            Membrane = cells.TypedColumn(PoolColumns.Membrane).DangerousGetArray();
            Threshold = cells.TypedColumn(PoolColumns.Threshold).DangerousGetArray();
            Leak = cells.TypedColumn(PoolColumns.Leak).DangerousGetArray();
            Refract = cells.TypedColumn(PoolColumns.Refract).DangerousGetArray();
            Trace = cells.TypedColumn(PoolColumns.Trace).DangerousGetArray();
            SpikeOut = cells.TypedColumn(PoolColumns.SpikeOut).DangerousGetArray();
            SynapticCurrent = cells.TypedColumn(PoolColumns.SynapticCurrent).DangerousGetArray();
            Input = cells.TypedColumn(PoolColumns.Input).DangerousGetArray();
            RowStart = cells.TypedColumn(PoolColumns.RowStart).DangerousGetArray();
            EligibilityStamp = cells.TypedColumn(PoolColumns.EligibilityStamp).DangerousGetArray();
            SpikeList = cells.TypedColumn(PoolColumns.SpikeList).DangerousGetArray();
            var synapses = world.GetTable(state.Synapses);
            Synapses = synapses.TypedColumn(PoolColumns.Synapses).DangerousGetArray();
            SynapseCount = synapses.Count;
            DelayRing = world.GetTable(state.DelayRing).TypedColumn(PoolColumns.DelaySlot).DangerousGetArray();
            CellCount = n;
        }

        public int CellCount { get; }

        public short[] Membrane { get; }
        public short[] Threshold { get; }
        public byte[] Leak { get; }
        public byte[] Refract { get; }
        public sbyte[] Trace { get; }
        public byte[] SpikeOut { get; }
        public short[] SynapticCurrent { get; }
        public short[] Input { get; }
        public uint[] RowStart { get; }
        public ulong[] EligibilityStamp { get; }
        public int[] SpikeList { get; }
        public Synapse[] Synapses { get; }
        public int SynapseCount { get; }
        public short[] DelayRing { get; }
    }

    /// <summary>Step 2 over a block of cells; a block's spikes go to its own part of the spike list.</summary>
    private readonly struct IntegrateAction : IRangeAction
    {
        private readonly PoolArrays arrays;
        private readonly int resting, reset, stdpPositive, traceDecay, inputCells;
        private readonly byte refractoryTicks;
        private readonly int[] blockSpikeCounts;

        public IntegrateAction(in PoolArrays arrays, in PoolConfig config, int inputCells, int[] blockSpikeCounts)
        {
            this.arrays = arrays;
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
            var cells = new CellColumns(arrays);
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

    /// <summary>References to the first element of each cell column, taken once per block.</summary>
    private readonly ref struct CellColumns
    {
        public CellColumns(in PoolArrays arrays)
        {
            Membrane = ref arrays.Membrane.DangerousGetReference();
            Threshold = ref arrays.Threshold.DangerousGetReference();
            Leak = ref arrays.Leak.DangerousGetReference();
            Refract = ref arrays.Refract.DangerousGetReference();
            Trace = ref arrays.Trace.DangerousGetReference();
            SpikeOut = ref arrays.SpikeOut.DangerousGetReference();
            Synaptic = ref arrays.SynapticCurrent.DangerousGetReference();
            Input = ref arrays.Input.DangerousGetReference();
            SpikeList = ref arrays.SpikeList.DangerousGetReference();
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

    /// <summary>Step 3 for the synapses whose target lies in [start, end), over every spiking row in source order.</summary>
    private readonly unsafe struct PropagateAction : IRangeAction
    {
        private readonly PoolArrays arrays;
        private readonly sbyte[] decayTable;
        private readonly int[] slotOffsets;
        private readonly ulong tick;
        private readonly int spikes, stdpPositive, stdpNegative;
        private readonly bool rowsSorted;
        private readonly int[]? boundaries;
        private readonly int[]? rowCuts;
        private readonly int workers;

        // boundaries: worker w owns targets [b[w], b[w+1]) and runs as block w; null: one block owns every target.
        public PropagateAction(in PoolArrays arrays, in PoolConfig config, ulong tick, int spikes, int[] slotOffsets, bool rowsSorted, int[]? boundaries, int[]? rowCuts, int threadCount)
        {
            this.boundaries = boundaries;
            this.rowCuts = rowCuts;
            workers = boundaries == null ? 1 : threadCount;
            this.arrays = arrays;
            decayTable = PoolEligibility.TableFor(config.TraceDecay);
            this.slotOffsets = slotOffsets;
            this.tick = tick;
            this.spikes = spikes;
            stdpPositive = config.StdpPositive;
            stdpNegative = config.StdpNegative;
            this.rowsSorted = rowsSorted;
        }

        public void Execute(int block, int blockEnd)
        {
            int n = arrays.CellCount;
            int start = boundaries == null ? 0 : boundaries[block];
            int end = boundaries == null ? n : boundaries[block + 1];
            if (end <= start)
                return;
            bool wholeRange = start == 0 && end >= n;
            fixed (Synapse* synapses = arrays.Synapses)
            fixed (short* ring = arrays.DelayRing)
            fixed (byte* spikeOut = arrays.SpikeOut)
            fixed (int* offsets = slotOffsets)
            fixed (sbyte* decay = decayTable)
            fixed (ulong* stamps = arrays.EligibilityStamp)
            fixed (uint* rowStart = arrays.RowStart)
            fixed (int* spikeList = arrays.SpikeList)
            fixed (int* cuts = rowCuts)
            {
                // The whole range is [0, n): it also skips targets outside the pool, as the reference does.
                var context = new SynapseEventContext(ring, spikeOut, offsets, stdpPositive, stdpNegative - stdpPositive,
                    wholeRange ? 0 : start, wholeRange ? (uint)n : (uint)(end - start), block);
                var rows = new SpikingRows(spikeList, spikes, rowStart, stamps, synapses, arrays.SynapseCount, n, tick, decay, rowsSorted,
                    rowsSorted && rowCuts != null ? cuts : null, workers);
                SynapseEventKernel.RunRows(rows, context);
            }
        }
    }
}
