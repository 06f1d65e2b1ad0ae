using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Phase A of the region tick (grownet.md "The region tick"), Input phase: resets the tick's
/// counters, then for every staged port in port order, every bound layer in binding order
/// receives the input — each neuron one fused <c>OnInput(value)</c> (select, reinforce,
/// threshold, fire, bookkeeping), each pixel of a bound InputLayer2D its <c>e = gain * pixel</c>
/// — and fires queue tract events for the flush. Ends at the phase boundary: layer bus pulses
/// written during phase A take effect.
/// </summary>
public sealed class RegionEntrySystem : ISystem
{
    private readonly RegionPassScratch scratch = new();

    /// <inheritdoc />
    public string Name => "RegionEntry";

    /// <inheritdoc />
    public void Update(World world)
    {
        // Passes change the regions' population tables (queues, slots), never the region entities' table.
        foreach (var owners in world.QueryOwners(RegionAccess.RegionSet))
            foreach (var region in owners.Entities)
            {
                // A remote region's state lives on another rank (docs/distributed.md).
                if (!world.IsRemote(region))
                    Entry(world, region);
            }
    }

    private void Entry(World world, Entity region)
    {
        var config = world.Get<RegionConfig>(region);
        var regionBus = world.Get<BusState>(region);
        ref var state = ref world.Get<RegionState>(region);
        TractCapacity.ReserveQueues(world, state);
        world.Get<RegionMetrics>(region) = new RegionMetrics { Step = regionBus.CurrentStep };
        state.SpatialInputLayer = -1;
        var layers = RegionAccess.Layers(world, state);
        foreach (var layer in layers)
            world.Get<LayerState>(layer).FiredCount = 0;

        long pass = 0;
        foreach (var portEntity in RegionAccess.Ports(world, state))
        {
            ref var port = ref world.Get<RegionPortBinding>(portEntity);
            if (!port.Staged)
                continue;
            port.Staged = false;
            foreach (int index in world.GetTable(port.Bindings).Span(RegionColumns.PortLayer))
            {
                var layer = layers[index];
                if (port.Kind == PortKind.Input)
                    EnterSlots(world, state, config, regionBus, layer, port.StagedValue, pass << 32);
                else
                    EnterPixels(world, ref state, config, regionBus, layer);
                pass++;
            }
        }

        foreach (var layer in layers)
            world.Get<BusState>(layer).ApplyPending(config.InhibitionPulse, config.ModulationPulse);
    }

    private void EnterSlots(World world, in RegionState region, in RegionConfig config, in BusState regionBus, Entity layer, double value, long ordinalBase)
    {
        var info = world.Get<LayerInfo>(layer);
        int outgoing = scratch.LoadOutgoing(world, region, info.Index, entryQueue: true);
        scratch.Slots.Begin(world, world.Get<LayerState>(layer), world.Get<SlotConfig>(layer), world.Get<BusState>(layer),
            config, regionBus, scratch.Outgoing, outgoing);
        int ranges = scratch.Slots.RunEntry(scratch.Ranges, value, ordinalBase);
        scratch.Merge(world, layer, ranges, outgoing);
    }

    private void EnterPixels(World world, ref RegionState region, in RegionConfig config, in BusState regionBus, Entity layer)
    {
        var info = world.Get<LayerInfo>(layer);
        ref var state = ref world.Get<LayerState>(layer);
        var staging = state.Staging;
        state.Staging = FrameStaging.None;
        if (staging == FrameStaging.None)
            return;
        if (region.SpatialInputLayer < 0)
            region.SpatialInputLayer = info.Index;
        if (staging == FrameStaging.FireCountOnly)
        {
            // No outgoing edges: the frame's only effect on the tick is how many pixels fired.
            state.FiredCount += state.StagedFired;
            return;
        }

        int outgoing = scratch.LoadOutgoing(world, region, info.Index, entryQueue: true);
        int ranges = PixelLayerPass.Run(world, info, state, config, regionBus, scratch.Outgoing, outgoing, scratch.Ranges);
        scratch.Merge(world, layer, ranges, outgoing);
    }
}
