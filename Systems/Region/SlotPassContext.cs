using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Everything one pass over a slot layer reads, fixed before the pass starts and handed by value
/// to every range (<see cref="SlotPassAction"/>; readonly fields, so reading one through an <c>in</c> reference copies nothing): the layer's columns, the constants of the
/// phase (weight rule, slot selection, bus values as they were at the phase start), the
/// outgoing tracts, the incoming deliveries and the per-range result objects. Ranges write only
/// their own neurons' rows, slots and outgoing gates, and their own <see cref="RangeResult"/>.
/// </summary>
internal readonly struct SlotPassContext
{
    /// <summary>What every pass over a slot layer reads (the pass part is left empty).</summary>
    public SlotPassContext(World world, in LayerState state, in SlotConfig config, in BusState layerBus,
        in RegionConfig regionConfig, in BusState regionBus, OutgoingTract[] outgoing, int outgoingCount)
    {
        World = world;
        SlotTable = state.Slots;
        Neurons = new NeuronColumns(world.GetTable(state.Neurons));
        Slots = new SlotColumns(world.GetTable(state.Slots));
        Constants = new KernelConstants(regionConfig.Weight, config, layerBus);
        SpatialLayer = config.SpatialEnabled;
        SpatialFirstAnchor = config.SpatialAnchor == SpatialAnchor.First;
        RowBinWidth = Math.Max(0.1, config.RowBinWidthPct);
        ColBinWidth = Math.Max(0.1, config.ColBinWidthPct);
        GrowthCooldown = config.NeuronGrowthCooldownTicks;
        Step = layerBus.CurrentStep;
        Gates = new GateContext(regionConfig.Weight, regionBus.Modulation, regionBus.Inhibition, regionBus.CurrentStep);
        Outgoing = outgoing;
        OutgoingCount = outgoingCount;
        // A range that must relocate grows the shared slot table: only a serial pass may do that.
        MayRelocate = state.GrowableNeurons > 0;
        Results = [];
        Incoming = [];
    }

    /// <summary>The context of one pass: the layer's part of <paramref name="layer"/> and the pass's own inputs.</summary>
    public SlotPassContext(in SlotPassContext layer, RangeResult[] results, int rangeSize, double entryValue, long entryOrdinalBase,
        TractDeliveries[] incoming, int incomingCount, bool binnedRuns, ScalarBinThresholds? thresholds)
    {
        this = layer;
        Results = results;
        RangeSize = rangeSize;
        EntryValue = entryValue;
        EntryOrdinalBase = entryOrdinalBase;
        Incoming = incoming;
        IncomingCount = incomingCount;
        BinnedRuns = binnedRuns;
        Thresholds = thresholds;
    }

    /// <summary>The world (serial passes only grow its slot table, see <see cref="MayRelocate"/>).</summary>
    public readonly World World;

    /// <summary>The layer's slot table (grown by a relocation in a serial pass).</summary>
    public readonly TableHandle SlotTable;

    /// <summary>The neuron table's columns.</summary>
    public readonly NeuronColumns Neurons;

    /// <summary>The slot table's columns at the start of the pass.</summary>
    public readonly SlotColumns Slots;

    /// <summary>Weight and slot-selection constants of the phase.</summary>
    public readonly KernelConstants Constants;

    /// <summary>Whether events that carry a pixel position use 2D slot selection.</summary>
    public readonly bool SpatialLayer;

    /// <summary>Whether the 2D anchor is the first position seen (else the origin).</summary>
    public readonly bool SpatialFirstAnchor;

    /// <summary>Row bin width in percent (clamped to ≥ 0.1).</summary>
    public readonly double RowBinWidth;

    /// <summary>Column bin width in percent (clamped to ≥ 0.1).</summary>
    public readonly double ColBinWidth;

    /// <summary>Steps a neuron waits between growth requests.</summary>
    public readonly long GrowthCooldown;

    /// <summary>The layer bus step (growth bookkeeping).</summary>
    public readonly long Step;

    /// <summary>What every gate update of the phase shares.</summary>
    public readonly GateContext Gates;

    /// <summary>The tracts leaving the layer, in creation order (first <see cref="OutgoingCount"/>).</summary>
    public readonly OutgoingTract[] Outgoing;

    /// <summary>Number of outgoing tracts.</summary>
    public readonly int OutgoingCount;

    /// <summary>Whether a neuron's slot range may have to grow: the pass is then one serial range.</summary>
    public readonly bool MayRelocate;

    /// <summary>One result per range (index = first row / <see cref="RangeSize"/>).</summary>
    public readonly RangeResult[] Results;

    /// <summary>Rows per range.</summary>
    public readonly int RangeSize;

    /// <summary>Phase A: the value every neuron receives.</summary>
    public readonly double EntryValue;

    /// <summary>Phase A: the canonical position of the pass (row is added).</summary>
    public readonly long EntryOrdinalBase;

    /// <summary>Phase B: the deliveries per incoming tract (first <see cref="IncomingCount"/>).</summary>
    public readonly TractDeliveries[] Incoming;

    /// <summary>Number of incoming delivery runs.</summary>
    public readonly int IncomingCount;

    /// <summary>Phase B: whether scalar runs may pick bins by threshold compares (<see cref="ScalarBinThresholds"/>).</summary>
    public readonly bool BinnedRuns;

    /// <summary>The layer's bin thresholds (rows are disjoint between ranges), when <see cref="BinnedRuns"/>.</summary>
    public readonly ScalarBinThresholds? Thresholds;
}
