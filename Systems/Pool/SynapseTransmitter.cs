using System.Diagnostics;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// Runs one tick's transmission of a synapse store (a pool's own synapses or a projection's):
/// the ring slot of every delay, the measured serial/parallel choice and the target split of
/// large ticks (<see cref="TargetSplit"/>, one per store), the kernel
/// (<see cref="SynapseTransmitAction"/>), then the spiking rows' eligibility stamps. Any split
/// gives the same bytes: every worker walks all spiking rows in source order but writes only its
/// targets' ring cells and synapses, so each sees the reference sequence of adds.
/// One instance per system; it reuses its buffers, so a steady tick allocates nothing.
/// </summary>
internal sealed class SynapseTransmitter
{
    private readonly int[] slotOffsets = new int[256];
    private readonly Dictionary<TableHandle, TargetSplit> splits = new();
    private int[] boundaries = new int[Environment.ProcessorCount + 1];

    /// <summary>
    /// Transmits the spikes of <paramref name="arrays"/> (nothing when none spiked).
    /// <paramref name="store"/> is a table that lives exactly as long as the store (it keys the split).
    /// </summary>
    public void Run(World world, TableHandle store, in SynapseStoreArrays arrays, in SynapseTransmitRules rules)
    {
        Prepare(world, store);
        int threads = world.Parallel.ThreadCount;
        int spikes = arrays.Spikes;
        if (spikes == 0)
            return;
        // Ring offset for every possible delay byte: slot (writeHead + max(d,1) − 1) % maxDelay.
        for (int d = 0; d < slotOffsets.Length; d++)
            slotOffsets[d] = (rules.WriteHead + Math.Max(d, 1) - 1) % rules.MaxDelay * arrays.TargetCells;
        long events = arrays.ExpectedEvents;
        if (events >= PoolSpikeSystem.ParallelEventThreshold && threads > 1)
            RunMeasured(world, splits[store], arrays, rules, events, threads);
        else
            new SynapseTransmitAction(arrays, rules, slotOffsets, null, null, 1).Execute(0, 1);

        // Stamps move only after every worker has read them: all rows that spiked are now current.
        for (int k = 0; k < spikes; k++)
            arrays.Stamps[arrays.SpikeList[k]] = rules.Tick;
    }

    /// <summary>
    /// Makes <paramref name="store"/>'s split and the parallel job the first tick the store is seen
    /// (<see cref="Run"/> calls it; call it also on ticks that skip <see cref="Run"/>), not at its
    /// first large tick, so that tick allocates nothing.
    /// </summary>
    public void Prepare(World world, TableHandle store)
    {
        if (world.Parallel.ThreadCount > 1 && !splits.ContainsKey(store))
        {
            PruneSplits(world);
            splits.Add(store, new TargetSplit());
            world.Parallel.Reserve<SynapseTransmitAction>();
        }
    }

    private void RunMeasured(World world, TargetSplit split, in SynapseStoreArrays arrays, in SynapseTransmitRules rules, long events, int threads)
    {
        bool parallel = split.ChooseParallel();
        long started = Stopwatch.GetTimestamp();
        if (parallel)
        {
            var cut = split.Boundaries(arrays.Synapses.AsSpan(0, arrays.SynapseCount), arrays.RowStart.AsSpan(0, arrays.Rows),
                rules.RowsSorted, threads, rules.Tick, targetCount: arrays.TargetCells);
            if (boundaries.Length < cut.Length)
                boundaries = new int[cut.Length];
            cut.CopyTo(boundaries);
            world.Parallel.For(threads, 1, new SynapseTransmitAction(arrays, rules, slotOffsets, boundaries, split.RowCutArray, threads));
        }
        else
        {
            new SynapseTransmitAction(arrays, rules, slotOffsets, null, null, 1).Execute(0, 1);
        }

        split.Record(parallel, Stopwatch.GetTimestamp() - started, events);
    }

    /// <summary>Forgets the splits of stores that no longer exist (only when a new store shows up; a lambda here would allocate every tick).</summary>
    private void PruneSplits(World world)
    {
        foreach (var stale in splits.Keys.Where(handle => !world.IsAlive(handle)).ToList())
            splits.Remove(stale);
    }
}
