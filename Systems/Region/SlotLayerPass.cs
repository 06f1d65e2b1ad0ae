using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The fused neuron kernel of one slot layer for one phase (grownet.md "Neuron"): for every
/// input, select a slot (scalar or 2D, strict capacity, fallback), reinforce it, update its
/// threshold, fire (E: gate updates and queued events; I/M: bus pulses) and keep the growth
/// bookkeeping. Rows are split into fixed blocks run in parallel: a neuron's inputs touch only
/// its own row, its slot block and the gates of its own outgoing edges, the buses are read as
/// they were at the phase start, and each block's events and reductions are merged in block
/// order afterwards, so results do not depend on the thread count.
/// </summary>
internal sealed class SlotLayerPass
{
    /// <summary>Rows per block of a phase A pass (one input per row).</summary>
    public const int EntryBlockSize = 1024;

    /// <summary>
    /// Deliveries a phase B block aims at: large enough that the rows of a block share classified
    /// bins and scratch (16 image-layer neurons), small enough for tens of blocks per layer.
    /// </summary>
    public const int FlushBlockWork = 1 << 16;

    /// <summary>Deliveries from which a neuron works on a private copy of its slot block.</summary>
    public const int LocalSlotsThreshold = 64;

    private World world = null!;
    private TableHandle slotTable;
    private NeuronArrays neurons;
    private SlotArrays slots;
    private SlotConfig config;
    private KernelConstants constants;
    private double rowBinWidth;
    private double colBinWidth;
    private long step;
    private GateContext gates;
    private OutgoingTract[] outgoing = [];
    private int outgoingCount;
    private bool mayRelocate;
    private BlockResult[] results = [];
    private int blockSize;
    private double entryValue;
    private long entryOrdinalBase;
    private TractDeliveries[] incoming = [];
    private int incomingCount;
    private TableHandle neuronTable;
    private readonly Dictionary<TableHandle, ScalarBinThresholds> binThresholds = new();
    private ScalarBinThresholds thresholds = null!;
    private bool binnedRuns;

    /// <summary>Inputs from which a neuron's run takes the binned path (its setup costs about this many inputs).</summary>
    public const int BinnedRunMinimum = 32;

    /// <summary>Gathers everything one pass over a slot layer needs.</summary>
    public void Begin(World world, in LayerState state, in SlotConfig config, in BusState layerBus,
        in RegionConfig regionConfig, in BusState regionBus, OutgoingTract[] outgoing, int outgoingCount)
    {
        this.world = world;
        slotTable = state.Slots;
        neuronTable = state.Neurons;
        // A loaded world may come without the guard rows the vector key lookup relies on.
        SlotBlocks.EnsureGuard(world, state.Slots);
        neurons = NeuronArrays.From(world, state.Neurons);
        slots = SlotArrays.From(world, state.Slots);
        this.config = config;
        constants = new KernelConstants(regionConfig.Weight, config, layerBus);
        rowBinWidth = Math.Max(0.1, config.RowBinWidthPct);
        colBinWidth = Math.Max(0.1, config.ColBinWidthPct);
        step = layerBus.CurrentStep;
        gates = new GateContext(regionConfig.Weight, regionBus.Modulation, regionBus.Inhibition, regionBus.CurrentStep);
        this.outgoing = outgoing;
        this.outgoingCount = outgoingCount;
        // A block that must relocate grows the shared slot table: only a serial pass may do that.
        mayRelocate = state.GrowableNeurons > 0;
    }

    /// <summary>Number of neurons.</summary>
    public int Count => neurons.Count;

    /// <summary>Phase A: every neuron receives <paramref name="value"/>. Returns the block count used.</summary>
    public int RunEntry(BlockResults pool, double value, long ordinalBase)
    {
        entryValue = value;
        entryOrdinalBase = ordinalBase;
        return Run(pool, EntryBlockSize, flush: false);
    }

    /// <summary>Phase B: every neuron receives its deliveries from <paramref name="runs"/> in tract order.</summary>
    public int RunFlush(BlockResults pool, TractDeliveries[] runs, int runCount)
    {
        incoming = runs;
        incomingCount = runCount;
        // Neurons with a fixed anchor and a small limit pick bins by threshold compares (see
        // ScalarBinThresholds); the thresholds are kept per layer from pass to pass.
        binnedRuns = constants.FirstAnchor && !mayRelocate;
        if (binnedRuns)
        {
            if (!binThresholds.TryGetValue(neuronTable, out var layerThresholds))
                binThresholds[neuronTable] = layerThresholds = new ScalarBinThresholds();
            layerThresholds.Prepare(neurons.Count, constants.EpsilonScale, constants.BinWidth);
            thresholds = layerThresholds;
        }

        long work = 0;
        for (int i = 0; i < runCount; i++)
            work += runs[i].Deliveries;
        long perNeuron = Math.Max(1, work / Math.Max(1, neurons.Count));
        int size = (int)Math.Clamp(FlushBlockWork / perNeuron, 1, EntryBlockSize);
        return Run(pool, size, flush: true);
    }

    private int Run(BlockResults pool, int size, bool flush)
    {
        int count = neurons.Count;
        if (mayRelocate)
            size = Math.Max(1, count);
        int blocks = BlockResults.BlockCount(count, size);
        results = pool.Ensure(Math.Max(1, blocks));
        blockSize = size;
        if (count == 0)
            return 0;
        if (mayRelocate || blocks == 1)
            new SlotPassAction(this, flush).Execute(0, count);
        else
            world.Parallel.For(count, size, new SlotPassAction(this, flush));
        return blocks;
    }

    /// <summary>Phase A over rows [start, end).</summary>
    public void EntryRange(int start, int end)
    {
        var result = results[start / blockSize];
        result.Reset(outgoingCount);
        var k = constants;
        double x = entryValue;
        var s = slots;
        for (int row = start; row < end; row++)
        {
            var n = NeuronLocal.Load(neurons, row);
            OnInput(ref n, ref s, row, x, 0, 1, false, entryOrdinalBase | (uint)row, n.Limit(neurons, row, k.LayerLimit), in k, result);
            n.Store(neurons, row);
            if (result.FireCount > 0)
                EmitFires(row, result);
            if (n.GrowthOrdinal != long.MaxValue)
                result.NoteGrowth(n.GrowthOrdinal, row);
        }
    }

    /// <summary>Phase B over rows [start, end).</summary>
    public void FlushRange(int start, int end)
    {
        var result = results[start / blockSize];
        result.Reset(outgoingCount);
        bool spatialLayer = config.SpatialEnabled;
        for (int row = start; row < end; row++)
        {
            var n = NeuronLocal.Load(neurons, row);
            long deliveries = 0;
            for (int i = 0; i < incomingCount; i++)
                deliveries += incoming[i].Broadcast ? incoming[i].ItemCount : incoming[i].BucketStart[row + 1] - incoming[i].BucketStart[row];

            // A busy neuron works on a private copy of its slot block (written back once): its
            // thousands of slot writes then never share a cache line with a neighbour block's
            // neuron that another thread is running. Results are the same either way.
            var s = slots;
            int home = n.SlotStart;
            int capacity = neurons.SlotCapacity[row];
            bool local = !mayRelocate && deliveries >= LocalSlotsThreshold;
            if (local)
            {
                s = result.SlotScratch(capacity + SlotBlocks.GuardRows);
                slots.CopyTo(home, s, 0, capacity);
                n.SlotStart = 0;
            }

            for (int i = 0; i < incomingCount; i++)
            {
                var source = incoming[i];
                bool spatial = spatialLayer && source.SourceIsPixels;
                if (source.Broadcast)
                {
                    var run = new BroadcastRun(source, row);
                    Deliver(ref n, ref s, row, in run, spatial, source.SourceWidth, result);
                }
                else
                {
                    var run = new BucketRun(source, row);
                    Deliver(ref n, ref s, row, in run, spatial, source.SourceWidth, result);
                }
            }

            result.Delivered += deliveries;
            if (local)
            {
                s.CopyTo(0, slots, home, n.SlotCount);
                n.SlotStart = home;
            }

            n.Store(neurons, row);
            if (result.FireCount > 0)
                EmitFires(row, result);
            if (n.GrowthOrdinal != long.MaxValue)
                result.NoteGrowth(n.GrowthOrdinal, row);
        }
    }

    /// <summary>One neuron's inputs of one run, in order.</summary>
    private void Deliver<TRun>(ref NeuronLocal n, ref SlotArrays s, int row, in TRun run, bool spatial, int sourceWidth, BlockResult result)
        where TRun : struct, IDeliveryRun
    {
        var k = constants;
        int limit = n.Limit(neurons, row, k.LayerLimit);
        int count = run.Count;
        if (binnedRuns && !spatial && count >= BinnedRunMinimum && limit is > 0 and <= ScalarBinThresholds.MaxLimit)
        {
            DeliverBinned(ref n, ref s, row, in run, limit, result);
            return;
        }

        for (int i = 0; i < count; i++)
            OnInput(ref n, ref s, row, run.Value(i), spatial ? run.Source(i) : 0, sourceWidth, spatial, run, i, limit, in k, result);
    }

    /// <summary>Overload for runs whose ordinal is computed only when a growth request needs it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void OnInput<TRun>(ref NeuronLocal n, ref SlotArrays s, int row, double x, int source, int sourceWidth, bool spatial, in TRun run, int i,
        int limit, in KernelConstants k, BlockResult result)
        where TRun : struct, IDeliveryRun
    {
        if (OnInputCore(ref n, ref s, row, x, source, sourceWidth, spatial, limit, in k, result))
            RequestGrowthAt(ref n, row, run.Ordinal(i));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void OnInput(ref NeuronLocal n, ref SlotArrays s, int row, double x, int source, int sourceWidth, bool spatial, long ordinal,
        int limit, in KernelConstants k, BlockResult result)
    {
        if (OnInputCore(ref n, ref s, row, x, source, sourceWidth, spatial, limit, in k, result))
            RequestGrowthAt(ref n, row, ordinal);
    }

    /// <summary>
    /// <c>OnInput(value)</c> / <c>OnInput2D(value, row, col)</c> of one neuron: select, reinforce,
    /// threshold, fire, bookkeeping. Returns true when the bookkeeping asks for growth.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool OnInputCore(ref NeuronLocal n, ref SlotArrays s, int row, double x, int source, int sourceWidth, bool spatial, int limit,
        in KernelConstants k, BlockResult result)
    {
        long key;
        bool outOfDomain;
        long fallbackKey;
        bool prefer = (n.Flags & NeuronFlags.PreferLastSlotOnce) != 0;
        if (prefer)
        {
            // Unfreeze asked for exactly the last slot once; reusing it is not a fallback.
            n.Flags &= ~NeuronFlags.PreferLastSlotOnce;
            key = n.LastSlotKey;
            outOfDomain = false;
            fallbackKey = key;
            if (Find(in s, n.SlotStart, n.SlotCount, key) < 0)
            {
                prefer = false;
                SelectKey(ref n, row, x, source, sourceWidth, spatial, limit, in k, out key, out outOfDomain, out fallbackKey);
            }
        }
        else
        {
            SelectKey(ref n, row, x, source, sourceWidth, spatial, limit, in k, out key, out outOfDomain, out fallbackKey);
        }

        // Strict capacity and fallback (grownet.md "Slot selection (scalar)").
        bool atCapacity = limit > 0 && n.SlotCount >= limit;
        bool useFallback = outOfDomain;
        int slot = Find(in s, n.SlotStart, n.SlotCount, outOfDomain ? fallbackKey : key);
        if (slot < 0)
        {
            if (!outOfDomain && atCapacity)
            {
                useFallback = true;
                slot = Find(in s, n.SlotStart, n.SlotCount, fallbackKey);
            }

            if (slot < 0)
            {
                // A full neuron never allocates: it reuses its first-created slot.
                if (atCapacity)
                {
                    slot = n.SlotStart;
                }
                else
                {
                    if (n.SlotCount == neurons.SlotCapacity[row])
                    {
                        // Only serial passes run on the table's own arrays here; relocation replaces them.
                        n.SlotStart = Relocate(row, n.SlotStart, n.SlotCount);
                        s = slots;
                    }

                    slot = n.SlotStart + n.SlotCount;
                    InitSlot(in s, slot, useFallback ? fallbackKey : key);
                    n.SlotCount++;
                }
            }
        }

        ref byte slotFlags = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s.Flags), slot);
        ref double slotStrength = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s.Strength), slot);
        ref int slotHits = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s.Hits), slot);
        ref double slotThreshold = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s.Threshold), slot);
        var flags = (n.Flags | NeuronFlags.HasLastSlot | NeuronFlags.HaveLastInput) & ~(NeuronFlags.LastSlotUsedFallback | NeuronFlags.FiredLast);
        if (useFallback && !prefer)
            flags |= NeuronFlags.LastSlotUsedFallback;
        n.LastSlotKey = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s.Key), slot);

        // Reinforce, then update the threshold (WeightRule, with this phase's bus values).
        bool frozen = (slotFlags & (byte)WeightFlags.Frozen) != 0;
        if (!frozen && slotHits < k.Saturation)
        {
            slotStrength = Math.Clamp(slotStrength + k.Delta, -1.0, 1.0);
            slotHits += 1;
        }

        bool fired;
        if (frozen)
        {
            fired = slotStrength > slotThreshold;
        }
        else
        {
            if ((slotFlags & (byte)WeightFlags.Imprinted) == 0)
            {
                slotThreshold = Math.Abs(x) * k.ImprintFactor;
                slotFlags |= (byte)WeightFlags.Imprinted;
            }

            fired = slotStrength > slotThreshold;
            ref double slotEma = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s.EmaRate), slot);
            slotEma = k.Decay * slotEma + k.Beta * (fired ? 1.0 : 0.0);
            slotThreshold += k.Eta * (slotEma - k.RStar);
        }

        n.LastInput = x;
        if (fired)
        {
            flags |= NeuronFlags.FiredLast;
            result.RecordFire(x);
        }

        n.Flags = flags;

        // Growth bookkeeping (grownet.md "Growth", neuron growth).
        if (!k.Growth)
        {
            n.Streak = 0;
            return false;
        }

        bool onFallback = limit > 0 && n.SlotCount >= limit && (flags & NeuronFlags.LastSlotUsedFallback) != 0;
        n.Streak = onFallback ? n.Streak + 1 : 0;
        return n.Streak >= k.GrowthThreshold;
    }

    /// <summary>The desired key of an input, whether it is out of domain, and the fallback key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SelectKey(ref NeuronLocal n, int neuron, double x, int source, int sourceWidth, bool spatial, int limit, in KernelConstants k,
        out long key, out bool outOfDomain, out long fallbackKey)
    {
        if (spatial)
        {
            (key, outOfDomain, fallbackKey, n.Flags) = SelectKey2D(neuron, source / sourceWidth, source % sourceWidth, limit, n.Flags);
            return;
        }

        double anchor;
        if (k.FirstAnchor)
        {
            if ((n.Flags & NeuronFlags.HasAnchor) == 0)
            {
                n.Anchor = x;
                n.Flags |= NeuronFlags.HasAnchor;
            }

            anchor = n.Anchor;
        }
        else
        {
            anchor = (n.Flags & NeuronFlags.HaveLastInput) != 0 ? n.LastInput : x;
        }

        // Divide, then ×100, then divide by the bin width: the golden ramp depends on this order.
        double pct = Math.Abs(x - anchor) / Math.Max(Math.Abs(anchor), k.EpsilonScale) * 100.0;
        key = BinOf(pct / k.BinWidth);
        outOfDomain = limit > 0 && key >= limit;
        fallbackKey = SlotKey.Scalar(limit - 1);
    }

    /// <summary>2D key selection (grownet.md "Slot selection (2D)"); the 2D anchor lives in its columns.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (long Key, bool OutOfDomain, long Fallback, NeuronFlags Flags) SelectKey2D(int neuron, int row, int col, int limit, NeuronFlags flags)
    {
        int fromRow = 0, fromCol = 0;
        if (config.SpatialAnchor == SpatialAnchor.First)
        {
            if ((flags & NeuronFlags.HasAnchor2D) == 0)
            {
                neurons.AnchorRow[neuron] = row;
                neurons.AnchorCol[neuron] = col;
                flags |= NeuronFlags.HasAnchor2D;
            }

            fromRow = neurons.AnchorRow[neuron];
            fromCol = neurons.AnchorCol[neuron];
        }

        double dRow = Math.Abs((double)row - fromRow) / Math.Max(Math.Abs((double)fromRow), 1.0) * 100.0;
        double dCol = Math.Abs((double)col - fromCol) / Math.Max(Math.Abs((double)fromCol), 1.0) * 100.0;
        long rowBin = BinOf(dRow / rowBinWidth);
        long colBin = BinOf(dCol / colBinWidth);
        bool outOfDomain = limit > 0 && (rowBin >= limit || colBin >= limit);
        long key = SlotKey.Spatial((int)Math.Min(rowBin, SlotKey.MaxBin), (int)Math.Min(colBin, SlotKey.MaxBin));
        long fallback = limit > 0 ? SlotKey.Spatial(limit - 1, limit - 1) : key;
        return (key, outOfDomain, fallback, flags);
    }

    /// <summary>Records a growth request (cooldown permitting) at canonical position <paramref name="ordinal"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RequestGrowthAt(ref NeuronLocal n, int row, long ordinal)
    {
        ref long lastGrowthStep = ref neurons.LastGrowthStep[row];
        if ((n.Flags & NeuronFlags.HasGrown) == 0 || step - lastGrowthStep >= config.NeuronGrowthCooldownTicks)
        {
            if (ordinal < n.GrowthOrdinal)
                n.GrowthOrdinal = ordinal;
            lastGrowthStep = step;
            n.Flags |= NeuronFlags.HasGrown;
        }

        n.Streak = 0;
    }

    /// <summary>
    /// The effects of the fires neuron <paramref name="row"/> recorded while taking its inputs:
    /// bus pulses (I, M) or, for E, per outgoing tract the gate updates of all its fires and the
    /// events, fire by fire in edge order — each tract's queue receives exactly what one emission
    /// per fire would have queued (queues are per tract, so the order between tracts is free).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EmitFires(int row, BlockResult result)
    {
        int fires = result.FireCount;
        result.FireCount = 0;
        switch (neurons.Kind[row])
        {
            case NeuronKind.Excitatory:
                var values = result.FireValues;
                for (int o = 0; o < outgoingCount; o++)
                {
                    var tract = outgoing[o];
                    if (tract.Kind == TractKind.Windowed)
                    {
                        if (tract.CarriesSource(row))
                        {
                            for (int f = 0; f < fires; f++)
                                result.Emit(o, row, -1, values[f]);
                        }

                        continue;
                    }

                    int start = tract.RowStart[row];
                    int end = tract.RowStart[row + 1];
                    if (start < end)
                        GateKernel.FireMany(tract.Edges, start, end, values, fires, gates, result, o, row);
                }

                break;
            case NeuronKind.Inhibitory:
                result.Pulses |= BusPulses.Inhibition;
                break;
            default:
                result.Pulses |= BusPulses.Modulation;
                break;
        }
    }

    /// <summary>
    /// One neuron's run of scalar inputs when its anchor is fixed (First) and its limit is at most
    /// <see cref="ScalarBinThresholds.MaxLimit"/>. The bins of the whole run are classified first,
    /// eight inputs at a time, against the neuron's exact bin thresholds (no division; rows of a
    /// block that share the values and the anchor share the bins); a bin → slot table built from
    /// its block then gives each input's slot, and the slot rule runs on a packed copy of the
    /// block: slot-major (<see cref="SlotChains"/>) when no growth streak is kept and every slot
    /// the run uses is steady, else input by input (<see cref="RunBinned{TStreak}"/>). Inputs the
    /// table cannot answer (a slot still to be created; before that the anchor still to be set or
    /// a one-shot preference) take the full rule, after which the table and the copy are rebuilt.
    /// Per input: the same slot, the same operations on it and the same neuron bookkeeping as
    /// <see cref="OnInputCore"/>; the neuron's last-input fields are written for the last input only.
    /// </summary>
    private void DeliverBinned<TRun>(ref NeuronLocal n, ref SlotArrays s, int row, in TRun run, int limit, BlockResult result)
        where TRun : struct, IDeliveryRun
    {
        var k = constants;
        int count = run.Count;
        int i = 0;
        while (i < count && (n.Flags & (NeuronFlags.HasAnchor | NeuronFlags.PreferLastSlotOnce)) != NeuronFlags.HasAnchor)
        {
            OnInput(ref n, ref s, row, run.Value(i), 0, 1, false, run, i, limit, in k, result);
            i++;
        }

        if (i == count)
            return;
        var values = run.Values;
        var bins = result.Bins(count, run.SharedValues, n.Anchor, limit, i, out bool classified).AsSpan(0, count);
        if (!classified)
            ScalarBinThresholds.Classify(values[i..], n.Anchor, ref thresholds.For(row, n.Anchor, limit), limit, bins[i..]);
        Span<int> map = stackalloc int[ScalarBinThresholds.MaxLimit + 1];
        Span<SlotState> states = stackalloc SlotState[ScalarBinThresholds.MaxLimit];
        MapBins(map, in s, in n, limit);
        SlotState.Load(in s, n.SlotStart, n.SlotCount, states);

        // Without growth the streak never asks (and ends at 0); with it, a request stops the run.
        int threshold = k.Growth ? k.GrowthThreshold : int.MaxValue;
        int streak = n.Streak;
        int last = -1, lastIndex = -1;
        bool lastFired = false;
        result.EnsureFireRoom(count - i);

        // Without a streak to keep, a run whose inputs all have steady slots goes slot-major.
        if (!k.Growth && SlotChains.TryRun(states, n.SlotCount, map, limit, bins, values, i, in k, result, out last, out lastFired))
        {
            lastIndex = count - 1;
            i = count;
        }

        while (i < count)
        {
            int firesBefore = result.FireCount;
            int stop = k.Growth
                ? RunBinned<CountStreak>(states, map, bins, values, i, ref streak, threshold, result, in k, ref last, ref lastFired)
                : RunBinned<NoStreak>(states, map, bins, values, i, ref streak, threshold, result, in k, ref last, ref lastFired);
            if (stop > i)
                lastIndex = stop - 1;
            i = stop;
            if (i < count && streak < threshold && map[bins[i]] is int entry and >= 0)
            {
                // A slot the loop leaves to the full slot rule (not yet imprinted, or frozen).
                double x = values[i];
                lastFired = SlotRule(ref states[entry >> SlotState.SizeShift], x, in k);
                if (lastFired)
                    result.FireValues[result.FireCount++] = x;
                last = entry;
                lastIndex = i;
                streak = (entry & OnFallbackBit) != 0 ? streak + 1 : 0;
                i++;
            }

            result.Fired += result.FireCount - firesBefore;
            if (streak >= threshold)
            {
                n.Streak = streak;
                RequestGrowthAt(ref n, row, run.Ordinal(lastIndex));
                streak = n.Streak;
                continue;
            }

            if (i == count)
                break;
            if (map[bins[i]] >= 0)
                continue;

            // Input i needs a slot created: the full rule on the columns, then a fresh table and copy.
            SlotState.Store(states, in s, n.SlotStart, n.SlotCount);
            n.Streak = streak;
            OnInput(ref n, ref s, row, values[i], 0, 1, false, run, i, limit, in k, result);
            streak = n.Streak;
            last = -1;
            i++;
            MapBins(map, in s, in n, limit);
            SlotState.Load(in s, n.SlotStart, n.SlotCount, states);
        }

        SlotState.Store(states, in s, n.SlotStart, n.SlotCount);
        if (last >= 0)
            Commit(ref n, s.Key[n.SlotStart + (last >> SlotState.SizeShift)], (last & FallbackBit) != 0, lastFired, values[lastIndex]);
        n.Streak = k.Growth ? streak : 0;
    }

    /// <summary>
    /// The slot rule over inputs <paramref name="i"/>.. for imprinted, unfrozen slots (reinforce
    /// while below the hit cap, then the threshold/rate update), until the end, an input whose bin
    /// has no slot or whose slot needs the full rule (returned, not taken), or a growth request
    /// (returned after the input that made it). Call-free, so its state stays in registers. Fire
    /// values are appended to the block's fire list (room ensured by the caller);
    /// <paramref name="last"/> and <paramref name="lastFired"/> describe the last input taken.
    /// </summary>
    private static int RunBinned<TStreak>(Span<SlotState> states, ReadOnlySpan<int> map, ReadOnlySpan<int> bins, ReadOnlySpan<double> values,
        int i, ref int streak, int threshold, BlockResult result, in KernelConstants k, ref int last, ref bool lastFired)
        where TStreak : struct, IStreakMode
    {
        ref SlotState state0 = ref MemoryMarshal.GetReference(states);
        ref int map0 = ref MemoryMarshal.GetReference(map);
        ref int bin0 = ref MemoryMarshal.GetReference(bins);
        ref double value0 = ref MemoryMarshal.GetReference(values);
        ref double fires = ref MemoryMarshal.GetArrayDataReference(result.FireValues);
        int fireCount = result.FireCount;
        int count = values.Length;
        int run = streak;
        int saturation = k.Saturation;
        double delta = k.Delta, decay = k.Decay, beta = k.Beta, eta = k.Eta, rStar = k.RStar;
        int start = i, taken = 0, fired = 0;
        for (; i < count; i++)
        {
            int entry = Unsafe.Add(ref map0, Unsafe.Add(ref bin0, i));
            if (entry < 0)
                break;
            ref SlotState slot = ref Unsafe.AddByteOffset(ref state0, (nint)(entry & ~EntryBits));
            if (slot.Flags != (byte)WeightFlags.Imprinted)
                break;
            if (slot.Hits < saturation)
            {
                slot.Strength = Math.Clamp(slot.Strength + delta, -1.0, 1.0);
                slot.Hits += 1;
            }

            fired = slot.Strength > slot.Threshold ? 1 : 0;
            // (double)fired is exactly 1.0 or +0.0, the values the rule multiplies by beta.
            double ema = decay * slot.EmaRate + beta * fired;
            slot.EmaRate = ema;
            slot.Threshold += eta * (ema - rStar);

            // Branch-free append: the slot is always written, kept only when the input fired.
            double x = Unsafe.Add(ref value0, i);
            Unsafe.Add(ref fires, fireCount) = x;
            fireCount += fired;
            taken = entry;
            if (TStreak.Counts)
            {
                run = (entry & OnFallbackBit) != 0 ? run + 1 : 0;
                if (run >= threshold)
                {
                    i++;
                    break;
                }
            }
        }

        if (i > start)
        {
            last = taken;
            lastFired = fired != 0;
        }

        result.FireCount = fireCount;
        streak = run;
        return i;
    }

    /// <summary><see cref="OnInputCore"/>'s slot rule (reinforce, imprint, threshold) for any slot state; returns whether it fired.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool SlotRule(ref SlotState slot, double x, in KernelConstants k)
    {
        bool frozen = (slot.Flags & (byte)WeightFlags.Frozen) != 0;
        if (!frozen && slot.Hits < k.Saturation)
        {
            slot.Strength = Math.Clamp(slot.Strength + k.Delta, -1.0, 1.0);
            slot.Hits += 1;
        }

        if (frozen)
            return slot.Strength > slot.Threshold;
        if ((slot.Flags & (byte)WeightFlags.Imprinted) == 0)
        {
            slot.Threshold = Math.Abs(x) * k.ImprintFactor;
            slot.Flags |= (byte)WeightFlags.Imprinted;
        }

        bool fired = slot.Strength > slot.Threshold;
        slot.EmaRate = k.Decay * slot.EmaRate + k.Beta * (fired ? 1.0 : 0.0);
        slot.Threshold += k.Eta * (slot.EmaRate - k.RStar);
        return fired;
    }

    /// <summary>Map entry bit: the slot is the fallback (sets LastSlotUsedFallback).</summary>
    private const int FallbackBit = 1;

    /// <summary>Map entry bit: the input counts toward the growth streak (a fallback at capacity).</summary>
    private const int OnFallbackBit = 2;

    /// <summary>The flag bits of a map entry; the rest is the slot's byte offset in the packed copy.</summary>
    private const int EntryBits = (1 << SlotState.SizeShift) - 1;

    /// <summary>
    /// Fills bin → entry for bins 0..limit (limit: out of domain), or −1 where the rule would
    /// create a slot: exactly OnInputCore's lookup, fallback and full-neuron choices for the
    /// neuron's current block. An entry is the slot's byte offset in the packed copy
    /// ((slot − block start) × 32) plus <see cref="FallbackBit"/> and <see cref="OnFallbackBit"/>.
    /// </summary>
    private static void MapBins(Span<int> map, in SlotArrays s, in NeuronLocal n, int limit)
    {
        bool atCapacity = n.SlotCount >= limit;
        int onFallback = atCapacity ? FallbackBit | OnFallbackBit : FallbackBit;
        int fallbackSlot = Find(in s, n.SlotStart, n.SlotCount, SlotKey.Scalar(limit - 1));
        int whenMissing = fallbackSlot >= 0 ? ((fallbackSlot - n.SlotStart) << SlotState.SizeShift) | onFallback : atCapacity ? onFallback : -1;
        for (int bin = 0; bin < limit; bin++)
        {
            int slot = Find(in s, n.SlotStart, n.SlotCount, SlotKey.Scalar(bin));
            map[bin] = slot >= 0 ? (slot - n.SlotStart) << SlotState.SizeShift : atCapacity ? whenMissing : -1;
        }

        map[limit] = whenMissing;
    }

    /// <summary>Whether <see cref="RunBinned{TStreak}"/> keeps the growth streak (a type argument, so each variant compiles without the other's code).</summary>
    private interface IStreakMode
    {
        static abstract bool Counts { get; }
    }

    /// <summary>Growth on: count fallbacks at capacity and stop at a request.</summary>
    private readonly struct CountStreak : IStreakMode
    {
        public static bool Counts => true;
    }

    /// <summary>Growth off: the streak is not kept (it ends at 0).</summary>
    private readonly struct NoStreak : IStreakMode
    {
        public static bool Counts => false;
    }

    /// <summary>Writes the last-input fields of a binned input (slot key, fallback, fired, value), as the full rule leaves them.</summary>
    private static void Commit(ref NeuronLocal n, long slotKey, bool fallback, bool fired, double x)
    {
        var flags = (n.Flags | NeuronFlags.HasLastSlot | NeuronFlags.HaveLastInput) & ~(NeuronFlags.LastSlotUsedFallback | NeuronFlags.FiredLast);
        if (fallback)
            flags |= NeuronFlags.LastSlotUsedFallback;
        if (fired)
            flags |= NeuronFlags.FiredLast;
        n.Flags = flags;
        n.LastSlotKey = slotKey;
        n.LastInput = x;
    }

    /// <summary>A fire of source <paramref name="row"/> on one outgoing tract (shared with pixel layers).</summary>
    public static void EmitOn(OutgoingTract tract, int slot, int row, double x, BlockResult result, in GateContext gates)
    {
        if (tract.Kind == TractKind.Windowed)
        {
            if (tract.CarriesSource(row))
                result.Emit(slot, row, -1, x);
            return;
        }

        int start = tract.RowStart[row];
        int end = tract.RowStart[row + 1];
        if (start < end)
            GateKernel.Fire(tract.Edges, start, end, x, gates, result, slot, row);
    }

    /// <summary>floor(q) for q ≥ 0, saturating (bins of huge percent changes stay valid keys).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long BinOf(double q) => q < 9.0e18 ? (long)q : long.MaxValue;

    /// <summary>
    /// The row of <paramref name="key"/> in the neuron's block, or −1. Keys are unique within a
    /// block; 16 keys are compared per step with vector instructions (the guard rows keep the
    /// loads inside the array, lanes past the count are masked off).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Find(in SlotArrays s, int start, int count, long key)
    {
        ref long keys = ref MemoryMarshal.GetArrayDataReference(s.Key);
        if (Vector512.IsHardwareAccelerated)
        {
            var wanted = Vector512.Create(key);
            for (int offset = 0; offset < count; offset += 16)
            {
                ref long block = ref Unsafe.Add(ref keys, start + offset);
                uint mask = (uint)Vector512.Equals(Vector512.LoadUnsafe(ref block), wanted).ExtractMostSignificantBits()
                            | ((uint)Vector512.Equals(Vector512.LoadUnsafe(ref block, 8), wanted).ExtractMostSignificantBits() << 8);
                int left = count - offset;
                if (left < 16)
                    mask &= (1u << left) - 1;
                if (mask != 0)
                    return start + offset + BitOperations.TrailingZeroCount(mask);
            }

            return -1;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var wanted = Vector256.Create(key);
            for (int offset = 0; offset < count; offset += 16)
            {
                ref long block = ref Unsafe.Add(ref keys, start + offset);
                uint mask = Vector256.Equals(Vector256.LoadUnsafe(ref block), wanted).ExtractMostSignificantBits()
                            | (Vector256.Equals(Vector256.LoadUnsafe(ref block, 4), wanted).ExtractMostSignificantBits() << 4)
                            | (Vector256.Equals(Vector256.LoadUnsafe(ref block, 8), wanted).ExtractMostSignificantBits() << 8)
                            | (Vector256.Equals(Vector256.LoadUnsafe(ref block, 12), wanted).ExtractMostSignificantBits() << 12);
                int left = count - offset;
                if (left < 16)
                    mask &= (1u << left) - 1;
                if (mask != 0)
                    return start + offset + BitOperations.TrailingZeroCount(mask);
            }

            return -1;
        }

        for (int i = start; i < start + count; i++)
        {
            if (Unsafe.Add(ref keys, i) == key)
                return i;
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InitSlot(in SlotArrays s, int index, long key)
    {
        s.Key[index] = key;
        s.Strength[index] = 0;
        s.Threshold[index] = 0;
        s.EmaRate[index] = 0;
        s.Hits[index] = 0;
        s.Flags[index] = 0;
    }

    /// <summary>Moves a full block to the end of the slot table with twice the room (serial passes only); returns its new start.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Relocate(int neuron, int start, int count)
    {
        if (!mayRelocate)
            ThrowBlockFull();
        int capacity = neurons.SlotCapacity[neuron];
        int grown = Math.Max(SlotBlocks.DefaultCapacity, capacity * 2);
        int moved = world.AddRows(slotTable, grown);
        SlotBlocks.EnsureGuard(world, slotTable);
        slots = SlotArrays.From(world, slotTable);
        slots.Move(start, moved, count);
        slots.Clear(start, capacity);
        neurons.SlotCapacity[neuron] = grown;
        return moved;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBlockFull()
        => throw new InvalidOperationException("A slot block is full in a parallel pass; layers with growable blocks must run serially.");
}
