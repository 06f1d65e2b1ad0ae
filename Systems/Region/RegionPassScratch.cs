using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Scratch of a region system, recomputed every pass (never state): the layer passes, the
/// outgoing tract descriptors of the layer being run and the per-range results, plus the merge
/// of those results into the world in range order.
/// </summary>
internal sealed class RegionPassScratch
{
    public readonly SlotLayerPass Slots = new();
    public readonly RangeResults Ranges = new();
    public OutgoingTract[] Outgoing = [];

    /// <summary>Below this many events the merge copy runs on the calling thread.</summary>
    private const int ParallelMergeEvents = 1 << 15;

    /// <summary>Loads the tracts leaving layer <paramref name="layerIndex"/> in creation order; returns their count.</summary>
    public int LoadOutgoing(World world, in RegionState region, int layerIndex, bool entryQueue)
    {
        int count = 0;
        foreach (var tract in RegionAccess.Tracts(world, region))
        {
            ref var info = ref world.Get<TractInfo>(tract);
            if (info.Source != layerIndex)
                continue;
            if (count == Outgoing.Length)
            {
                Array.Resize(ref Outgoing, Math.Max(4, count * 2));
                for (int i = count; i < Outgoing.Length; i++)
                    Outgoing[i] = new OutgoingTract();
            }

            Outgoing[count++].Load(world, info, world.Get<TractState>(tract), entryQueue);
        }

        return count;
    }

    /// <summary>
    /// Folds the results of <paramref name="ranges"/> ranges into the layer (fires, pulses, first
    /// growth request) and appends their events to the queues in range order, so every queue stays
    /// in canonical (source row) order. Returns the deliveries the ranges made.
    /// </summary>
    public long Merge(World world, Entity layer, int ranges, int outgoingCount)
    {
        var results = Ranges.Items;
        ref var state = ref world.Get<LayerState>(layer);
        ref var bus = ref world.Get<BusState>(layer);
        long delivered = 0;
        int events = 0;
        for (int b = 0; b < ranges; b++)
        {
            var result = results[b];
            state.FiredCount += result.Fired;
            bus.Pending |= result.Pulses;
            delivered += result.Delivered;
            if (result.GrowthOrdinal < state.GrowthOrdinal)
            {
                state.GrowthOrdinal = result.GrowthOrdinal;
                state.GrowthRow = result.GrowthRow;
            }

            for (int o = 0; o < outgoingCount; o++)
                Outgoing[o].PendingCount += result.TractCounts[o];
            events += result.EmitCount;
        }

        if (events == 0)
            return delivered;
        for (int o = 0; o < outgoingCount; o++)
        {
            var tract = Outgoing[o];
            if (tract.PendingCount > 0)
                tract.Position = world.AddRows(tract.Queue, tract.PendingCount);
        }

        for (int o = 0; o < outgoingCount; o++)
        {
            var tract = Outgoing[o];
            if (tract.PendingCount == 0)
                continue;
            var queue = world.GetTable(tract.Queue);
            tract.QueueSource = queue.DangerousGetArray(RegionColumns.QueueSource);
            tract.QueueTarget = queue.DangerousGetArray(RegionColumns.QueueTarget);
            tract.QueueValue = queue.DangerousGetArray(RegionColumns.QueueValue);
        }

        // Each range's events go to rows reserved in range order: the copy itself can run in parallel.
        for (int b = 0; b < ranges; b++)
        {
            var result = results[b];
            for (int o = 0; o < outgoingCount; o++)
            {
                result.Cursor[o] = Outgoing[o].Position;
                Outgoing[o].Position += result.TractCounts[o];
            }
        }

        var merge = new MergeAction(results, Outgoing);
        if (events < ParallelMergeEvents || ranges == 1)
            merge.Execute(0, ranges);
        else
            world.Parallel.For(ranges, 1, merge);

        for (int o = 0; o < outgoingCount; o++)
            Outgoing[o].PendingCount = 0;
        return delivered;
    }
}
