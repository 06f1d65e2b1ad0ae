using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// The synapse-event kernel over the synapses whose target lies in one range of the receiving
/// pool (or all of them), every spiking row in source order: pins the store's arrays, builds the
/// kernel's <see cref="SpikingRows"/> and <see cref="SynapseEventContext"/> and runs
/// <see cref="SynapseEventKernel.RunRows"/>. Block w of a parallel run owns targets
/// [boundaries[w], boundaries[w + 1]).
/// </summary>
internal readonly unsafe struct SynapseTransmitAction : IRangeAction
{
    private readonly SynapseStoreArrays arrays;
    private readonly sbyte[] decayTable;
    private readonly int[] slotOffsets;
    private readonly ulong tick;
    private readonly int stdpPositive, stdpNegative, workers, ringSlots;
    private readonly bool rowsSorted;
    private readonly int[]? boundaries, rowCuts;

    /// <summary>
    /// An action over <paramref name="arrays"/>; <paramref name="boundaries"/> null means one block
    /// owning every target, otherwise <paramref name="threads"/> blocks with the split's
    /// <paramref name="rowCuts"/> (null when the rows are not sorted).
    /// </summary>
    public SynapseTransmitAction(in SynapseStoreArrays arrays, in SynapseTransmitRules rules, int[] slotOffsets,
        int[]? boundaries, int[]? rowCuts, int threads)
    {
        this.arrays = arrays;
        decayTable = PoolEligibility.TableFor(rules.TraceDecay);
        this.slotOffsets = slotOffsets;
        tick = rules.Tick;
        ringSlots = rules.MaxDelay;
        stdpPositive = rules.StdpPositive;
        stdpNegative = rules.StdpNegative;
        rowsSorted = rules.RowsSorted;
        this.boundaries = boundaries;
        this.rowCuts = rowCuts;
        workers = boundaries == null ? 1 : threads;
    }

    /// <inheritdoc />
    public void Execute(int block, int blockEnd)
    {
        int n = arrays.TargetCells;
        int start = boundaries == null ? 0 : boundaries[block];
        int end = boundaries == null ? n : boundaries[block + 1];
        if (end <= start)
            return;
        fixed (Synapse* synapses = arrays.Synapses)
        fixed (short* ring = arrays.Ring)
        fixed (byte* spikeOut = arrays.SpikeOut)
        fixed (int* offsets = slotOffsets)
        fixed (sbyte* decay = decayTable)
        fixed (ulong* stamps = arrays.Stamps)
        fixed (uint* rowStart = arrays.RowStart)
        fixed (int* spikeList = arrays.SpikeList)
        fixed (int* cuts = rowCuts)
        {
            // A range reaching the end is [start, n): it also skips targets outside the pool, as the reference does.
            int width = Math.Min(end, n) - start;
            // The range expects its even share of the events.
            if (RingWarming.IsWorthIt(arrays.ExpectedEvents * width / n, ringSlots, width))
                RingWarming.Warm(ring, ringSlots, n, spikeOut, start, width);
            var context = new SynapseEventContext(ring, spikeOut, offsets, stdpPositive, stdpNegative - stdpPositive,
                start, (uint)width, block);
            // Rows are the sending cells; the kernel's cell count is the row count (row ends, row cuts).
            var rows = new SpikingRows(spikeList, arrays.Spikes, rowStart, stamps, synapses, arrays.SynapseCount, arrays.Rows, tick, decay,
                rowsSorted, rowsSorted && rowCuts != null ? cuts : null, workers);
            SynapseEventKernel.RunRows(rows, context);
        }
    }
}
