using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The Growth phase of the region tick (grownet.md "Growth"): per layer in index order, the
/// first growth request of the tick (canonical order) adds at most one neuron, autowired by
/// mesh-rule replay; a request on a layer at its neuron limit spills over into a new layer when
/// layer growth is on; then the optional region growth policy. At most one new layer per region
/// per tick, and none once the region has <c>MaxLayers</c> layers.
/// </summary>
public sealed class RegionGrowthSystem : ISystem
{
    private readonly List<Entity> regions = new();

    /// <inheritdoc />
    public string Name => "RegionGrowth";

    /// <inheritdoc />
    public void Update(World world)
    {
        // A list, not an owner query: spillover creates layer entities while regions are walked.
        RegionAccess.CollectRegions(world, regions);
        foreach (var region in regions)
        {
            // A remote region's state lives on another rank (docs/distributed.md).
            if (!world.IsRemote(region))
                Grow(world, region);
        }
    }

    private static void Grow(World world, Entity region)
    {
        bool layerAdded = false;
        int grownNeurons = 0;
        int layerCount = world.GetTable(world.Get<RegionState>(region).Layers).Count;
        for (int index = 0; index < layerCount; index++)
        {
            var layer = RegionAccess.Layers(world, world.Get<RegionState>(region))[index];
            ref var state = ref world.Get<LayerState>(layer);
            int seed = state.GrowthRow;
            if (seed < 0)
                continue;
            state.GrowthRow = -1;
            state.GrowthOrdinal = long.MaxValue;
            var info = world.Get<LayerInfo>(layer);
            if (info.NeuronLimit >= 0 && world.GetTable(state.Neurons).Count >= info.NeuronLimit)
            {
                if (world.Get<SlotConfig>(layer).LayerGrowthEnabled && !layerAdded && BelowLayerCap(world, region))
                {
                    RegionGrowth.AddSpillover(world, region, index);
                    layerAdded = true;
                }

                continue;
            }

            RegionGrowth.GrowNeuron(world, region, index, seed);
            grownNeurons++;
        }

        if (!layerAdded && world.Get<RegionConfig>(region).Growth.Enabled)
            layerAdded = ApplyPolicy(world, region);
        ref var metrics = ref world.Get<RegionMetrics>(region);
        metrics.GrownNeurons = grownNeurons;
        metrics.GrownLayers = layerAdded ? 1 : 0;
    }

    /// <summary>The region growth policy; returns whether it added a layer.</summary>
    private static bool ApplyPolicy(World world, Entity region)
    {
        var policy = world.Get<RegionConfig>(region).Growth;
        var state = world.Get<RegionState>(region);
        long step = world.Get<BusState>(region).CurrentStep;
        var layers = RegionAccess.Layers(world, state);
        if (!BelowLayerCap(world, region))
            return false;
        if (state.HasGrownLayer && step - state.LastLayerGrowthStep < policy.LayerCooldownTicks)
            return false;

        long neurons = 0, slots = 0, saturated = 0;
        int best = -1;
        double bestPercent = -1;
        for (int index = 0; index < layers.Length; index++)
        {
            var layer = layers[index];
            if (world.Get<LayerInfo>(layer).Kind != LayerKind.Standard)
                continue;
            var (count, slotTotal, atCapacity) = Saturation(world, layer);
            neurons += count;
            slots += slotTotal;
            saturated += atCapacity;
            double percent = count == 0 ? 0 : 100.0 * atCapacity / count;
            if (percent > bestPercent)
            {
                bestPercent = percent;
                best = index;
            }
        }

        if (best < 0)
            return false;
        double average = neurons == 0 ? 0 : (double)slots / neurons;
        double percentAll = neurons == 0 ? 0 : 100.0 * saturated / neurons;
        bool trigger = average >= policy.AvgSlotsThreshold
                       || (policy.PercentAtCapacityThreshold > 0 && percentAll >= policy.PercentAtCapacityThreshold);
        if (!trigger)
            return false;
        RegionGrowth.AddSpillover(world, region, best);
        return true;
    }

    /// <summary>Whether the region may add a layer: <c>MaxLayers</c> caps every route of layer growth (spillover and policy).</summary>
    private static bool BelowLayerCap(World world, Entity region)
    {
        int cap = world.Get<RegionConfig>(region).Growth.MaxLayers;
        return cap <= 0 || world.GetTable(world.Get<RegionState>(region).Layers).Count < cap;
    }

    /// <summary>Neurons, slots, and neurons at capacity whose last selection fell back.</summary>
    private static (int Neurons, long Slots, int AtCapacity) Saturation(World world, Entity layer)
    {
        var config = world.Get<SlotConfig>(layer);
        var neurons = world.GetTable(world.Get<LayerState>(layer).Neurons);
        var flags = neurons.Span(RegionColumns.NeuronFlags);
        var slotCount = neurons.Span(RegionColumns.SlotCount);
        var slotLimit = neurons.Span(RegionColumns.SlotLimit);
        long slots = 0;
        int atCapacity = 0;
        for (int row = 0; row < neurons.Count; row++)
        {
            slots += slotCount[row];
            int limit = (flags[row] & NeuronFlags.HasSlotLimit) != 0 ? slotLimit[row] : config.SlotLimit;
            if (limit > 0 && slotCount[row] >= limit && (flags[row] & NeuronFlags.LastSlotUsedFallback) != 0)
                atCapacity++;
        }

        return (neurons.Count, slots, atCapacity);
    }
}
