using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// A neuron's binned run worked slot-major. Once every input of the run has a slot and every slot
/// it uses is imprinted and unfrozen, a slot's update no longer depends on the input value (x
/// only matters for imprinting and as the fire value): each slot is a chain over its own inputs,
/// in input order, independent of every other slot. So the inputs are sorted by slot (stable),
/// the 16 slots run side by side as the lanes of two 8-wide vectors — lane operations are exactly
/// the scalar rule's, one input after another per lane, lanes whose list is done held by a blend —
/// and the fires, marked at their input positions, are read back in input order. Bit for bit the
/// input-order loop (<c>SlotLayerPass.RunBinned</c>), with sixteen dependency chains in flight
/// instead of one input at a time. Not for runs that keep a growth streak (it is input-ordered).
/// </summary>
internal static class SlotChains
{
    private const int Lanes = ScalarBinThresholds.MaxLimit;

    /// <summary>
    /// Runs inputs <paramref name="from"/>.. of <paramref name="values"/> (bins in
    /// <paramref name="bins"/>, bin → map entry in <paramref name="map"/>) on the packed slots
    /// <paramref name="states"/> and appends the fire values to the block's fire list (room
    /// ensured by the caller). Returns false, having changed nothing, when the run does not
    /// qualify; otherwise the map entry of the last input and whether it fired.
    /// </summary>
    public static bool TryRun(Span<SlotState> states, int slotCount, ReadOnlySpan<int> map, ReadOnlySpan<int> bins, ReadOnlySpan<double> values,
        int from, in KernelConstants k, BlockResult result, out int lastEntry, out bool lastFired)
    {
        lastEntry = -1;
        lastFired = false;
        if (!Vector512.IsHardwareAccelerated || slotCount > Lanes)
            return false;
        int count = values.Length - from;
        Span<int> perSlot = stackalloc int[Lanes];
        for (int i = from; i < values.Length; i++)
        {
            int entry = map[bins[i]];
            if (entry < 0)
                return false;
            perSlot[entry >> SlotState.SizeShift]++;
        }

        for (int slot = 0; slot < slotCount; slot++)
        {
            if (perSlot[slot] > 0 && states[slot].Flags != (byte)WeightFlags.Imprinted)
                return false;
        }

        // Stable counting sort of the input positions (relative to from) by slot.
        Span<int> first = stackalloc int[Lanes];
        Span<int> next = stackalloc int[Lanes];
        int longest = 0;
        for (int slot = 0, at = 0; slot < Lanes; slot++)
        {
            first[slot] = at;
            next[slot] = at;
            at += perSlot[slot];
            longest = Math.Max(longest, perSlot[slot]);
        }

        int[] positions = result.Positions(count);
        for (int i = from; i < values.Length; i++)
            positions[next[map[bins[i]] >> SlotState.SizeShift]++] = i - from;

        ulong[] firedAt = result.FiredBits((count + 63) >> 6);
        RunLanes(states, slotCount, perSlot, first, positions, longest, in k, firedAt);

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

    /// <summary>The 16 slot chains as two 8-lane vectors, <paramref name="longest"/> steps; fired inputs are marked in <paramref name="firedAt"/>.</summary>
    private static void RunLanes(Span<SlotState> states, int slotCount, ReadOnlySpan<int> perSlot, ReadOnlySpan<int> first, int[] positions, int longest,
        in KernelConstants k, ulong[] firedAt)
    {
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
        // beta × (fired ? 1 : 0) is exactly beta or beta × 0 (signed zero): select the product.
        var betaTimesZero = Vector512.Create(k.Beta * 0.0);
        var eta = Vector512.Create(k.Eta);
        var rStar = Vector512.Create(k.RStar);
        ref int position = ref MemoryMarshal.GetArrayDataReference(positions);
        for (int step = 0; step < longest; step++)
        {
            var at = Vector512.Create((long)step);
            var activeLo = Vector512.GreaterThan(nLo, at);
            var activeHi = Vector512.GreaterThan(nHi, at);
            var belowLo = Vector512.LessThan(hLo, saturation) & activeLo;
            var belowHi = Vector512.LessThan(hHi, saturation) & activeHi;
            if ((belowLo | belowHi) != Vector512<long>.Zero)
            {
                // Reinforce lanes below the hit cap (Math.Clamp(s + delta, −1, 1), hits + 1).
                sLo = Vector512.ConditionalSelect(belowLo.AsDouble(), Vector512.Min(Vector512.Max(sLo + delta, minusOne), one), sLo);
                sHi = Vector512.ConditionalSelect(belowHi.AsDouble(), Vector512.Min(Vector512.Max(sHi + delta, minusOne), one), sHi);
                hLo -= belowLo;
                hHi -= belowHi;
            }

            var firedLo = Vector512.GreaterThan(sLo, tLo);
            var firedHi = Vector512.GreaterThan(sHi, tHi);
            var emaLo = decay * rLo + Vector512.ConditionalSelect(firedLo, beta, betaTimesZero);
            var emaHi = decay * rHi + Vector512.ConditionalSelect(firedHi, beta, betaTimesZero);
            rLo = Vector512.ConditionalSelect(activeLo.AsDouble(), emaLo, rLo);
            rHi = Vector512.ConditionalSelect(activeHi.AsDouble(), emaHi, rHi);
            tLo = Vector512.ConditionalSelect(activeLo.AsDouble(), tLo + eta * (emaLo - rStar), tLo);
            tHi = Vector512.ConditionalSelect(activeHi.AsDouble(), tHi + eta * (emaHi - rStar), tHi);
            uint fired = (uint)(firedLo & activeLo.AsDouble()).ExtractMostSignificantBits()
                         | ((uint)(firedHi & activeHi.AsDouble()).ExtractMostSignificantBits() << 8);
            while (fired != 0)
            {
                int slot = BitOperations.TrailingZeroCount(fired);
                fired &= fired - 1;
                int p = Unsafe.Add(ref position, first[slot] + step);
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
}
