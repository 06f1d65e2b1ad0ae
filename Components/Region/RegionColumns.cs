using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Region;

/// <summary>
/// Column keys of a region's population tables, by stable name (what the world codec stores).
/// <list type="bullet">
/// <item>Neuron table (one per slot layer, one row per neuron).</item>
/// <item>Slot table (one per slot layer): neuron n owns rows <c>SlotStart[n] .. SlotStart[n] + SlotCapacity[n]</c>,
/// of which the first <c>SlotCount[n]</c> are its slots in creation order.</item>
/// <item>Pixel table (2D layers): the staged input frame or the output frame, row-major.</item>
/// <item>Tract source table, edge table and the two event queues.</item>
/// <item>Region lists: layer, tract and port entities, mesh rules; port bindings.</item>
/// </list>
/// </summary>
public static class RegionColumns
{
    // ------------------------------------------------------------------ neurons

    /// <summary>E, I or M (<see cref="Region.NeuronKind"/>).</summary>
    public static readonly ColumnKey<NeuronKind> NeuronKind = new ColumnKey<NeuronKind>("region.neuron.kind");
    /// <summary>Boolean state (<see cref="Region.NeuronFlags"/>).</summary>
    public static readonly ColumnKey<NeuronFlags> NeuronFlags = new ColumnKey<NeuronFlags>("region.neuron.flags");
    /// <summary>Per-neuron slot limit override (valid with <see cref="Region.NeuronFlags.HasSlotLimit"/>).</summary>
    public static readonly ColumnKey<int> SlotLimit = new ColumnKey<int>("region.neuron.slotLimit");
    /// <summary>Scalar anchor (first input).</summary>
    public static readonly ColumnKey<double> Anchor = new ColumnKey<double>("region.neuron.anchor");
    /// <summary>2D anchor row.</summary>
    public static readonly ColumnKey<int> AnchorRow = new ColumnKey<int>("region.neuron.anchorRow");
    /// <summary>2D anchor column.</summary>
    public static readonly ColumnKey<int> AnchorCol = new ColumnKey<int>("region.neuron.anchorCol");
    /// <summary>Value of the last input.</summary>
    public static readonly ColumnKey<double> LastInput = new ColumnKey<double>("region.neuron.lastInput");
    /// <summary>Key of the last selected slot.</summary>
    public static readonly ColumnKey<long> LastSlotKey = new ColumnKey<long>("region.neuron.lastSlotKey");
    /// <summary>Consecutive inputs at capacity on the fallback slot.</summary>
    public static readonly ColumnKey<int> FallbackStreak = new ColumnKey<int>("region.neuron.fallbackStreak");
    /// <summary>Bus step of the last growth request (valid with <see cref="Region.NeuronFlags.HasGrown"/>).</summary>
    public static readonly ColumnKey<long> LastGrowthStep = new ColumnKey<long>("region.neuron.lastGrowthStep");
    /// <summary>First row of the neuron's slot range.</summary>
    public static readonly ColumnKey<int> SlotStart = new ColumnKey<int>("region.neuron.slotStart");
    /// <summary>Slots in use in the range.</summary>
    public static readonly ColumnKey<int> SlotCount = new ColumnKey<int>("region.neuron.slotCount");
    /// <summary>Rows reserved for the range.</summary>
    public static readonly ColumnKey<int> SlotCapacity = new ColumnKey<int>("region.neuron.slotCapacity");

    // ------------------------------------------------------------------ slots

    /// <summary>Slot key (<see cref="Region.SlotKey"/>).</summary>
    public static readonly ColumnKey<long> SlotKeyColumn = new ColumnKey<long>("region.slot.key");
    /// <summary>Slot strength.</summary>
    public static readonly ColumnKey<double> SlotStrength = new ColumnKey<double>("region.slot.strength");
    /// <summary>Slot threshold.</summary>
    public static readonly ColumnKey<double> SlotThreshold = new ColumnKey<double>("region.slot.threshold");
    /// <summary>Slot firing-rate EMA.</summary>
    public static readonly ColumnKey<double> SlotEmaRate = new ColumnKey<double>("region.slot.emaRate");
    /// <summary>Slot reinforcement count.</summary>
    public static readonly ColumnKey<int> SlotHits = new ColumnKey<int>("region.slot.hits");
    /// <summary>Slot imprinted/frozen bits (<see cref="WeightFlags"/>).</summary>
    public static readonly ColumnKey<byte> SlotFlags = new ColumnKey<byte>("region.slot.flags");

    // ------------------------------------------------------------------ 2D layers

    /// <summary>Pixel value: the staged frame of an InputLayer2D, the frame of an OutputLayer2D.</summary>
    public static readonly ColumnKey<double> PixelValue = new ColumnKey<double>("region.pixel.value");

    // ------------------------------------------------------------------ tracts

    /// <summary>First edge of each source row (one extra row closes the last).</summary>
    public static readonly ColumnKey<int> EdgeRowStart = new ColumnKey<int>("region.tract.rowStart");
    /// <summary>1 when the source pixel takes part in a broadcast windowed tract.</summary>
    public static readonly ColumnKey<byte> SourceParticipates = new ColumnKey<byte>("region.tract.participates");
    /// <summary>Target row in the destination layer.</summary>
    public static readonly ColumnKey<int> EdgeTarget = new ColumnKey<int>("region.edge.target");
    /// <summary>Fixed weight of a windowed edge (1, or the topographic weight).</summary>
    public static readonly ColumnKey<double> EdgeWeight = new ColumnKey<double>("region.edge.weight");
    /// <summary>Gate strength.</summary>
    public static readonly ColumnKey<double> GateStrength = new ColumnKey<double>("region.edge.strength");
    /// <summary>Gate threshold.</summary>
    public static readonly ColumnKey<double> GateThreshold = new ColumnKey<double>("region.edge.threshold");
    /// <summary>Gate firing-rate EMA.</summary>
    public static readonly ColumnKey<double> GateEmaRate = new ColumnKey<double>("region.edge.emaRate");
    /// <summary>Gate reinforcement count.</summary>
    public static readonly ColumnKey<int> GateHits = new ColumnKey<int>("region.edge.hits");
    /// <summary>Gate imprinted/frozen bits.</summary>
    public static readonly ColumnKey<byte> GateFlags = new ColumnKey<byte>("region.edge.flags");
    /// <summary>Region step of the edge's last delivery (or of its creation).</summary>
    public static readonly ColumnKey<long> EdgeLastStep = new ColumnKey<long>("region.edge.lastStep");
    /// <summary>Queued event: source row.</summary>
    public static readonly ColumnKey<int> QueueSource = new ColumnKey<int>("region.queue.source");
    /// <summary>Queued event: target row (−1: every edge of the source, for windowed tracts).</summary>
    public static readonly ColumnKey<int> QueueTarget = new ColumnKey<int>("region.queue.target");
    /// <summary>Queued event: value.</summary>
    public static readonly ColumnKey<double> QueueValue = new ColumnKey<double>("region.queue.value");

    // ------------------------------------------------------------------ region lists

    /// <summary>A layer entity (row = layer index).</summary>
    public static readonly ColumnKey<Entity> LayerEntity = new ColumnKey<Entity>("region.layers.entity");
    /// <summary>A tract entity (row = tract index).</summary>
    public static readonly ColumnKey<Entity> TractEntity = new ColumnKey<Entity>("region.tracts.entity");
    /// <summary>A port entity (row = port order).</summary>
    public static readonly ColumnKey<Entity> PortEntity = new ColumnKey<Entity>("region.ports.entity");
    /// <summary>A recorded mesh rule.</summary>
    public static readonly ColumnKey<MeshRule> MeshRules = new ColumnKey<MeshRule>("region.meshRule");
    /// <summary>A layer index bound to a port.</summary>
    public static readonly ColumnKey<int> PortLayer = new ColumnKey<int>("region.port.layer");
}
