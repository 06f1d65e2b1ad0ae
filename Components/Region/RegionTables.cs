using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Region;

/// <summary>
/// Every table a region owns, each declared once with its columns (<see cref="RegionColumns"/>):
/// tables are created from <see cref="TableDeclaration.Set"/>, the region family lists the
/// columns for the world codec, and rows move with <see cref="Table.MoveRows"/> over all of them.
/// </summary>
public static class RegionTables
{
    /// <summary>One per slot layer, one row per neuron (rows E, then I, then M, then grown neurons).</summary>
    public static readonly TableDeclaration Neurons = new("region.neurons",
        RegionColumns.NeuronKind, RegionColumns.NeuronFlags, RegionColumns.SlotLimit, RegionColumns.Anchor,
        RegionColumns.AnchorRow, RegionColumns.AnchorCol, RegionColumns.LastInput, RegionColumns.LastSlotKey,
        RegionColumns.FallbackStreak, RegionColumns.LastGrowthStep, RegionColumns.SlotStart, RegionColumns.SlotCount,
        RegionColumns.SlotCapacity);

    /// <summary>One per slot layer: each neuron owns a range of rows (its slots in creation order, then room).</summary>
    public static readonly TableDeclaration Slots = new("region.slots",
        RegionColumns.SlotKeyColumn, RegionColumns.SlotStrength, RegionColumns.SlotThreshold, RegionColumns.SlotEmaRate,
        RegionColumns.SlotHits, RegionColumns.SlotFlags);

    /// <summary>One per 2D layer: the staged input frame or the output frame, row-major.</summary>
    public static readonly TableDeclaration Pixels = new("region.pixels", RegionColumns.PixelValue);

    /// <summary>One per tract: CSR row starts (one extra row) and broadcast participation, by source row.</summary>
    public static readonly TableDeclaration Sources = new("region.tract.sources", RegionColumns.EdgeRowStart, RegionColumns.SourceParticipates);

    /// <summary>One per tract: its edges, row by row (gated edges carry a gate, windowed edges a fixed weight).</summary>
    public static readonly TableDeclaration Edges = new("region.tract.edges",
        RegionColumns.EdgeTarget, RegionColumns.EdgeWeight, RegionColumns.GateStrength, RegionColumns.GateThreshold,
        RegionColumns.GateEmaRate, RegionColumns.GateHits, RegionColumns.GateFlags, RegionColumns.EdgeLastStep);

    /// <summary>Two per tract (entry and pending): queued events (source row, target row, value).</summary>
    public static readonly TableDeclaration Queue = new("region.tract.queue", RegionColumns.QueueSource, RegionColumns.QueueTarget, RegionColumns.QueueValue);

    /// <summary>The region's layer entities (row = layer index).</summary>
    public static readonly TableDeclaration LayerList = new("region.layers", RegionColumns.LayerEntity);

    /// <summary>The region's tract entities (row = tract index, creation order).</summary>
    public static readonly TableDeclaration TractList = new("region.tracts", RegionColumns.TractEntity);

    /// <summary>The region's port binding entities (row = port order).</summary>
    public static readonly TableDeclaration PortList = new("region.ports", RegionColumns.PortEntity);

    /// <summary>The region's recorded mesh rules, in recording order.</summary>
    public static readonly TableDeclaration MeshRules = new("region.meshRules", RegionColumns.MeshRules);

    /// <summary>One per port binding: the bound layer indices in binding order.</summary>
    public static readonly TableDeclaration Bindings = new("region.port.bindings", RegionColumns.PortLayer);

    /// <summary>Every region table, in the order above.</summary>
    public static IReadOnlyList<TableDeclaration> All { get; } =
        [Neurons, Slots, Pixels, Sources, Edges, Queue, LayerList, TractList, PortList, MeshRules, Bindings];
}
