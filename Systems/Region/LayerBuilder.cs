using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Creates layer entities and their tables, and appends neurons. Callers validate first; these
/// methods assume valid arguments and run at host time or in the Growth phase.
/// </summary>
internal static class LayerBuilder
{
    private static readonly ComponentSet LayerComponents =
        ComponentSet.Of<LayerInfo, LayerState, BusState>().With(ComponentType<SlotConfig>.Id);

    /// <summary>Adds a slot layer of E, then I, then M neurons; returns its index.</summary>
    public static int AddStandard(World world, Entity region, int excitatory, int inhibitory, int modulatory, in SlotConfig slots, int neuronLimit)
    {
        var layer = CreateLayer(world, region, new LayerInfo
        {
            Kind = LayerKind.Standard,
            Excitatory = excitatory,
            Inhibitory = inhibitory,
            Modulatory = modulatory,
            NeuronLimit = neuronLimit,
        }, slots);
        ref var state = ref world.Get<LayerState>(layer);
        state.Neurons = world.CreateTable(RegionTables.Neurons.Set, layer);
        state.Slots = world.CreateTable(RegionTables.Slots.Set, layer);
        SlotRanges.EnsureGuard(world, state.Slots);
        AddNeurons(world, layer, NeuronKind.Excitatory, excitatory, null);
        AddNeurons(world, layer, NeuronKind.Inhibitory, inhibitory, null);
        AddNeurons(world, layer, NeuronKind.Modulatory, modulatory, null);
        return world.Get<LayerInfo>(layer).Index;
    }

    /// <summary>Adds an InputLayer2D or OutputLayer2D of height × width pixels; returns its index.</summary>
    public static int AddImage(World world, Entity region, LayerKind kind, int height, int width, double gain, double epsilonFire, double smoothing)
    {
        var layer = CreateLayer(world, region, new LayerInfo
        {
            Kind = kind,
            Height = height,
            Width = width,
            Gain = gain,
            EpsilonFire = epsilonFire,
            Smoothing = smoothing,
            NeuronLimit = -1,
        }, SlotConfig.Default);
        ref var state = ref world.Get<LayerState>(layer);
        state.Pixels = world.CreateTable(RegionTables.Pixels.Set, layer, checked(height * width));
        return world.Get<LayerInfo>(layer).Index;
    }

    private static Entity CreateLayer(World world, Entity region, LayerInfo info, in SlotConfig slots)
    {
        ref var regionState = ref world.Get<RegionState>(region);
        var config = world.Get<RegionConfig>(region);
        long step = world.Get<BusState>(region).CurrentStep;
        var layer = world.Create(LayerComponents);
        info.Region = region;
        info.Index = world.GetTable(regionState.Layers).Count;
        world.Get<LayerInfo>(layer) = info;
        world.Get<LayerState>(layer) = new LayerState { GrowthOrdinal = long.MaxValue, GrowthRow = -1 };
        // A layer added mid-run shares the region's clock, so cooldowns mean the same everywhere.
        world.Get<BusState>(layer) = BusState.Create(config.InhibitionDecay, step);
        world.Get<SlotConfig>(layer) = slots;
        int row = world.AddRows(regionState.Layers, 1);
        RegionAccess.Layers(world, regionState)[row] = layer;
        return layer;
    }

    /// <summary>
    /// Appends <paramref name="count"/> neurons of one kind (with an optional slot limit override)
    /// and their slot ranges; returns the first new row. Tract source tables are not touched.
    /// </summary>
    public static int AddNeurons(World world, Entity layer, NeuronKind kind, int count, int? slotLimit)
    {
        ref var state = ref world.Get<LayerState>(layer);
        var config = world.Get<SlotConfig>(layer);
        int first = world.AddRows(state.Neurons, count);
        if (count == 0)
            return first;
        int limit = slotLimit ?? config.SlotLimit;
        int capacity = SlotRanges.CapacityFor(limit);
        int slotStart = world.AddRows(state.Slots, checked(capacity * count));
        SlotRanges.EnsureGuard(world, state.Slots);
        var neurons = new NeuronColumns(world.GetTable(state.Neurons));
        for (int i = 0; i < count; i++)
        {
            int row = first + i;
            neurons.Kind[row] = kind;
            neurons.Flags[row] = slotLimit.HasValue ? NeuronFlags.HasSlotLimit : NeuronFlags.None;
            neurons.SlotLimit[row] = slotLimit ?? 0;
            neurons.SlotStart[row] = slotStart + i * capacity;
            neurons.SlotCapacity[row] = capacity;
        }

        if (SlotRanges.IsGrowable(limit, capacity))
            state.GrowableNeurons += count;
        return first;
    }
}
