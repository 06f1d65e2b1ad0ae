using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Structural invariants of every region in a world, checked after a load: the kernels index slot
/// ranges, CSR rows and queues without bounds checks, so a file whose checksums are right but
/// whose numbers are not (hand-edited, or from a broken writer) must be refused, not run.
/// </summary>
public static class RegionInvariants
{
    /// <summary>Throws <see cref="InvalidDataException"/> naming the first broken invariant.</summary>
    public static void Validate(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var regions = new List<Entity>();
        RegionAccess.CollectRegions(world, regions);
        foreach (var region in regions)
            ValidateRegion(world, region);
    }

    private static void ValidateRegion(World world, Entity region)
    {
        string name = world.Names.Get(region);
        var state = world.Get<RegionState>(region);
        foreach (var handle in (ReadOnlySpan<TableHandle>)[state.Layers, state.Tracts, state.Ports, state.MeshRules])
            Check(world.IsAlive(handle), name, "a region table is missing");
        var layers = RegionAccess.Layers(world, state);
        var counts = new int[layers.Length];
        for (int l = 0; l < layers.Length; l++)
        {
            var layer = layers[l];
            Check(world.IsAlive(layer) && world.Has<LayerInfo>(layer) && world.Has<LayerState>(layer), name, $"layer {l} is not a live layer");
            var info = world.Get<LayerInfo>(layer);
            Check(info.Index == l && info.Region == region, name, $"layer {l} names index {info.Index} or another region");
            counts[l] = ValidateLayer(world, layer, info, name, l);
        }

        var tracts = RegionAccess.Tracts(world, state);
        for (int t = 0; t < tracts.Length; t++)
        {
            Check(world.IsAlive(tracts[t]) && world.Has<TractInfo>(tracts[t]), name, $"tract {t} is not a live tract");
            var info = world.Get<TractInfo>(tracts[t]);
            Check(info.Index == t && (uint)info.Source < (uint)layers.Length && (uint)info.Destination < (uint)layers.Length,
                name, $"tract {t} connects missing layers");
            ValidateTract(world, world.Get<TractState>(tracts[t]), info, counts[info.Source], counts[info.Destination], name, t);
        }

        foreach (var port in RegionAccess.Ports(world, state))
        {
            Check(world.IsAlive(port) && world.Has<RegionPortBinding>(port), name, "a port is not live");
            var bindings = world.GetTable(world.Get<RegionPortBinding>(port).Bindings).Span(RegionColumns.PortLayer);
            foreach (int layer in bindings)
                Check((uint)layer < (uint)layers.Length, name, $"port '{world.Names.Get(port)}' binds missing layer {layer}");
        }

        foreach (var rule in RegionAccess.Rules(world, state))
        {
            Check((uint)rule.Tract < (uint)tracts.Length && (uint)rule.Source < (uint)layers.Length && (uint)rule.Destination < (uint)layers.Length,
                name, "a mesh rule names a missing layer or tract");
        }
    }

    private static int ValidateLayer(World world, Entity layer, in LayerInfo info, string name, int index)
    {
        var state = world.Get<LayerState>(layer);
        if (info.Kind != LayerKind.Standard)
        {
            Check(world.IsAlive(state.Pixels) && world.GetTable(state.Pixels).Count == (long)info.Height * info.Width,
                name, $"layer {index}'s pixel table is not {info.Height}×{info.Width}");
            return info.Height * info.Width;
        }

        Check(world.IsAlive(state.Neurons) && world.IsAlive(state.Slots), name, $"layer {index}'s tables are missing");
        var neurons = world.GetTable(state.Neurons);
        var slotStart = neurons.Span(RegionColumns.SlotStart);
        var slotCount = neurons.Span(RegionColumns.SlotCount);
        var slotCapacity = neurons.Span(RegionColumns.SlotCapacity);
        var kinds = neurons.Span(RegionColumns.NeuronKind);
        int slotRows = world.GetTable(state.Slots).Count;
        for (int n = 0; n < neurons.Count; n++)
        {
            int start = slotStart[n], count = slotCount[n], capacity = slotCapacity[n];
            Check(start >= 0 && count >= 0 && count <= capacity && (long)start + capacity <= slotRows,
                name, $"layer {index} neuron {n}: slot range {start}+{count}/{capacity} lies outside {slotRows} slot rows");
            Check(Enum.IsDefined(kinds[n]), name, $"layer {index} neuron {n} has kind {(int)kinds[n]}");
        }

        return neurons.Count;
    }

    private static void ValidateTract(World world, in TractState state, in TractInfo info, int sources, int destinations, string name, int index)
    {
        Check(world.IsAlive(state.Sources) && world.IsAlive(state.Edges) && world.IsAlive(state.EntryQueue) && world.IsAlive(state.PendingQueue),
            name, $"tract {index}'s tables are missing");
        var rowStart = world.GetTable(state.Sources).Span(RegionColumns.EdgeRowStart);
        var targets = world.GetTable(state.Edges).Span(RegionColumns.EdgeTarget);
        Check(rowStart.Length == sources + 1 && rowStart[0] == 0 && rowStart[^1] == targets.Length,
            name, $"tract {index}'s rows do not cover its {targets.Length} edges from {sources} sources");
        for (int s = 0; s < sources; s++)
            Check(rowStart[s] <= rowStart[s + 1], name, $"tract {index}'s row {s} runs backwards");
        foreach (int target in targets)
            Check((uint)target < (uint)destinations, name, $"tract {index} has an edge to missing neuron {target}");
        foreach (var queue in (ReadOnlySpan<TableHandle>)[state.EntryQueue, state.PendingQueue])
        {
            var table = world.GetTable(queue);
            var from = table.Span(RegionColumns.QueueSource);
            var to = table.Span(RegionColumns.QueueTarget);
            for (int e = 0; e < from.Length; e++)
            {
                Check((uint)from[e] < (uint)sources && (to[e] == -1 ? info.Kind == TractKind.Windowed : (uint)to[e] < (uint)destinations),
                    name, $"tract {index} has a queued event {from[e]}→{to[e]} outside its layers");
            }
        }
    }

    private static void Check(bool condition, string region, string problem)
    {
        if (!condition)
            throw new InvalidDataException($"Region '{region}': {problem}.");
    }
}
