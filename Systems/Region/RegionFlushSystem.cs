using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Phase B of the region tick (grownet.md "The region tick"), Propagate phase: every tract
/// delivers the events queued before this flush began, in canonical order (tract creation
/// order, source row, edge order); each delivery is one <c>OnInput</c> of its target (2D
/// selection for pixel events into a spatial layer) or one frame update of an OutputLayer2D.
/// Events queued during the flush wait for the next tick, so a signal advances one tract per
/// tick and feedback cannot loop. Every queue is drained into scratch before any neuron runs;
/// each destination layer then runs in parallel ranges of neurons, each neuron taking its own
/// deliveries in canonical order. Ends at the phase boundary (phase B pulses take effect).
/// </summary>
public sealed class RegionFlushSystem : ISystem
{
    private readonly RegionPassScratch scratch = new();
    private TractDeliveries[] deliveries = [];
    private TractDeliveries[] incoming = [];
    private readonly Dictionary<TableHandle, int> reservedNeurons = new();

    /// <inheritdoc />
    public string Name => "RegionFlush";

    /// <inheritdoc />
    public void Update(World world)
    {
        // Passes change the regions' population tables (queues, slots), never the region entities' table.
        foreach (var owners in world.QueryOwners(RegionAccess.RegionSet))
            foreach (var region in owners.Entities)
            {
                // A remote region's state lives on another rank (docs/distributed.md).
                if (!world.IsRemote(region))
                    Flush(world, region);
            }
    }

    private void Flush(World world, Entity region)
    {
        var config = world.Get<RegionConfig>(region);
        var regionBus = world.Get<BusState>(region);
        var state = world.Get<RegionState>(region);
        var layers = RegionAccess.Layers(world, state);
        var tracts = RegionAccess.Tracts(world, state);
        EnsureDeliveries(tracts.Length);
        for (int t = 0; t < tracts.Length; t++)
            ReserveDeliveries(world, layers, tracts[t], deliveries[t]);

        // Drain every queue first: events queued from here on belong to the next flush. Sinks
        // (OutputLayer2D) never queue anything, so they read their queues in place, before any
        // slot layer runs; the queues into slot layers are moved into scratch.
        long delivered = 0;
        for (int l = 0; l < layers.Length; l++)
        {
            if (world.Get<LayerInfo>(layers[l]).Kind == LayerKind.Output2D)
                delivered += FlushOutput(world, layers, l, tracts);
        }

        for (int t = 0; t < tracts.Length; t++)
        {
            var info = world.Get<TractInfo>(tracts[t]);
            var source = layers[info.Source];
            var destination = layers[info.Destination];
            if (world.Get<LayerInfo>(destination).Kind != LayerKind.Standard)
                continue;
            var run = deliveries[t];
            run.Gather(world, info, world.Get<TractState>(tracts[t]), RegionAccess.NeuronCount(world, source),
                world.Get<LayerInfo>(source), RegionAccess.NeuronCount(world, destination));
            if (!run.Broadcast)
                run.BucketByTarget();
        }

        for (int l = 0; l < layers.Length; l++)
        {
            if (world.Get<LayerInfo>(layers[l]).Kind == LayerKind.Standard)
                delivered += FlushSlots(world, state, config, regionBus, layers[l], l, tracts);
        }

        world.Get<RegionMetrics>(region).DeliveredEvents = delivered;
        foreach (var layer in layers)
            world.Get<BusState>(layer).ApplyPending(config.InhibitionPulse, config.ModulationPulse);
    }

    private long FlushSlots(World world, in RegionState region, in RegionConfig config, in BusState regionBus, Entity layer, int index, Span<Entity> tracts)
    {
        int runs = 0;
        for (int t = 0; t < tracts.Length; t++)
        {
            var run = deliveries[t];
            if (world.Get<TractInfo>(tracts[t]).Destination != index || run.Deliveries == 0)
                continue;
            incoming[runs++] = run;
        }

        if (runs == 0)
        {
            ReserveFlush(world, region, config, regionBus, layer, index);
            return 0;
        }

        int outgoing = scratch.LoadOutgoing(world, region, index, entryQueue: false);
        scratch.Slots.Begin(world, world.Get<LayerState>(layer), world.Get<SlotConfig>(layer), world.Get<BusState>(layer),
            config, regionBus, scratch.Outgoing, outgoing);
        int ranges = scratch.Slots.RunFlush(scratch.Ranges, incoming, runs);
        Array.Clear(incoming, 0, runs);
        return scratch.Merge(world, layer, ranges, outgoing);
    }

    /// <summary>
    /// An OutputLayer2D is a sink: each delivered v sets <c>frame = s * frame + (1 − s) * v</c>, in
    /// canonical order. A queue already in source order (the usual case: one flush's events, or
    /// one entry pass) is read where it lies; otherwise it is sorted in scratch first.
    /// </summary>
    private long FlushOutput(World world, Span<Entity> layers, int index, Span<Entity> tracts)
    {
        var layer = layers[index];
        var info = world.Get<LayerInfo>(layer);
        var frame = world.GetTable(world.Get<LayerState>(layer).Pixels).Span(RegionColumns.PixelValue);
        double keep = info.Smoothing;
        double take = 1 - info.Smoothing;
        long delivered = 0;
        for (int t = 0; t < tracts.Length; t++)
        {
            var tractInfo = world.Get<TractInfo>(tracts[t]);
            if (tractInfo.Destination != index)
                continue;
            var state = world.Get<TractState>(tracts[t]);
            var pending = world.GetTable(state.PendingQueue);
            var entry = world.GetTable(state.EntryQueue);
            ReadOnlySpan<int> sources, targets;
            ReadOnlySpan<double> values;
            if (entry.Count == 0 && InSourceOrder(pending) || pending.Count == 0 && InSourceOrder(entry))
            {
                var queue = entry.Count == 0 ? pending : entry;
                sources = queue.Span(RegionColumns.QueueSource);
                targets = queue.Span(RegionColumns.QueueTarget);
                values = queue.Span(RegionColumns.QueueValue);
            }
            else
            {
                var source = layers[tractInfo.Source];
                var run = deliveries[t];
                run.Gather(world, tractInfo, state, RegionAccess.NeuronCount(world, source), world.Get<LayerInfo>(source), frame.Length);
                sources = run.ItemSource.AsSpan(0, run.ItemCount);
                targets = run.ItemTarget.AsSpan(0, run.ItemCount);
                values = run.ItemValue.AsSpan(0, run.ItemCount);
            }

            if (tractInfo.Kind == TractKind.Gated)
            {
                for (int k = 0; k < targets.Length; k++)
                {
                    ref double pixel = ref frame[targets[k]];
                    pixel = keep * pixel + take * values[k];
                }

                delivered += targets.Length;
            }
            else
            {
                var rowStart = world.GetTable(state.Sources).Span(RegionColumns.EdgeRowStart);
                var edges = world.GetTable(state.Edges);
                var target = edges.Span(RegionColumns.EdgeTarget);
                var weight = edges.Span(RegionColumns.EdgeWeight);
                for (int k = 0; k < sources.Length; k++)
                {
                    int source = sources[k];
                    double value = values[k];
                    for (int e = rowStart[source]; e < rowStart[source + 1]; e++)
                    {
                        ref double pixel = ref frame[target[e]];
                        pixel = keep * pixel + take * (value * weight[e]);
                        delivered++;
                    }
                }
            }

            if (pending.Count > 0)
                world.ResizeTable(state.PendingQueue, 0);
            if (entry.Count > 0)
                world.ResizeTable(state.EntryQueue, 0);
        }

        return delivered;
    }

    private static bool InSourceOrder(Table queue)
    {
        var sources = queue.Span(RegionColumns.QueueSource);
        for (int k = 1; k < sources.Length; k++)
        {
            if (sources[k] < sources[k - 1])
                return false;
        }

        return true;
    }

    /// <summary>A layer without deliveries this tick has its first flush's scratch made, once per layer size.</summary>
    private void ReserveFlush(World world, in RegionState region, in RegionConfig config, in BusState regionBus, Entity layer, int index)
    {
        var state = world.Get<LayerState>(layer);
        int neurons = world.GetTable(state.Neurons).Count;
        if (reservedNeurons.TryGetValue(state.Neurons, out int reserved) && reserved == neurons)
            return;
        int outgoing = scratch.LoadOutgoing(world, region, index, entryQueue: false);
        scratch.Slots.Begin(world, state, world.Get<SlotConfig>(layer), world.Get<BusState>(layer), config, regionBus, scratch.Outgoing, outgoing);
        scratch.Slots.ReserveFlush(scratch.Ranges);
        reservedNeurons[state.Neurons] = neurons;
    }

    private static void ReserveDeliveries(World world, Span<Entity> layers, Entity tract, TractDeliveries run)
    {
        var info = world.Get<TractInfo>(tract);
        int events = TractCapacity.EventsPerPass(world, info, world.Get<TractState>(tract));
        run.Reserve(events, RegionAccess.NeuronCount(world, layers[info.Source]), RegionAccess.NeuronCount(world, layers[info.Destination]));
    }

    private void EnsureDeliveries(int count)
    {
        // A layer takes deliveries from at most every tract, so the incoming list never grows in a flush.
        if (incoming.Length < count)
            incoming = new TractDeliveries[count];
        if (deliveries.Length >= count)
            return;
        int old = deliveries.Length;
        Array.Resize(ref deliveries, Math.Max(count, old * 2));
        for (int i = old; i < deliveries.Length; i++)
            deliveries[i] = new TractDeliveries();
    }
}
