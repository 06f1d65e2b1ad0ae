using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Scratch of a region system, recomputed every pass (never state): the layer passes, the
/// outgoing tract descriptors of the layer being run and the per-block results, plus the merge
/// of those results into the world in block order.
/// </summary>
internal sealed class RegionPassScratch
{
    public readonly SlotLayerPass Slots = new();
    public readonly PixelLayerPass Pixels = new();
    public readonly BlockResults Blocks = new();
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
    /// Folds the results of <paramref name="blocks"/> blocks into the layer (fires, pulses, first
    /// growth request) and appends their events to the queues in block order, so every queue stays
    /// in canonical (source row) order. Returns the deliveries the blocks made.
    /// </summary>
    public long Merge(World world, Entity layer, int blocks, int outgoingCount)
    {
        var results = Blocks.Items;
        ref var state = ref world.Get<LayerState>(layer);
        ref var bus = ref world.Get<BusState>(layer);
        long delivered = 0;
        int events = 0;
        for (int b = 0; b < blocks; b++)
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
            tract.QueueSource = queue.TypedColumn(RegionColumns.QueueSource).DangerousGetArray();
            tract.QueueTarget = queue.TypedColumn(RegionColumns.QueueTarget).DangerousGetArray();
            tract.QueueValue = queue.TypedColumn(RegionColumns.QueueValue).DangerousGetArray();
        }

        // Each block's events go to rows reserved in block order: the copy itself can run in parallel.
        for (int b = 0; b < blocks; b++)
        {
            var result = results[b];
            for (int o = 0; o < outgoingCount; o++)
            {
                result.Cursor[o] = Outgoing[o].Position;
                Outgoing[o].Position += result.TractCounts[o];
            }
        }

        var merge = new MergeAction(results, Outgoing);
        if (events < ParallelMergeEvents || blocks == 1)
            merge.Execute(0, blocks);
        else
            world.Parallel.For(blocks, 1, merge);

        for (int o = 0; o < outgoingCount; o++)
            Outgoing[o].PendingCount = 0;
        return delivered;
    }
}
