using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The fused neuron kernel of a slot layer (grownet.md "Neuron"): for every input, select a slot
/// (scalar or 2D, strict capacity, fallback), reinforce it and update its threshold
/// (<see cref="WeightKernel"/>), fire (E: gate updates and queued events; I/M: bus pulses) and
/// keep the growth bookkeeping. A range of rows reads only its immutable
/// <see cref="SlotPassContext"/> and writes only its own neurons' rows, slot ranges and
/// outgoing gates, and its own <see cref="RangeResult"/>; results are merged in range order.
/// </summary>
internal static class SlotKernel
{
    /// <summary>Deliveries from which a neuron works on a private copy of its slot range.</summary>
    public const int LocalSlotsThreshold = 64;

    /// <summary>Inputs from which a neuron's run takes the binned path (its setup costs about this many inputs).</summary>
    public const int BinnedRunMinimum = 32;

    /// <summary>Phase A over rows [start, end): every neuron receives the entry value.</summary>
    public static void EntryRange(in SlotPassContext c, int start, int end)
    {
        var result = c.Results[start / c.RangeSize];
        result.Reset(c.OutgoingCount);
        var k = c.Constants;
        double x = c.EntryValue;
        // The table's columns; a relocation in a serial pass replaces them for the rows after it.
        var s = c.Slots;
        for (int row = start; row < end; row++)
        {
            var n = NeuronLocal.Load(c.Neurons, row);
            OnInput(in c, ref n, ref s, row, x, 0, 1, false, c.EntryOrdinalBase | (uint)row, n.Limit(c.Neurons, row, k.LayerLimit), in k, result);
            Finish(in c, ref n, row, result);
        }
    }

    /// <summary>Phase B over rows [start, end): every neuron takes its deliveries, tract by tract.</summary>
    public static void FlushRange(in SlotPassContext c, int start, int end)
    {
        var result = c.Results[start / c.RangeSize];
        result.Reset(c.OutgoingCount);
        var table = c.Slots;
        for (int row = start; row < end; row++)
        {
            var n = NeuronLocal.Load(c.Neurons, row);
            long deliveries = 0;
            for (int i = 0; i < c.IncomingCount; i++)
                deliveries += c.Incoming[i].Broadcast ? c.Incoming[i].ItemCount : c.Incoming[i].BucketStart[row + 1] - c.Incoming[i].BucketStart[row];

            // A busy neuron works on a private copy of its slot range (written back once): its
            // thousands of slot writes then never share a cache line with a neighbour range's
            // neuron that another thread is running. Results are the same either way.
            var s = table;
            int home = n.SlotStart;
            bool local = !c.MayRelocate && deliveries >= LocalSlotsThreshold;
            if (local)
            {
                int capacity = c.Neurons.SlotCapacity[row];
                s = result.SlotScratch(capacity + SlotRanges.GuardRows);
                table.CopyTo(home, s, 0, capacity);
                n.SlotStart = 0;
            }

            for (int i = 0; i < c.IncomingCount; i++)
            {
                var source = c.Incoming[i];
                bool spatial = c.SpatialLayer && source.SourceIsPixels;
                if (source.Broadcast)
                {
                    var run = new BroadcastRun(source, row);
                    Deliver(in c, ref n, ref s, row, in run, spatial, source.SourceWidth, result);
                }
                else
                {
                    var run = new BucketRun(source, row);
                    Deliver(in c, ref n, ref s, row, in run, spatial, source.SourceWidth, result);
                }
            }

            result.Delivered += deliveries;
            if (local)
            {
                s.CopyTo(0, table, home, n.SlotCount);
                n.SlotStart = home;
            }
            else
            {
                table = s;
            }

            Finish(in c, ref n, row, result);
        }
    }

    /// <summary>After a neuron's last input of the phase: store its row, apply its fires, note its growth request.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(in SlotPassContext c, ref NeuronLocal n, int row, RangeResult result)
    {
        n.Store(c.Neurons, row);
        if (result.FireCount > 0)
            EmitFires(in c, row, result);
        if (n.GrowthOrdinal != long.MaxValue)
            result.NoteGrowth(n.GrowthOrdinal, row);
    }

    /// <summary>One neuron's inputs of one run, in order.</summary>
    private static void Deliver<TRun>(in SlotPassContext c, ref NeuronLocal n, ref SlotColumns s, int row, in TRun run, bool spatial, int sourceWidth,
        RangeResult result)
        where TRun : struct, IDeliveryRun
    {
        var k = c.Constants;
        int limit = n.Limit(c.Neurons, row, k.LayerLimit);
        int count = run.Count;
        if (c.BinnedRuns && !spatial && count >= BinnedRunMinimum && limit is > 0 and <= ScalarBinThresholds.MaxLimit)
        {
            BinnedDelivery.Deliver(in c, ref n, ref s, row, in run, limit, result);
            return;
        }

        for (int i = 0; i < count; i++)
            OnInput(in c, ref n, ref s, row, run.Value(i), spatial ? run.Source(i) : 0, sourceWidth, spatial, run, i, limit, in k, result);
    }

    /// <summary>Overload for runs whose ordinal is computed only when a growth request needs it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void OnInput<TRun>(in SlotPassContext c, ref NeuronLocal n, ref SlotColumns s, int row, double x, int source, int sourceWidth, bool spatial,
        in TRun run, int i, int limit, in KernelConstants k, RangeResult result)
        where TRun : struct, IDeliveryRun
    {
        if (OnInputCore(in c, ref n, ref s, row, x, source, sourceWidth, spatial, limit, in k, result))
            RequestGrowthAt(in c, ref n, row, run.Ordinal(i));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OnInput(in SlotPassContext c, ref NeuronLocal n, ref SlotColumns s, int row, double x, int source, int sourceWidth, bool spatial,
        long ordinal, int limit, in KernelConstants k, RangeResult result)
    {
        if (OnInputCore(in c, ref n, ref s, row, x, source, sourceWidth, spatial, limit, in k, result))
            RequestGrowthAt(in c, ref n, row, ordinal);
    }

    /// <summary>
    /// <c>OnInput(value)</c> / <c>OnInput2D(value, row, col)</c> of one neuron: select, reinforce,
    /// threshold, fire, bookkeeping. Returns true when the bookkeeping asks for growth.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool OnInputCore(in SlotPassContext c, ref NeuronLocal n, ref SlotColumns s, int row, double x, int source, int sourceWidth,
        bool spatial, int limit, in KernelConstants k, RangeResult result)
    {
        int slot = SelectSlot(in c, ref n, ref s, row, x, source, sourceWidth, spatial, limit, in k, out bool fellBack);
        var flags = (n.Flags | NeuronFlags.HasLastSlot | NeuronFlags.HaveLastInput) & ~(NeuronFlags.LastSlotUsedFallback | NeuronFlags.FiredLast);
        if (fellBack)
            flags |= NeuronFlags.LastSlotUsedFallback;
        n.LastSlotKey = At(s.Key, slot);

        bool fired = WeightKernel.Apply(ref At(s.Strength, slot), ref At(s.Threshold, slot), ref At(s.EmaRate, slot), ref At(s.Hits, slot),
            ref At(s.Flags, slot), x, in k);
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

    /// <summary>
    /// The slot an input uses (grownet.md "Slot selection"): the one-shot preferred slot, else the
    /// selected key under strict capacity and fallback; creates the slot when the rule does.
    /// <paramref name="fellBack"/> is whether the input counts as a fallback.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SelectSlot(in SlotPassContext c, ref NeuronLocal n, ref SlotColumns s, int row, double x, int source, int sourceWidth,
        bool spatial, int limit, in KernelConstants k, out bool fellBack)
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
            if (SlotLookup.Find(in s, n.SlotStart, n.SlotCount, key) < 0)
            {
                prefer = false;
                SelectKey(in c, ref n, row, x, source, sourceWidth, spatial, limit, in k, out key, out outOfDomain, out fallbackKey);
            }
        }
        else
        {
            SelectKey(in c, ref n, row, x, source, sourceWidth, spatial, limit, in k, out key, out outOfDomain, out fallbackKey);
        }

        // Strict capacity and fallback (grownet.md "Slot selection (scalar)").
        bool atCapacity = limit > 0 && n.SlotCount >= limit;
        bool useFallback = outOfDomain;
        int slot = SlotLookup.Find(in s, n.SlotStart, n.SlotCount, outOfDomain ? fallbackKey : key);
        if (slot < 0)
        {
            if (!outOfDomain && atCapacity)
            {
                useFallback = true;
                slot = SlotLookup.Find(in s, n.SlotStart, n.SlotCount, fallbackKey);
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
                    if (n.SlotCount == c.Neurons.SlotCapacity[row])
                        n.SlotStart = Relocate(in c, ref s, row, n.SlotStart, n.SlotCount);
                    slot = n.SlotStart + n.SlotCount;
                    s.Init(slot, useFallback ? fallbackKey : key);
                    n.SlotCount++;
                }
            }
        }

        fellBack = useFallback && !prefer;
        return slot;
    }

    /// <summary>The desired key of an input, whether it is out of domain, and the fallback key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SelectKey(in SlotPassContext c, ref NeuronLocal n, int neuron, double x, int source, int sourceWidth, bool spatial, int limit,
        in KernelConstants k, out long key, out bool outOfDomain, out long fallbackKey)
    {
        if (spatial)
        {
            (key, outOfDomain, fallbackKey, n.Flags) = SelectKey2D(in c, neuron, source / sourceWidth, source % sourceWidth, limit, n.Flags);
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
    private static (long Key, bool OutOfDomain, long Fallback, NeuronFlags Flags) SelectKey2D(in SlotPassContext c, int neuron, int row, int col, int limit,
        NeuronFlags flags)
    {
        int fromRow = 0, fromCol = 0;
        if (c.SpatialFirstAnchor)
        {
            if ((flags & NeuronFlags.HasAnchor2D) == 0)
            {
                c.Neurons.AnchorRow[neuron] = row;
                c.Neurons.AnchorCol[neuron] = col;
                flags |= NeuronFlags.HasAnchor2D;
            }

            fromRow = c.Neurons.AnchorRow[neuron];
            fromCol = c.Neurons.AnchorCol[neuron];
        }

        double dRow = Math.Abs((double)row - fromRow) / Math.Max(Math.Abs((double)fromRow), 1.0) * 100.0;
        double dCol = Math.Abs((double)col - fromCol) / Math.Max(Math.Abs((double)fromCol), 1.0) * 100.0;
        long rowBin = BinOf(dRow / c.RowBinWidth);
        long colBin = BinOf(dCol / c.ColBinWidth);
        bool outOfDomain = limit > 0 && (rowBin >= limit || colBin >= limit);
        long key = SlotKey.Spatial((int)Math.Min(rowBin, SlotKey.MaxBin), (int)Math.Min(colBin, SlotKey.MaxBin));
        long fallback = limit > 0 ? SlotKey.Spatial(limit - 1, limit - 1) : key;
        return (key, outOfDomain, fallback, flags);
    }

    /// <summary>Records a growth request (cooldown permitting) at canonical position <paramref name="ordinal"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RequestGrowthAt(in SlotPassContext c, ref NeuronLocal n, int row, long ordinal)
    {
        ref long lastGrowthStep = ref c.Neurons.LastGrowthStep[row];
        if ((n.Flags & NeuronFlags.HasGrown) == 0 || c.Step - lastGrowthStep >= c.GrowthCooldown)
        {
            if (ordinal < n.GrowthOrdinal)
                n.GrowthOrdinal = ordinal;
            lastGrowthStep = c.Step;
            n.Flags |= NeuronFlags.HasGrown;
        }

        n.Streak = 0;
    }

    /// <summary>
    /// The effects of the fires neuron <paramref name="row"/> recorded while taking its inputs:
    /// bus pulses (I, M) or, for E, its fires on every outgoing tract (<see cref="FireEmitter"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EmitFires(in SlotPassContext c, int row, RangeResult result)
    {
        int fires = result.FireCount;
        result.FireCount = 0;
        switch (c.Neurons.Kind[row])
        {
            case NeuronKind.Excitatory:
                FireEmitter.Emit(c.Outgoing, c.OutgoingCount, row, result.FireValues, fires, result, in c.Gates);
                break;
            case NeuronKind.Inhibitory:
                result.Pulses |= BusPulses.Inhibition;
                break;
            default:
                result.Pulses |= BusPulses.Modulation;
                break;
        }
    }

    /// <summary>floor(q) for q ≥ 0, saturating (bins of huge percent changes stay valid keys).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long BinOf(double q) => q < 9.0e18 ? (long)q : long.MaxValue;

    /// <summary>
    /// Moves a full range to the end of the slot table with twice the room (serial passes only);
    /// <paramref name="s"/> becomes the grown table's columns. Returns the range's new start.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Relocate(in SlotPassContext c, ref SlotColumns s, int neuron, int start, int count)
    {
        if (!c.MayRelocate)
            ThrowSlotRangeFull();
        int capacity = c.Neurons.SlotCapacity[neuron];
        int grown = Math.Max(SlotRanges.DefaultCapacity, capacity * 2);
        int moved = c.World.AddRows(c.SlotTable, grown);
        SlotRanges.EnsureGuard(c.World, c.SlotTable);
        var table = c.World.GetTable(c.SlotTable);
        table.MoveRows(start, moved, count);
        table.ClearRows(start, capacity);
        s = new SlotColumns(table);
        c.Neurons.SlotCapacity[neuron] = grown;
        return moved;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T At<T>(T[] array, int index) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowSlotRangeFull()
        => throw new InvalidOperationException("A slot range is full in a parallel pass; layers with growable ranges must run serially.");
}
