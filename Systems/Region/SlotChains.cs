using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
        if (!Vector512.IsHardwareAccelerated || slotCount > Lanes)
            return false;
        int count = values.Length - from;
        int words = (count + 63) >> 6;

        // Which inputs each bin holds (one bit row per bin, positions relative to from; rows of
        // bins shared by several neurons are built once), then each slot's row: the bins it takes.
        int bins1 = limit + 1;
        ulong[] binRows = result.BinRows(bins1 * words, out bool built);
        if (!built)
            MarkBinInputs(bins, from, count, bins1, words, binRows);
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
        RunLanes(states, slotCount, perSlot, taken, words, longest, in k, firedAt);

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
    private static void MarkBinInputs(ReadOnlySpan<int> bins, int from, int count, int binCount, int words, ulong[] rows)
    {
        int q = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref int bin = ref Unsafe.Add(ref MemoryMarshal.GetReference(bins), from);
            ref ushort halves = ref Unsafe.As<ulong, ushort>(ref MemoryMarshal.GetArrayDataReference(rows));
            for (; q + 16 <= count; q += 16)
            {
                var sixteen = Vector512.LoadUnsafe(ref bin, (nuint)q);
                for (int b = 0; b < binCount; b++)
                    Unsafe.Add(ref halves, b * words * 4 + (q >> 4)) = (ushort)Vector512.Equals(sixteen, Vector512.Create(b)).ExtractMostSignificantBits();
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
    private static void RunLanes(Span<SlotState> states, int slotCount, ReadOnlySpan<int> perSlot, ulong[] taken, int words, int longest,
        in KernelConstants k, ulong[] firedAt)
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

        var sLo = Vector512.Create(strength[..8]);
        var sHi = Vector512.Create(strength[8..]);
        var tLo = Vector512.Create(threshold[..8]);
        var tHi = Vector512.Create(threshold[8..]);
        var rLo = Vector512.Create(ema[..8]);
        var rHi = Vector512.Create(ema[8..]);
        var hLo = Vector512.Create(hits[..8]);
        var hHi = Vector512.Create(hits[8..]);
        var nLo = Vector512.Create(length[..8]);
        var nHi = Vector512.Create(length[8..]);
        var saturation = Vector512.Create((long)k.Saturation);
        var delta = Vector512.Create(k.Delta);
        var minusOne = Vector512.Create(-1.0);
        var one = Vector512.Create(1.0);
        var decay = Vector512.Create(k.Decay);
        var beta = Vector512.Create(k.Beta);
        // beta × (fired ? 1 : 0) is exactly beta or beta × 0 (signed zero).
        var betaTimesZero = Vector512.Create(k.Beta * 0.0);
        var eta = Vector512.Create(k.Eta);
        var rStar = Vector512.Create(k.RStar);
        // Hits only grow: once every lane with inputs still to take is at the cap (the steady state)
        // no later step reinforces any more, so the check is dropped for the rest of the run.
        bool reinforcing = ((Vector512.LessThan(hLo, saturation) & Vector512.GreaterThan(nLo, Vector512<long>.Zero))
                            | (Vector512.LessThan(hHi, saturation) & Vector512.GreaterThan(nHi, Vector512<long>.Zero))) != Vector512<long>.Zero;
        for (int step = 0; step < longest; step++)
        {
            var at = Vector512.Create((long)step);
            var activeLo = Vector512.GreaterThan(nLo, at);
            var activeHi = Vector512.GreaterThan(nHi, at);
            if (reinforcing)
            {
                // Reinforce lanes below the hit cap (Math.Clamp(s + delta, −1, 1), hits + 1).
                var belowLo = Vector512.LessThan(hLo, saturation) & activeLo;
                var belowHi = Vector512.LessThan(hHi, saturation) & activeHi;
                sLo = Vector512.ConditionalSelect(belowLo.AsDouble(), Vector512.Min(Vector512.Max(sLo + delta, minusOne), one), sLo);
                sHi = Vector512.ConditionalSelect(belowHi.AsDouble(), Vector512.Min(Vector512.Max(sHi + delta, minusOne), one), sHi);
                hLo -= belowLo;
                hHi -= belowHi;
                var later = Vector512.Create((long)step + 1);
                reinforcing = ((Vector512.LessThan(hLo, saturation) & Vector512.GreaterThan(nLo, later))
                               | (Vector512.LessThan(hHi, saturation) & Vector512.GreaterThan(nHi, later))) != Vector512<long>.Zero;
            }

            // Both outcomes of the compare are computed before it resolves (each exactly the rule's
            // operations for that outcome) and then selected, so the chain from one step's threshold
            // to the next is compare, select, add rather than the whole rate update.
            var decayedLo = decay * rLo;
            var decayedHi = decay * rHi;
            var emaIfLo = decayedLo + beta;
            var emaIfHi = decayedHi + beta;
            var emaElseLo = decayedLo + betaTimesZero;
            var emaElseHi = decayedHi + betaTimesZero;
            var stepIfLo = eta * (emaIfLo - rStar);
            var stepIfHi = eta * (emaIfHi - rStar);
            var stepElseLo = eta * (emaElseLo - rStar);
            var stepElseHi = eta * (emaElseHi - rStar);
            var firedLo = Vector512.GreaterThan(sLo, tLo) & activeLo.AsDouble();
            var firedHi = Vector512.GreaterThan(sHi, tHi) & activeHi.AsDouble();
            rLo = Vector512.ConditionalSelect(activeLo.AsDouble(), Vector512.ConditionalSelect(firedLo, emaIfLo, emaElseLo), rLo);
            rHi = Vector512.ConditionalSelect(activeHi.AsDouble(), Vector512.ConditionalSelect(firedHi, emaIfHi, emaElseHi), rHi);
            tLo = Vector512.ConditionalSelect(activeLo.AsDouble(), tLo + Vector512.ConditionalSelect(firedLo, stepIfLo, stepElseLo), tLo);
            tHi = Vector512.ConditionalSelect(activeHi.AsDouble(), tHi + Vector512.ConditionalSelect(firedHi, stepIfHi, stepElseHi), tHi);
            uint fired = (uint)firedLo.ExtractMostSignificantBits() | ((uint)firedHi.ExtractMostSignificantBits() << 8);
            while (fired != 0)
            {
                int slot = BitOperations.TrailingZeroCount(fired);
                fired &= fired - 1;
                int p = InputOfStep(taken, slot * words, ref cursorWord[slot], ref cursorRank[slot], step);
                firedAt[p >> 6] |= 1UL << p;
            }
        }

        sLo.CopyTo(strength);
        sHi.CopyTo(strength[8..]);
        tLo.CopyTo(threshold);
        tHi.CopyTo(threshold[8..]);
        rLo.CopyTo(ema);
        rHi.CopyTo(ema[8..]);
        hLo.CopyTo(hits);
        hHi.CopyTo(hits[8..]);
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
