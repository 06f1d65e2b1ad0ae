using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Runs the fused neuron kernel (<see cref="SlotKernel"/>) over one slot layer for one phase:
/// gathers the layer's columns and the phase's constants into an immutable
/// <see cref="SlotPassContext"/>, sizes the row ranges and runs them in parallel (or serially
/// when a slot range may have to grow). Holds only what outlives a pass: the result objects'
/// pool is the caller's, the per-layer bin thresholds are kept here from pass to pass.
/// </summary>
internal sealed class SlotLayerPass
{
    /// <summary>Rows per range of a phase A pass (one input per row).</summary>
    public const int EntryRangeSize = 1024;

    /// <summary>
    /// Deliveries a phase B range aims at: large enough that the rows of a range share classified
    /// bins and scratch (16 image-layer neurons), small enough for tens of ranges per layer.
    /// </summary>
    public const int FlushRangeWork = 1 << 16;

    private readonly Dictionary<TableHandle, ScalarBinThresholds> binThresholds = new();
    private SlotPassContext layer;
    private TableHandle neuronTable;
    private int outgoingEvents;

    /// <summary>Gathers what every pass over the layer reads (columns, constants, outgoing tracts).</summary>
    public void Begin(World world, in LayerState state, in SlotConfig config, in BusState layerBus,
        in RegionConfig regionConfig, in BusState regionBus, OutgoingTract[] outgoing, int outgoingCount)
    {
        // A loaded world may come without the guard rows the vector key lookup relies on.
        SlotRanges.EnsureGuard(world, state.Slots);
        neuronTable = state.Neurons;
        layer = new SlotPassContext(world, state, config, layerBus, regionConfig, regionBus, outgoing, outgoingCount);
        outgoingEvents = 0;
        for (int o = 0; o < outgoingCount; o++)
            outgoingEvents = Math.Min(TractCapacity.MaxReservedEvents, outgoingEvents + outgoing[o].EventsPerPass);
    }

    /// <summary>Number of neurons.</summary>
    public int Count => layer.Neurons.Count;

    /// <summary>Phase A: every neuron receives <paramref name="value"/>. Returns the range count used.</summary>
    public int RunEntry(RangeResults pool, double value, long ordinalBase)
        => Run(pool, EntryRangeSize, flush: false, value, ordinalBase, [], 0, binned: false, thresholds: null);

    /// <summary>Phase B: every neuron receives its deliveries from <paramref name="runs"/> in tract order.</summary>
    public int RunFlush(RangeResults pool, TractDeliveries[] runs, int runCount)
    {
        // Neurons with a fixed anchor and a small limit pick bins by threshold compares (see
        // ScalarBinThresholds); the thresholds are kept per layer from pass to pass.
        bool binned = layer.Constants.FirstAnchor && !layer.MayRelocate;
        var thresholds = binned ? PrepareThresholds() : null;

        long work = 0;
        for (int i = 0; i < runCount; i++)
            work += runs[i].Deliveries;
        long perNeuron = Math.Max(1, work / Math.Max(1, layer.Neurons.Count));
        int size = (int)Math.Clamp(FlushRangeWork / perNeuron, 1, EntryRangeSize);
        return Run(pool, size, flush: true, 0, 0, runs, runCount, binned, thresholds);
    }

    /// <summary>
    /// Makes what a phase B pass over the layer begun last needs (bin thresholds, one range's
    /// results and event buffers) without running it, so the layer's first deliveries allocate
    /// nothing; the caller does this once per layer size.
    /// </summary>
    public void ReserveFlush(RangeResults pool)
    {
        if (layer.Constants.FirstAnchor && !layer.MayRelocate)
            PrepareThresholds();
        int count = Math.Max(1, layer.Neurons.Count);
        int size = Math.Min(count, EntryRangeSize);
        int ranges = RangeResults.RangeCount(count, size);
        pool.Ensure(ranges);
        pool.Reserve(ranges, layer.OutgoingCount, EmitsPerRange(size, count));
    }

    private ScalarBinThresholds PrepareThresholds()
    {
        if (!binThresholds.TryGetValue(neuronTable, out var thresholds))
            binThresholds[neuronTable] = thresholds = new ScalarBinThresholds();
        thresholds.Prepare(layer.Neurons.Count, layer.Constants.EpsilonScale, layer.Constants.BinWidth);
        return thresholds;
    }

    /// <summary>
    /// Events to reserve per range: the range's share of one fire per neuron over every outgoing
    /// edge, with twice the slack (neurons fire unevenly), at least the default 64.
    /// </summary>
    private int EmitsPerRange(int size, int count)
        => (int)Math.Min(outgoingEvents, Math.Max(64, 2L * outgoingEvents * Math.Min(size, count) / count));

    private int Run(RangeResults pool, int size, bool flush, double entryValue, long entryOrdinalBase,
        TractDeliveries[] runs, int runCount, bool binned, ScalarBinThresholds? thresholds)
    {
        int count = layer.Neurons.Count;
        if (layer.MayRelocate)
            size = Math.Max(1, count);
        int ranges = RangeResults.RangeCount(count, size);
        var results = pool.Ensure(Math.Max(1, ranges));
        if (count == 0)
            return 0;
        pool.Reserve(ranges, layer.OutgoingCount, EmitsPerRange(size, count));
        var context = new SlotPassContext(layer, results, size, entryValue, entryOrdinalBase, runs, runCount, binned, thresholds);
        var action = new SlotPassAction(in context, flush);
        if (context.MayRelocate || ranges == 1)
            action.Execute(0, count);
        else
            layer.World.Parallel.For(count, size, action);
        return ranges;
    }
}
