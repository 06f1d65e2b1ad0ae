using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Decay phase, last: completes the tick's <see cref="RegionMetrics"/> — total slots, total
/// edges and, for a 2D tick with spatial metrics on, the spatial summary of the furthest
/// downstream OutputLayer2D frame (highest index), or of the input frame when that output has
/// no active pixel.
/// </summary>
public sealed class RegionMetricsSystem : ISystem
{

    /// <inheritdoc />
    public string Name => "RegionMetrics";

    /// <inheritdoc />
    public void Update(World world)
    {
        // Passes change the regions' population tables (queues, slots), never the region entities' table.
        foreach (var owners in world.QueryOwners(RegionAccess.RegionSet))
            foreach (var region in owners.Entities)
            {
                // A remote region's state lives on another rank (docs/distributed.md).
                if (!world.IsRemote(region))
                    Measure(world, region);
            }
    }

    private static void Measure(World world, Entity region)
    {
        var state = world.Get<RegionState>(region);
        ref var metrics = ref world.Get<RegionMetrics>(region);
        metrics.TotalSlots = TotalSlots(world, state);
        metrics.TotalSynapses = TotalSynapses(world, state);
        if (!world.Get<RegionConfig>(region).SpatialMetrics || state.SpatialInputLayer < 0)
            return;
        var layers = RegionAccess.Layers(world, state);
        var summary = SpatialSummary.Empty;
        for (int index = layers.Length - 1; index >= 0; index--)
        {
            var info = world.Get<LayerInfo>(layers[index]);
            if (info.Kind != LayerKind.Output2D)
                continue;
            var frame = world.GetTable(world.Get<LayerState>(layers[index]).Pixels).Span(RegionColumns.PixelValue);
            summary = SpatialSummary.Of(frame, info.Height, info.Width);
            break;
        }

        if (summary.ActivePixels == 0)
            summary = world.Get<LayerState>(layers[state.SpatialInputLayer]).StagedSpatial;
        metrics.HasSpatial = true;
        metrics.Spatial = summary;
    }

    /// <summary>Slots over all slot neurons of the region.</summary>
    public static long TotalSlots(World world, in RegionState state)
    {
        long total = 0;
        foreach (var layer in RegionAccess.Layers(world, state))
        {
            if (world.Get<LayerInfo>(layer).Kind != LayerKind.Standard)
                continue;
            var table = world.GetTable(world.Get<LayerState>(layer).Neurons);
            foreach (int count in table.Span(RegionColumns.SlotCount))
                total += count;
        }

        return total;
    }

    /// <summary>Edges over all tracts (a broadcast windowed tract counts participating pixels × destination neurons).</summary>
    public static long TotalSynapses(World world, in RegionState state)
    {
        long total = 0;
        var layers = RegionAccess.Layers(world, state);
        foreach (var tract in RegionAccess.Tracts(world, state))
        {
            var info = world.Get<TractInfo>(tract);
            var tractState = world.Get<TractState>(tract);
            total += info.Broadcast
                ? (long)tractState.ParticipatingSources * RegionAccess.NeuronCount(world, layers[info.Destination])
                : world.GetTable(tractState.Edges).Count;
        }

        return total;
    }
}
