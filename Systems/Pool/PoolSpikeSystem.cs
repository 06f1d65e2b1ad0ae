using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>Synaptic events per tick below which propagation stays on the calling thread.</summary>
    public const int ParallelEventThreshold = 16384;

    private static readonly ComponentSet PoolSet = ComponentSet.Of<PoolConfig, PoolState>();
    private readonly int[] blockSpikeCounts = new int[PoolFactory.MaxCells / CellBlock + 1];
    private readonly int[] slotOffsets = new int[256];

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
        long events = 0;
        for (int k = 0; k < spikes; k++)
        {
            int source = arrays.SpikeList[k];
            events += RowEnd(arrays.RowStart, source, n, arrays.SynapseCount) - arrays.RowStart[source];
        }

        var action = new PropagateAction(arrays, config, state.TickCount, spikes, slotOffsets, state.RowsSorted != 0);
        int threads = world.Parallel.ThreadCount;
        if (events >= ParallelEventThreshold && threads > 1)
            world.Parallel.For(n, (n + threads - 1) / threads, action);
        else
            action.Execute(0, n);

        // Stamps move only after every worker has read them: all rows that spiked are now current.
        for (int k = 0; k < spikes; k++)
            arrays.EligibilityStamp[arrays.SpikeList[k]] = state.TickCount;
    }

    /// <summary>End of a CSR row: the next row's start, or the synapse count for the last cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RowEnd(uint[] rowStart, int cell, int cellCount, int synapseCount)
        => cell + 1 < cellCount ? (int)rowStart[cell + 1] : synapseCount;

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
            ref short membrane = ref MemoryMarshal.GetArrayDataReference(arrays.Membrane);
            ref short threshold = ref MemoryMarshal.GetArrayDataReference(arrays.Threshold);
            ref byte leak = ref MemoryMarshal.GetArrayDataReference(arrays.Leak);
            ref byte refract = ref MemoryMarshal.GetArrayDataReference(arrays.Refract);
            ref sbyte trace = ref MemoryMarshal.GetArrayDataReference(arrays.Trace);
            ref byte spikeOut = ref MemoryMarshal.GetArrayDataReference(arrays.SpikeOut);
            ref short synaptic = ref MemoryMarshal.GetArrayDataReference(arrays.SynapticCurrent);
            ref short input = ref MemoryMarshal.GetArrayDataReference(arrays.Input);
            ref int spikeList = ref MemoryMarshal.GetArrayDataReference(arrays.SpikeList);
            int spikes = start;
            for (int i = start; i < end; i++)
            {
                ref byte cellRefract = ref Unsafe.Add(ref refract, i);
                if (cellRefract > 0)
                {
                    cellRefract--;
                    Unsafe.Add(ref spikeOut, i) = 0;
                    continue;
                }

                ref short cellMembrane = ref Unsafe.Add(ref membrane, i);
                int m = cellMembrane;
                int shift = 8 - Math.Min((int)Unsafe.Add(ref leak, i), 7);
                m = Clamp16(m + ((resting - m) >> shift));
                if (i < inputCells)
                    m = Clamp16(m + Unsafe.Add(ref input, i));
                m = Clamp16(m + Unsafe.Add(ref synaptic, i));
                int cellTrace = Unsafe.Add(ref trace, i);
                if (m >= Unsafe.Add(ref threshold, i))
                {
                    Unsafe.Add(ref spikeOut, i) = 1;
                    m = reset;
                    cellRefract = refractoryTicks;
                    cellTrace = Math.Clamp(cellTrace + stdpPositive, sbyte.MinValue, sbyte.MaxValue);
                    Unsafe.Add(ref spikeList, spikes++) = i;
                }
                else
                {
                    Unsafe.Add(ref spikeOut, i) = 0;
                }

                // 16-bit product, truncated toward zero (C# int division truncates).
                Unsafe.Add(ref trace, i) = (sbyte)((short)(cellTrace * traceDecay) / 256);
                cellMembrane = (short)m;
            }

            blockSpikeCounts[start / CellBlock] = spikes - start;
        }
    }

    /// <summary>Step 3 for the synapses whose target lies in [start, end), over every spiking row in source order.</summary>
    private readonly struct PropagateAction : IRangeAction
    {
        private readonly PoolArrays arrays;
        private readonly sbyte[] decayTable;
        private readonly int[] slotOffsets;
        private readonly ulong tick;
        private readonly int spikes, stdpPositive, stdpNegative;
        private readonly bool rowsSorted;

        public PropagateAction(in PoolArrays arrays, in PoolConfig config, ulong tick, int spikes, int[] slotOffsets, bool rowsSorted)
        {
            this.arrays = arrays;
            decayTable = PoolEligibility.TableFor(config.TraceDecay);
            this.slotOffsets = slotOffsets;
            this.tick = tick;
            this.spikes = spikes;
            stdpPositive = config.StdpPositive;
            stdpNegative = config.StdpNegative;
            this.rowsSorted = rowsSorted;
        }

        public void Execute(int start, int end)
        {
            var synapseArray = arrays.Synapses;
            ref Synapse synapses = ref MemoryMarshal.GetArrayDataReference(synapseArray);
            ref short ring = ref MemoryMarshal.GetArrayDataReference(arrays.DelayRing);
            ref byte spikeOut = ref MemoryMarshal.GetArrayDataReference(arrays.SpikeOut);
            ref int offsets = ref MemoryMarshal.GetArrayDataReference(slotOffsets);
            ref sbyte decay = ref MemoryMarshal.GetArrayDataReference(decayTable);
            var rowStart = arrays.RowStart;
            var stamps = arrays.EligibilityStamp;
            var spikeList = arrays.SpikeList;
            int synapseCount = arrays.SynapseCount;
            int n = arrays.CellCount;
            bool wholeRange = start == 0 && end >= n;
            for (int k = 0; k < spikes; k++)
            {
                int source = spikeList[k];
                int first = (int)rowStart[source];
                int last = RowEnd(rowStart, source, n, synapseCount);
                if (!wholeRange && rowsSorted)
                {
                    first = LowerBound(synapseArray, first, last, start);
                    last = LowerBound(synapseArray, first, last, end);
                }

                ulong elapsed = tick - stamps[source];
                ref sbyte rowDecay = ref Unsafe.Add(ref decay, (int)Math.Min(elapsed, PoolEligibility.Horizon) * 256 + 128);
                if (wholeRange)
                    PropagateRow(ref synapses, first, last, n, ref rowDecay, ref spikeOut, ref ring, ref offsets);
                else
                    PropagateRowPart(ref synapses, first, last, start, end, ref rowDecay, ref spikeOut, ref ring, ref offsets);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void PropagateRow(ref Synapse synapses, int first, int last, int n, ref sbyte rowDecay, ref byte spikeOut, ref short ring, ref int offsets)
        {
            int markDelta = stdpNegative - stdpPositive;
            for (int s = first; s < last; s++)
            {
                ref Synapse synapse = ref Unsafe.Add(ref synapses, s);
                int target = synapse.Target;
                if ((uint)target >= (uint)n)
                    continue; // the reference skips targets outside the pool (loads reject them; direct edits may not)
                // spikeOut is 0 or 1: a branch-free choice between the two STDP marks.
                int eligibility = Unsafe.Add(ref rowDecay, synapse.Eligibility) + stdpPositive + Unsafe.Add(ref spikeOut, target) * markDelta;
                synapse.Eligibility = (sbyte)Clamp8(eligibility);
                ref short slot = ref Unsafe.Add(ref ring, Unsafe.Add(ref offsets, synapse.Delay) + target);
                slot = (short)Clamp16(slot + synapse.Weight * 64);
            }
        }

        private void PropagateRowPart(ref Synapse synapses, int first, int last, int start, int end, ref sbyte rowDecay, ref byte spikeOut, ref short ring, ref int offsets)
        {
            int markDelta = stdpNegative - stdpPositive;
            uint width = (uint)(end - start);
            for (int s = first; s < last; s++)
            {
                ref Synapse synapse = ref Unsafe.Add(ref synapses, s);
                int target = synapse.Target;
                if ((uint)(target - start) >= width)
                    continue; // another worker's target (rows out of order are filtered)
                int eligibility = Unsafe.Add(ref rowDecay, synapse.Eligibility) + stdpPositive + Unsafe.Add(ref spikeOut, target) * markDelta;
                synapse.Eligibility = (sbyte)Clamp8(eligibility);
                ref short slot = ref Unsafe.Add(ref ring, Unsafe.Add(ref offsets, synapse.Delay) + target);
                slot = (short)Clamp16(slot + synapse.Weight * 64);
            }
        }

        /// <summary>First index in [from, to) whose target is ≥ <paramref name="target"/> (rows ascending by target).</summary>
        private static int LowerBound(Synapse[] synapses, int from, int to, int target)
        {
            while (from < to)
            {
                int middle = (int)((uint)(from + to) >> 1);
                if (synapses[middle].Target < target)
                    from = middle + 1;
                else
                    to = middle;
            }

            return from;
        }
    }

    /// <summary>
    /// Saturates to i16 without branches: in a saturated pool a third of the ring adds clip, so a
    /// branching clamp mispredicts. Valid for |value| far below 2^31 (ring sums stay within ±41 000).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Clamp16(int value)
    {
        int over = value - short.MaxValue;
        value -= over & ~(over >> 31);     // min(value, 32767)
        int under = value - short.MinValue;
        return value - (under & (under >> 31)); // max(value, −32768)
    }

    /// <summary>Saturates to i8 without branches (see <see cref="Clamp16"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Clamp8(int value)
    {
        int over = value - sbyte.MaxValue;
        value -= over & ~(over >> 31);
        int under = value - sbyte.MinValue;
        return value - (under & (under >> 31));
    }
}
