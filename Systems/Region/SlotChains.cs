using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// A neuron's binned run worked slot-major. Once every input of the run has a slot and every slot
/// it uses is imprinted and unfrozen, a slot's update no longer depends on the input value (x
/// only matters for imprinting and as the fire value): each slot is a chain over its own inputs,
/// in input order, independent of every other slot. So each slot's inputs are marked in a bit
/// row, the 16 slots run side by side as the lanes of two 8-wide vectors — lane operations are
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
        if (!Lanes8Vector128.IsHardwareAccelerated || slotCount > Lanes)
            return false;
        int count = values.Length - from;
        int words = (count + 63) >> 6;

        // Which inputs each bin holds (one bit row per bin, positions relative to from; rows of
        // bins shared by several neurons are built once), then each slot's row: the bins it takes.
        int bins1 = limit + 1;
        ulong[] binRows = result.BinRows(bins1 * words, out bool built);
        if (!built)
        {
            if (Lanes8Vector512.IsHardwareAccelerated)
                MarkBinInputs<Lanes8Vector512>(bins, from, count, bins1, words, binRows);
            else if (Lanes8Vector256.IsHardwareAccelerated)
                MarkBinInputs<Lanes8Vector256>(bins, from, count, bins1, words, binRows);
            else
                MarkBinInputs<Lanes8Vector128>(bins, from, count, bins1, words, binRows);
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

        int longest = 0;
        foreach (int inputs in perSlot)
            longest = Math.Max(longest, inputs);
        ulong[] firedAt = result.FiredBits((count + 63) >> 6);
        if (Lanes8Vector512.IsHardwareAccelerated)
            RunLanes<Lanes8Vector512>(states, slotCount, perSlot, taken, words, longest, in k, firedAt);
        else if (Lanes8Vector256.IsHardwareAccelerated)
            RunLanes<Lanes8Vector256>(states, slotCount, perSlot, taken, words, longest, in k, firedAt);
        else
            RunLanes<Lanes8Vector128>(states, slotCount, perSlot, taken, words, longest, in k, firedAt);

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
        where TLanes : struct, ILanes8<TLanes>
    {
        int q = 0;
        if (TLanes.IsHardwareAccelerated)
        {
            ref int bin = ref Unsafe.Add(ref MemoryMarshal.GetReference(bins), from);
            ref ushort halves = ref Unsafe.As<ulong, ushort>(ref MemoryMarshal.GetArrayDataReference(rows));
            for (; q + 16 <= count; q += 16)
            {
                var low = TLanes.LoadWidened(ref Unsafe.Add(ref bin, q));
                var high = TLanes.LoadWidened(ref Unsafe.Add(ref bin, q + 8));
                for (int b = 0; b < binCount; b++)
                {
                    var wanted = TLanes.BroadcastInt64(b);
                    Unsafe.Add(ref halves, b * words * 4 + (q >> 4)) = (ushort)(TLanes.MostSignificantBits(TLanes.EqualsInt64(low, wanted))
                        | (TLanes.MostSignificantBits(TLanes.EqualsInt64(high, wanted)) << 8));
                }
            }
        }

        for (; q < count; q++)
            rows[bins[from + q] * words + (q >> 6)] |= 1UL << q;
    }

    /// <summary>
    /// The 16 slot chains as two 8-lane vectors, <paramref name="longest"/> steps; lane l's step j
    /// is the j-th set bit of its row in <paramref name="taken"/>, and fired inputs are marked at
    /// those positions in <paramref name="firedAt"/>.
    /// </summary>
    internal static void RunLanes<TLanes>(Span<SlotState> states, int slotCount, ReadOnlySpan<int> perSlot, ulong[] taken, int words, int longest,
        in KernelConstants k, ulong[] firedAt)
        where TLanes : struct, ILanes8<TLanes>
    {
        // Per lane, the word of its row being read and the inputs in the words before it (steps only increase).
        Span<int> cursorWord = stackalloc int[Lanes];
        Span<int> cursorRank = stackalloc int[Lanes];
        Span<double> strength = stackalloc double[Lanes];
        Span<double> threshold = stackalloc double[Lanes];
        Span<double> ema = stackalloc double[Lanes];
        Span<long> hits = stackalloc long[Lanes];
        Span<long> length = stackalloc long[Lanes];
        for (int slot = 0; slot < Lanes; slot++)
        {
            bool used = slot < slotCount;
            strength[slot] = used ? states[slot].Strength : 0;
            threshold[slot] = used ? states[slot].Threshold : 0;
            ema[slot] = used ? states[slot].EmaRate : 0;
            hits[slot] = used ? states[slot].Hits : 0;
            length[slot] = perSlot[slot];
        }

        var sLo = TLanes.Load(ref strength[0]);
        var sHi = TLanes.Load(ref strength[8]);
        var tLo = TLanes.Load(ref threshold[0]);
        var tHi = TLanes.Load(ref threshold[8]);
        var rLo = TLanes.Load(ref ema[0]);
        var rHi = TLanes.Load(ref ema[8]);
        var hLo = TLanes.LoadInt64(ref hits[0]);
        var hHi = TLanes.LoadInt64(ref hits[8]);
        var nLo = TLanes.LoadInt64(ref length[0]);
        var nHi = TLanes.LoadInt64(ref length[8]);
        var rule = new GateLanes<TLanes>(k);
        // Hits only grow: once every lane with inputs still to take is at the cap (the steady state)
        // no later step reinforces any more, so the check is dropped for the rest of the run.
        bool reinforcing = TLanes.AnySet(TLanes.Or(TLanes.And(rule.BelowCap(hLo), TLanes.GreaterThanInt64(nLo, TLanes.Zero)),
            TLanes.And(rule.BelowCap(hHi), TLanes.GreaterThanInt64(nHi, TLanes.Zero))));
        for (int step = 0; step < longest; step++)
        {
            var at = TLanes.BroadcastInt64(step);
            var activeLo = TLanes.GreaterThanInt64(nLo, at);
            var activeHi = TLanes.GreaterThanInt64(nHi, at);
            if (reinforcing)
            {
                rule.Reinforce(ref sLo, ref hLo, TLanes.And(rule.BelowCap(hLo), activeLo));
                rule.Reinforce(ref sHi, ref hHi, TLanes.And(rule.BelowCap(hHi), activeHi));
                var later = TLanes.BroadcastInt64(step + 1);
                reinforcing = TLanes.AnySet(TLanes.Or(TLanes.And(rule.BelowCap(hLo), TLanes.GreaterThanInt64(nLo, later)),
                    TLanes.And(rule.BelowCap(hHi), TLanes.GreaterThanInt64(nHi, later))));
            }

            uint fired = rule.UpdateThreshold(sLo, ref tLo, ref rLo, activeLo) | (rule.UpdateThreshold(sHi, ref tHi, ref rHi, activeHi) << 8);
            while (fired != 0)
            {
                int slot = BitOperations.TrailingZeroCount(fired);
                fired &= fired - 1;
                int p = InputOfStep(taken, slot * words, ref cursorWord[slot], ref cursorRank[slot], step);
                firedAt[p >> 6] |= 1UL << p;
            }
        }

        TLanes.Store(sLo, ref strength[0]);
        TLanes.Store(sHi, ref strength[8]);
        TLanes.Store(tLo, ref threshold[0]);
        TLanes.Store(tHi, ref threshold[8]);
        TLanes.Store(rLo, ref ema[0]);
        TLanes.Store(rHi, ref ema[8]);
        TLanes.StoreInt64(hLo, ref hits[0]);
        TLanes.StoreInt64(hHi, ref hits[8]);
        for (int slot = 0; slot < slotCount; slot++)
        {
            ref var state = ref states[slot];
            state.Strength = strength[slot];
            state.Threshold = threshold[slot];
            state.EmaRate = ema[slot];
            state.Hits = (int)hits[slot];
        }
    }

    /// <summary>The position of the <paramref name="step"/>-th set bit of a row, advancing the lane's cursor.</summary>
    private static int InputOfStep(ulong[] taken, int row, ref int word, ref int rank, int step)
    {
        ref ulong bits = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(taken), row);
        int w = word, before = rank;
        ulong current = Unsafe.Add(ref bits, w);
        int inWord = BitOperations.PopCount(current);
        while (before + inWord <= step)
        {
            before += inWord;
            current = Unsafe.Add(ref bits, ++w);
            inWord = BitOperations.PopCount(current);
        }

        word = w;
        rank = before;
        int within = step - before;
        if (Bmi2.X64.IsSupported)
            return w * 64 + BitOperations.TrailingZeroCount(Bmi2.X64.ParallelBitDeposit(1UL << within, current));
        for (int skip = 0; skip < within; skip++)
            current &= current - 1;
        return w * 64 + BitOperations.TrailingZeroCount(current);
    }
}
