using System.Diagnostics;
using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// Projection transmission (network.md, "Projections"), in the Propagate phase after every pool
/// has drained its ring, integrated its cells and propagated its own synapses: projections in
/// creation order; for each spiking cell of A in ascending order, over its row in order, the
/// eligibility is decayed lazily and marked with B's <c>spikeOut</c> of this tick, and
/// <c>weight * 64</c> is added with i16 saturation to B's ring slot
/// <c>(writeHead_B + delay − 1) % maxDelay_B</c>. It runs the pool's own synapse-event kernel
/// (<see cref="SynapseEventKernel"/>) with A's spike list and the projection's store, B's ring
/// and spike flags; large ticks are split by B's target ranges (<see cref="TargetSplit"/>), so
/// every ring cell gets the reference sequence of adds on any thread count. Then every
/// projection's clock advances (the lazy eligibility decay of this tick).
/// </summary>
public sealed class ProjectionSystem : ISystem
{
    private readonly NetworkRuntime runtime;
    private readonly int[] slotOffsets = new int[256];
    private readonly Dictionary<TableHandle, TargetSplit> splits = new();
    private int[] boundaries = new int[Environment.ProcessorCount + 1];

    internal ProjectionSystem(NetworkRuntime runtime) => this.runtime = runtime;

    /// <inheritdoc />
    public string Name => "ProjectionTransmit";

    /// <inheritdoc />
    public void Update(World world)
    {
        runtime.Refresh(world);
        foreach (var entity in runtime.Projections)
        {
            ref var state = ref world.Get<ProjectionState>(entity);
            Transmit(world, world.Get<ProjectionConfig>(entity), state);
            state.TickCount++;
        }
    }

    private void Transmit(World world, in ProjectionConfig config, in ProjectionState state)
    {
        ref readonly var source = ref world.Get<PoolState>(state.Source);
        int spikes = source.LastSpikeCount;
        var synapseTable = world.GetTable(state.Synapses);
        if (spikes == 0 || synapseTable.Count == 0)
            return;
        ref readonly var target = ref world.Get<PoolState>(state.Target);
        ref readonly var targetConfig = ref world.Get<PoolConfig>(state.Target);
        var targetCells = world.GetTable(target.Cells);
        int n = targetCells.Count;
        // Ring offset for every delay byte: slot (writeHead_B + max(d,1) − 1) % maxDelay_B (B drained this tick already).
        for (int d = 0; d < slotOffsets.Length; d++)
            slotOffsets[d] = (target.WriteHead + Math.Max(d, 1) - 1) % targetConfig.MaxDelay * n;
        var rowTable = world.GetTable(state.Rows);
        var arrays = new ProjectionArrays(
            world.GetTable(source.Cells).DangerousGetArray(PoolColumns.SpikeList), spikes,
            rowTable.DangerousGetArray(NetworkColumns.RowStart), rowTable.DangerousGetArray(NetworkColumns.EligibilityStamp), rowTable.Count,
            synapseTable.DangerousGetArray(NetworkColumns.Synapses), synapseTable.Count,
            world.GetTable(target.DelayRing).DangerousGetArray(PoolColumns.DelaySlot), targetCells.DangerousGetArray(PoolColumns.SpikeOut), n);
        long events = (long)spikes * synapseTable.Count / rowTable.Count;
        int threads = world.Parallel.ThreadCount;
        bool sorted = state.RowsSorted != 0;
        if (events >= PoolSpikeSystem.ParallelEventThreshold && threads > 1)
        {
            if (!splits.TryGetValue(state.Synapses, out var split))
            {
                foreach (var stale in splits.Keys.Where(handle => !world.IsAlive(handle)).ToList())
                    splits.Remove(stale);
                splits.Add(state.Synapses, split = new TargetSplit());
            }

            bool parallel = split.ChooseParallel();
            long started = Stopwatch.GetTimestamp();
            if (parallel)
            {
                var cut = split.Boundaries(arrays.Synapses.AsSpan(0, arrays.SynapseCount), arrays.RowStart.AsSpan(0, arrays.Rows), sorted,
                    threads, state.TickCount, targetCount: n);
                if (boundaries.Length < cut.Length)
                    boundaries = new int[cut.Length];
                cut.CopyTo(boundaries);
                world.Parallel.For(threads, 1, new TransmitAction(arrays, config, state.TickCount, slotOffsets, sorted, boundaries, split.RowCutArray, threads));
            }
            else
            {
                new TransmitAction(arrays, config, state.TickCount, slotOffsets, sorted, null, null, 1).Execute(0, 1);
            }

            split.Record(parallel, Stopwatch.GetTimestamp() - started, events);
        }
        else
        {
            new TransmitAction(arrays, config, state.TickCount, slotOffsets, sorted, null, null, 1).Execute(0, 1);
        }

        // Stamps move only after every worker has read them: the spiking rows are now current.
        for (int k = 0; k < spikes; k++)
            arrays.Stamps[arrays.SpikeList[k]] = state.TickCount;
    }

    /// <summary>The arrays one projection's transmission touches (lengths are capacities; counts are given).</summary>
    private readonly record struct ProjectionArrays(int[] SpikeList, int Spikes, uint[] RowStart, ulong[] Stamps, int Rows,
        Synapse[] Synapses, int SynapseCount, short[] Ring, byte[] SpikeOut, int TargetCells);

    /// <summary>The kernel over the targets of one range of B (or all of them).</summary>
    private readonly unsafe struct TransmitAction : IRangeAction
    {
        private readonly ProjectionArrays arrays;
        private readonly sbyte[] decayTable;
        private readonly int[] slotOffsets;
        private readonly ulong tick;
        private readonly int stdpPositive, stdpNegative, workers;
        private readonly bool rowsSorted;
        private readonly int[]? boundaries, rowCuts;

        public TransmitAction(in ProjectionArrays arrays, in ProjectionConfig config, ulong tick, int[] slotOffsets, bool rowsSorted,
            int[]? boundaries, int[]? rowCuts, int threads)
        {
            this.arrays = arrays;
            decayTable = PoolEligibility.TableFor(config.TraceDecay);
            this.slotOffsets = slotOffsets;
            this.tick = tick;
            stdpPositive = config.StdpPositive;
            stdpNegative = config.StdpNegative;
            this.rowsSorted = rowsSorted;
            this.boundaries = boundaries;
            this.rowCuts = rowCuts;
            workers = boundaries == null ? 1 : threads;
        }

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
                var context = new SynapseEventContext(ring, spikeOut, offsets, stdpPositive, stdpNegative - stdpPositive,
                    start, (uint)(end - start), block);
                // Rows are A's cells; the kernel's cell count is the row count (row ends, row cuts).
                var rows = new SpikingRows(spikeList, arrays.Spikes, rowStart, stamps, synapses, arrays.SynapseCount, arrays.Rows, tick, decay,
                    rowsSorted, rowsSorted && rowCuts != null ? cuts : null, workers);
                SynapseEventKernel.RunRows(rows, context);
            }
        }
    }
}
