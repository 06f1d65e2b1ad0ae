using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Systems.Lanes;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// A neuron's binned run worked slot-major. Once every input of the run has a slot and every slot
/// it uses is imprinted and unfrozen, a slot's update no longer depends on the input value (x
/// only matters for imprinting and as the fire value): each slot is a chain over its own inputs,
/// in input order, independent of every other slot. So each slot's inputs are marked in a bit
/// row, the 16 slots run side by side as vector lanes (two registers at a time) — lane operations are
/// exactly the scalar rule's, one input after another per lane, lanes whose inputs are done held
/// by a blend — and a fire at a lane's j-th step is placed at the j-th set bit of its row, so the
/// fires are read back in input order. Bit for bit the input-order loop
/// (<c>SlotLayerPass.RunBinned</c>), with sixteen dependency chains in flight instead of one input
/// at a time. Not for runs that keep a growth streak (it is input-ordered).
/// </summary>
internal static class SlotChains
{
    private const int Lanes = ScalarBinThresholds.MaxLimit;

    /// <summary>
    /// Runs inputs <paramref name="from"/>.. of <paramref name="values"/> (bins in
    /// <paramref name="bins"/>, bin → map entry in <paramref name="map"/>) on the packed slots
    /// <paramref name="states"/> and appends the fire values to the range's fire list (room
    /// ensured by the caller). Returns false, having changed nothing, when the run does not
    /// qualify; otherwise the map entry of the last input and whether it fired.
    /// </summary>
    public static bool TryRun(Span<SlotState> states, int slotCount, ReadOnlySpan<int> map, int limit, ReadOnlySpan<int> bins,
        ReadOnlySpan<double> values, int from, in KernelConstants k, RangeResult result, out int lastEntry, out bool lastFired)
    {
        lastEntry = -1;
        lastFired = false;
        if (!LaneVector128.IsHardwareAccelerated || slotCount > Lanes)
            return false;
        int count = values.Length - from;
        int words = (count + 63) >> 6;

        // Which inputs each bin holds (one bit row per bin, positions relative to from; rows of
        // bins shared by several neurons are built once), then each slot's row: the bins it takes.
        int bins1 = limit + 1;
        ulong[] binRows = result.BinRows(bins1 * words, out bool built);
        if (!built)
        {
            if (LaneVector512.IsHardwareAccelerated)
                MarkBinInputs<LaneVector512>(bins, from, count, bins1, words, binRows);
            else if (LaneVector256.IsHardwareAccelerated)
                MarkBinInputs<LaneVector256>(bins, from, count, bins1, words, binRows);
            else
                MarkBinInputs<LaneVector128>(bins, from, count, bins1, words, binRows);
        }

        ulong[] taken = result.SlotInputBits(slotCount * words);
        for (int bin = 0; bin < bins1; bin++)
        {
            int entry = map[bin];
            var row = binRows.AsSpan(bin * words, words);
            if (entry < 0)
            {
                // A bin with no slot: fine while no input falls in it.
                if (row.IndexOfAnyExcept(0UL) >= 0)
                    return false;
                continue;
            }

            var into = taken.AsSpan((entry >> SlotState.SizeShift) * words, words);
            for (int word = 0; word < words; word++)
                into[word] |= row[word];
        }

        Span<int> perSlot = stackalloc int[Lanes];
        for (int slot = 0; slot < slotCount; slot++)
        {
            int inputs = 0;
            for (int word = 0; word < words; word++)
                inputs += BitOperations.PopCount(taken[slot * words + word]);
            if (inputs > 0 && states[slot].Flags != (byte)WeightFlags.Imprinted)
                return false;
            perSlot[slot] = inputs;
        }

        ulong[] firedAt = result.FiredBits((count + 63) >> 6);
        if (LaneVector512.IsHardwareAccelerated)
            RunLanes<LaneVector512>(states, slotCount, perSlot, taken, words, in k, firedAt);
        else if (LaneVector256.IsHardwareAccelerated)
            RunLanes<LaneVector256>(states, slotCount, perSlot, taken, words, in k, firedAt);
        else
            RunLanes<LaneVector128>(states, slotCount, perSlot, taken, words, in k, firedAt);

        // Fires in input order.
        ref double fires = ref MemoryMarshal.GetArrayDataReference(result.FireValues);
        int fireCount = result.FireCount;
        for (int word = 0; word < (count + 63) >> 6; word++)
        {
            ulong bits = firedAt[word];
            while (bits != 0)
            {
                int p = word * 64 + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                Unsafe.Add(ref fires, fireCount++) = values[from + p];
            }
        }

        result.Fired += fireCount - result.FireCount;
        result.FireCount = fireCount;
        lastEntry = map[bins[values.Length - 1]];
        lastFired = (firedAt[(count - 1) >> 6] & (1UL << (count - 1))) != 0;
        return true;
    }

    /// <summary>
    /// Sets bit q of row b in <paramref name="rows"/> for each input q (relative to
    /// <paramref name="from"/>) in bin b, sixteen inputs at a time.
    /// </summary>
    internal static void MarkBinInputs<TLanes>(ReadOnlySpan<int> bins, int from, int count, int binCount, int words, ulong[] rows)
        where TLanes : struct, ILaneVector<TLanes>
    {
        int q = 0;
        if (TLanes.IsHardwareAccelerated)
        {
            ref int bin = ref Unsafe.Add(ref MemoryMarshal.GetReference(bins), from);
            ref ushort halves = ref Unsafe.As<ulong, ushort>(ref MemoryMarshal.GetArrayDataReference(rows));
            for (; q + 16 <= count; q += 16)
            {
                for (int b = 0; b < binCount; b++)
                {
                    var wanted = TLanes.BroadcastInt64(b);
                    uint sixteen = 0;
                    for (int piece = 0; piece < 16; piece += TLanes.Count)
                        sixteen |= TLanes.MostSignificantBits(TLanes.EqualsInt64(TLanes.LoadWidened(ref Unsafe.Add(ref bin, q + piece)), wanted)) << piece;
                    Unsafe.Add(ref halves, b * words * 4 + (q >> 4)) = (ushort)sixteen;
                }
            }
        }

        for (; q < count; q++)
            rows[bins[from + q] * words + (q >> 6)] |= 1UL << q;
    }

    /// <summary>
    /// The slot chains in passes of two registers of lanes (all 16 slots in one pass with
    /// AVX-512, 8 with AVX2, 4 with SSE: chains are independent, so passes change no bit), each
    /// as long as its longest chain; lane l's step j is the j-th set bit of its slot's row in
    /// <paramref name="taken"/>, and fired inputs are marked at those positions in
    /// <paramref name="firedAt"/>. With more than one pass the slots are dealt to lanes longest
    /// chain first, so each pass holds chains of similar length: fewer steps per pass, and most
    /// of them with every lane active (<c>RunSteady</c>).
    /// </summary>
    internal static void RunLanes<TLanes>(Span<SlotState> states, int slotCount, ReadOnlySpan<int> perSlot, ulong[] taken, int words, in KernelConstants k,
        ulong[] firedAt)
        where TLanes : struct, ILaneVector<TLanes>
    {
        // Per slot, the word of its row being read and the inputs in the words before it (steps only increase).
        Span<int> cursorWord = stackalloc int[Lanes];
        Span<int> cursorRank = stackalloc int[Lanes];
        Span<int> slotOfLane = stackalloc int[Lanes];
        Span<double> strength = stackalloc double[Lanes];
        Span<double> threshold = stackalloc double[Lanes];
        Span<double> ema = stackalloc double[Lanes];
        Span<long> hits = stackalloc long[Lanes];
        Span<long> length = stackalloc long[Lanes];
        DealLanes(slotOfLane, perSlot, slotCount, sort: slotCount > 2 * TLanes.Count);
        for (int lane = 0; lane < Lanes; lane++)
        {
            int slot = slotOfLane[lane];
            bool used = slot < slotCount;
            strength[lane] = used ? states[slot].Strength : 0;
            threshold[lane] = used ? states[slot].Threshold : 0;
            ema[lane] = used ? states[slot].EmaRate : 0;
            hits[lane] = used ? states[slot].Hits : 0;
            length[lane] = used ? perSlot[slot] : 0;
        }

        var rule = new GateLanes<TLanes>(k);
        for (int first = 0; first < slotCount; first += 2 * TLanes.Count)
        {
            long longest = 0;
            for (int lane = first; lane < first + 2 * TLanes.Count; lane++)
                longest = Math.Max(longest, length[lane]);
            var chains = new ChainRows(first, slotOfLane, taken, words, firedAt, cursorWord, cursorRank);
            int used = Math.Min(2 * TLanes.Count, slotCount - first);
            RunPass((int)longest, used, rule, chains, ref strength[first], ref threshold[first], ref ema[first], ref hits[first], ref length[first]);
        }

        for (int lane = 0; lane < Lanes; lane++)
        {
            int slot = slotOfLane[lane];
            if (slot >= slotCount)
                continue;
            ref var state = ref states[slot];
            state.Strength = strength[lane];
            state.Threshold = threshold[lane];
            state.EmaRate = ema[lane];
            state.Hits = (int)hits[lane];
        }
    }

    /// <summary>
    /// Lane → slot: the slots in order, or with <paramref name="sort"/> by chain length, longest
    /// first (ties in slot order); lanes past <paramref name="slotCount"/> stay unused.
    /// </summary>
    private static void DealLanes(Span<int> slotOfLane, ReadOnlySpan<int> perSlot, int slotCount, bool sort)
    {
        for (int lane = 0; lane < slotOfLane.Length; lane++)
            slotOfLane[lane] = lane;
        if (!sort)
            return;
        for (int i = 1; i < slotCount; i++)
        {
            int slot = slotOfLane[i], j = i;
            for (; j > 0 && perSlot[slotOfLane[j - 1]] < perSlot[slot]; j--)
                slotOfLane[j] = slotOfLane[j - 1];
            slotOfLane[j] = slot;
        }
    }

    /// <summary>
    /// The lanes of one pass (two registers) for <paramref name="longest"/> steps, state
    /// in the lane columns: masked steps while any lane reinforces, then — up to the shortest
    /// chain, where every lane is active and at the hit cap — steps without the masks, then
    /// masked steps to the end.
    /// </summary>
    private static void RunPass<TLanes>(int longest, int used, in GateLanes<TLanes> rule, in ChainRows chains,
        ref double strength, ref double threshold, ref double ema, ref long hits, ref long length)
        where TLanes : struct, ILaneVector<TLanes>
    {
        // Lanes from used on hold no slot: their values are never written back, so only their fires need holding back.
        long shortest = length;
        for (int lane = 1; lane < used; lane++)
            shortest = Math.Min(shortest, Unsafe.Add(ref length, lane));
        int step = RunMasked(0, longest, shortest > 0, rule, chains, ref strength, ref threshold, ref ema, ref hits, ref length);
        if (step < shortest)
        {
            RunSteady(step, (int)shortest, (1u << used) - 1, rule, chains, ref strength, ref threshold, ref ema);
            step = (int)shortest;
        }

        if (step < longest)
            RunMasked(step, longest, false, rule, chains, ref strength, ref threshold, ref ema, ref hits, ref length);
    }

    /// <summary>
    /// Steps <paramref name="from"/>.. of <paramref name="to"/> with lanes past their chain held
    /// and reinforcement while any active lane is below the hit cap; with
    /// <paramref name="untilSteady"/> returns at the first step at which none is. Returns the step it stopped at.
    /// </summary>
    private static int RunMasked<TLanes>(int from, int to, bool untilSteady, in GateLanes<TLanes> rule, in ChainRows chains,
        ref double strength, ref double threshold, ref double ema, ref long hits, ref long length)
        where TLanes : struct, ILaneVector<TLanes>
    {
        int c = TLanes.Count;
        var sLo = TLanes.Load(ref strength);
        var sHi = TLanes.Load(ref Unsafe.Add(ref strength, c));
        var tLo = TLanes.Load(ref threshold);
        var tHi = TLanes.Load(ref Unsafe.Add(ref threshold, c));
        var rLo = TLanes.Load(ref ema);
        var rHi = TLanes.Load(ref Unsafe.Add(ref ema, c));
        var hLo = TLanes.LoadInt64(ref hits);
        var hHi = TLanes.LoadInt64(ref Unsafe.Add(ref hits, c));
        var nLo = TLanes.LoadInt64(ref length);
        var nHi = TLanes.LoadInt64(ref Unsafe.Add(ref length, c));
        // Hits only grow: once every lane with inputs still to take is at the cap (the steady state)
        // no later step reinforces any more, so the check is dropped for the rest of the run.
        var start = TLanes.BroadcastInt64(from);
        bool reinforcing = TLanes.AnySet(TLanes.Or(TLanes.And(rule.BelowCap(hLo), TLanes.GreaterThanInt64(nLo, start)),
            TLanes.And(rule.BelowCap(hHi), TLanes.GreaterThanInt64(nHi, start))));
        int step = from;
        for (; step < to && (reinforcing || !untilSteady); step++)
        {
            var at = TLanes.BroadcastInt64(step);
            var activeLo = TLanes.GreaterThanInt64(nLo, at);
            var activeHi = TLanes.GreaterThanInt64(nHi, at);
            if (reinforcing)
            {
                var belowLo = TLanes.And(rule.BelowCap(hLo), activeLo);
                var belowHi = TLanes.And(rule.BelowCap(hHi), activeHi);
                sLo = rule.Reinforced(sLo, belowLo);
                sHi = rule.Reinforced(sHi, belowHi);
                hLo = TLanes.SubtractInt64(hLo, belowLo);
                hHi = TLanes.SubtractInt64(hHi, belowHi);
                var later = TLanes.BroadcastInt64(step + 1);
                reinforcing = TLanes.AnySet(TLanes.Or(TLanes.And(rule.BelowCap(hLo), TLanes.GreaterThanInt64(nLo, later)),
                    TLanes.And(rule.BelowCap(hHi), TLanes.GreaterThanInt64(nHi, later))));
            }

            // Both outcomes of the compare are computed before it resolves (each exactly the rule's
            // operations for that outcome) and then selected, so the chain from one step's threshold
            // to the next is compare, select, add rather than the whole rate update.
            var decayedLo = rule.Decayed(rLo);
            var decayedHi = rule.Decayed(rHi);
            var emaIfLo = rule.EmaIfFired(decayedLo);
            var emaIfHi = rule.EmaIfFired(decayedHi);
            var emaElseLo = rule.EmaIfNot(decayedLo);
            var emaElseHi = rule.EmaIfNot(decayedHi);
            var stepIfLo = rule.Step(emaIfLo);
            var stepIfHi = rule.Step(emaIfHi);
            var stepElseLo = rule.Step(emaElseLo);
            var stepElseHi = rule.Step(emaElseHi);
            var firedLo = TLanes.And(TLanes.GreaterThan(sLo, tLo), activeLo);
            var firedHi = TLanes.And(TLanes.GreaterThan(sHi, tHi), activeHi);
            rLo = TLanes.Select(activeLo, TLanes.Select(firedLo, emaIfLo, emaElseLo), rLo);
            rHi = TLanes.Select(activeHi, TLanes.Select(firedHi, emaIfHi, emaElseHi), rHi);
            tLo = TLanes.Select(activeLo, TLanes.Add(tLo, TLanes.Select(firedLo, stepIfLo, stepElseLo)), tLo);
            tHi = TLanes.Select(activeHi, TLanes.Add(tHi, TLanes.Select(firedHi, stepIfHi, stepElseHi)), tHi);
            uint fired = TLanes.MostSignificantBits(firedLo) | (TLanes.MostSignificantBits(firedHi) << c);
            if (fired != 0)
                chains.MarkFired(fired, step);
        }

        TLanes.Store(sLo, ref strength);
        TLanes.Store(sHi, ref Unsafe.Add(ref strength, c));
        TLanes.Store(tLo, ref threshold);
        TLanes.Store(tHi, ref Unsafe.Add(ref threshold, c));
        TLanes.Store(rLo, ref ema);
        TLanes.Store(rHi, ref Unsafe.Add(ref ema, c));
        TLanes.StoreInt64(hLo, ref hits);
        TLanes.StoreInt64(hHi, ref Unsafe.Add(ref hits, c));
        return step;
    }

    /// <summary>
    /// Steps <paramref name="from"/>.. of <paramref name="to"/> at which every lane holding a slot
    /// (set in <paramref name="usedLanes"/>) is active and at the hit cap: strengths no longer
    /// change, so only thresholds and rates are carried, with no masks — the same values as
    /// <see cref="RunMasked{TLanes}"/>.
    /// </summary>
    private static void RunSteady<TLanes>(int from, int to, uint usedLanes, in GateLanes<TLanes> rule, in ChainRows chains,
        ref double strength, ref double threshold, ref double ema)
        where TLanes : struct, ILaneVector<TLanes>
    {
        int c = TLanes.Count;
        var tLo = TLanes.Load(ref threshold);
        var tHi = TLanes.Load(ref Unsafe.Add(ref threshold, c));
        var rLo = TLanes.Load(ref ema);
        var rHi = TLanes.Load(ref Unsafe.Add(ref ema, c));
        for (int step = from; step < to; step++)
        {
            var firedLo = rule.Advance(TLanes.Load(ref strength), ref tLo, ref rLo);
            var firedHi = rule.Advance(TLanes.Load(ref Unsafe.Add(ref strength, c)), ref tHi, ref rHi);
            uint fired = (TLanes.MostSignificantBits(firedLo) | (TLanes.MostSignificantBits(firedHi) << c)) & usedLanes;
            if (fired != 0)
                chains.MarkFired(fired, step);
        }

        TLanes.Store(tLo, ref threshold);
        TLanes.Store(tHi, ref Unsafe.Add(ref threshold, c));
        TLanes.Store(rLo, ref ema);
        TLanes.Store(rHi, ref Unsafe.Add(ref ema, c));
    }
}
