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
public sealed partial class PoolSpikeSystem : ISystem
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
        int n = cells.Count;
        // A pool's split (and the parallel job) is made the first tick it is seen, not at its first
        // large tick, so that tick allocates nothing.
        if (world.Parallel.ThreadCount > 1 && !splits.ContainsKey(state.Cells))
        {
            PruneSplits(world);
            splits.Add(state.Cells, new TargetSplit());
            world.Parallel.Reserve<PropagateAction>();
        }

        Drain(config, ref state, cells, world.GetTable(state.DelayRing), n);
        var integrate = new IntegrateAction(cells, config, Math.Min(state.InputLength, n), blockSpikeCounts);
        bool parallelCells = n > CellBlock && world.Parallel.ThreadCount > 1;
        if (parallelCells)
            world.Parallel.For(n, CellBlock, integrate);
        else
            integrate.Execute(0, n);
        state.LastSpikeCount = parallelCells ? JoinSpikeLists(cells.DangerousGetArray(PoolColumns.SpikeList), n) : blockSpikeCounts[0];
        if (state.LastSpikeCount > 0)
            Propagate(world, config, state, new PropagateColumns(world, state), state.LastSpikeCount);
    }

    private static void Drain(in PoolConfig config, ref PoolState state, Table cells, Table delayRing, int n)
    {
        var slot = delayRing.Span(PoolColumns.DelaySlot).Slice(state.WriteHead * n, n);
        slot.CopyTo(cells.Span(PoolColumns.SynapticCurrent));
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

    private void Propagate(World world, in PoolConfig config, in PoolState state, in PropagateColumns columns, int spikes)
    {
        int n = columns.CellCount;
        // Ring offset for every possible delay byte: slot (writeHead + max(d,1) − 1) % maxDelay.
        for (int d = 0; d < slotOffsets.Length; d++)
            slotOffsets[d] = (state.WriteHead + Math.Max(d, 1) - 1) % config.MaxDelay * n;
        // Expected events from the mean row length: only the serial/parallel choice reads it, and
        // results do not depend on that choice, so an estimate saves a pass over the spiking rows.
        long events = (long)spikes * columns.SynapseCount / n;

        int threads = world.Parallel.ThreadCount;
        var split = threads > 1 ? splits[state.Cells] : null;
        if (events >= ParallelEventThreshold && split != null)
        {
            bool parallel = split.ChooseParallel();
            long started = Stopwatch.GetTimestamp();
            if (parallel)
            {
                var cut = split.Boundaries(columns.Synapses.AsSpan(0, columns.SynapseCount), columns.RowStart.AsSpan(0, n),
                    state.RowsSorted != 0, threads, state.TickCount);
                if (splitBoundaries.Length < cut.Length)
                    splitBoundaries = new int[cut.Length];
                cut.CopyTo(splitBoundaries);
                var action = new PropagateAction(columns, config, state.TickCount, spikes, slotOffsets, state.RowsSorted != 0,
                    splitBoundaries, split.RowCutArray, threads);
                world.Parallel.For(threads, 1, action);
            }
            else
            {
                PropagateSerial(config, state, columns, spikes);
            }

            split.Record(parallel, Stopwatch.GetTimestamp() - started, events);
        }
        else
        {
            PropagateSerial(config, state, columns, spikes);
        }

        // Stamps move only after every worker has read them: all rows that spiked are now current.
        for (int k = 0; k < spikes; k++)
            columns.EligibilityStamp[columns.SpikeList[k]] = state.TickCount;
    }

    private void PropagateSerial(in PoolConfig config, in PoolState state, in PropagateColumns columns, int spikes)
        => new PropagateAction(columns, config, state.TickCount, spikes, slotOffsets, state.RowsSorted != 0, null, null, 1).Execute(0, 1);

    /// <summary>Forgets the cuts of pools that no longer exist (called only when a new pool shows up).</summary>
    private void PruneSplits(World world)
    {
        foreach (var cells in splits.Keys.Where(cells => !world.IsAlive(cells)).ToList())
            splits.Remove(cells);
    }

    /// <summary>The columns step 3 reads and writes (array lengths are capacities; counts come from the tables).</summary>
    private readonly struct PropagateColumns
    {
        public PropagateColumns(World world, in PoolState state)
        {
            var cells = world.GetTable(state.Cells);
            CellCount = cells.Count;
            SpikeOut = cells.DangerousGetArray(PoolColumns.SpikeOut);
            RowStart = cells.DangerousGetArray(PoolColumns.RowStart);
            EligibilityStamp = cells.DangerousGetArray(PoolColumns.EligibilityStamp);
            SpikeList = cells.DangerousGetArray(PoolColumns.SpikeList);
            var synapses = world.GetTable(state.Synapses);
            Synapses = synapses.DangerousGetArray(PoolColumns.Synapses);
            SynapseCount = synapses.Count;
            DelayRing = world.GetTable(state.DelayRing).DangerousGetArray(PoolColumns.DelaySlot);
        }

        public int CellCount { get; }
        public byte[] SpikeOut { get; }
        public uint[] RowStart { get; }
        public ulong[] EligibilityStamp { get; }
        public int[] SpikeList { get; }
        public Synapse[] Synapses { get; }
        public int SynapseCount { get; }
        public short[] DelayRing { get; }
    }

    /// <summary>Step 3 for the synapses whose target lies in [start, end), over every spiking row in source order.</summary>
    private readonly unsafe struct PropagateAction : IRangeAction
    {
        private readonly PropagateColumns columns;
        private readonly sbyte[] decayTable;
        private readonly int[] slotOffsets;
        private readonly ulong tick;
        private readonly int spikes, stdpPositive, stdpNegative;
        private readonly bool rowsSorted;
        private readonly int[]? boundaries;
        private readonly int[]? rowCuts;
        private readonly int workers;

        // boundaries: worker w owns targets [b[w], b[w+1]) and runs as block w; null: one block owns every target.
        public PropagateAction(in PropagateColumns columns, in PoolConfig config, ulong tick, int spikes, int[] slotOffsets, bool rowsSorted, int[]? boundaries, int[]? rowCuts, int threadCount)
        {
            this.boundaries = boundaries;
            this.rowCuts = rowCuts;
            workers = boundaries == null ? 1 : threadCount;
            this.columns = columns;
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
            int n = columns.CellCount;
            int start = boundaries == null ? 0 : boundaries[block];
            int end = boundaries == null ? n : boundaries[block + 1];
            if (end <= start)
                return;
            bool wholeRange = start == 0 && end >= n;
            fixed (Synapse* synapses = columns.Synapses)
            fixed (short* ring = columns.DelayRing)
            fixed (byte* spikeOut = columns.SpikeOut)
            fixed (int* offsets = slotOffsets)
            fixed (sbyte* decay = decayTable)
            fixed (ulong* stamps = columns.EligibilityStamp)
            fixed (uint* rowStart = columns.RowStart)
            fixed (int* spikeList = columns.SpikeList)
            fixed (int* cuts = rowCuts)
            {
                // The whole range is [0, n): it also skips targets outside the pool, as the reference does.
                var context = new SynapseEventContext(ring, spikeOut, offsets, stdpPositive, stdpNegative - stdpPositive,
                    wholeRange ? 0 : start, wholeRange ? (uint)n : (uint)(end - start), block);
                var rows = new SpikingRows(spikeList, spikes, rowStart, stamps, synapses, columns.SynapseCount, n, tick, decay, rowsSorted,
                    rowsSorted && rowCuts != null ? cuts : null, workers);
                SynapseEventKernel.RunRows(rows, context);
            }
        }
    }
}
