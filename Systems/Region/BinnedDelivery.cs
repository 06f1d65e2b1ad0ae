using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Phase B's fast path for a neuron's run of scalar inputs (docs/regions.md, "One neuron's
/// deliveries"): bins by threshold compares, a bin → slot table, and the slot rule slot-major
/// (<see cref="SlotChains"/>) or input by input on a packed copy of the neuron's slots.
/// </summary>
internal static class BinnedDelivery
{
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
    /// <see cref="SlotKernel"/>'s full rule; the neuron's last-input fields are written for the last input only.
    /// </summary>
    public static void Deliver<TRun>(in SlotPassContext c, ref NeuronLocal n, ref SlotColumns s, int row, in TRun run, int limit, RangeResult result)
        where TRun : struct, IDeliveryRun
    {
        var k = c.Constants;
        int count = run.Count;
        int i = 0;
        while (i < count && (n.Flags & (NeuronFlags.HasAnchor | NeuronFlags.PreferLastSlotOnce)) != NeuronFlags.HasAnchor)
        {
            SlotKernel.OnInput(in c, ref n, ref s, row, run.Value(i), 0, 1, false, run, i, limit, in k, result);
            i++;
        }

        if (i == count)
            return;
        var values = run.Values;
        var bins = result.Bins(count, run.SharedValues, n.Anchor, limit, i, out bool classified).AsSpan(0, count);
        if (!classified)
            ScalarBinThresholds.Classify(values[i..], n.Anchor, ref c.Thresholds!.For(row, n.Anchor, limit), limit, bins[i..]);
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
                SlotKernel.RequestGrowthAt(in c, ref n, row, run.Ordinal(lastIndex));
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
            SlotKernel.OnInput(in c, ref n, ref s, row, values[i], 0, 1, false, run, i, limit, in k, result);
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
        int i, ref int streak, int threshold, RangeResult result, in KernelConstants k, ref int last, ref bool lastFired)
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
            fired = WeightKernel.Steady(ref slot.Strength, ref slot.Threshold, ref slot.EmaRate, ref slot.Hits, saturation, delta, decay, beta, eta, rStar);

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

    /// <summary>The full weight rule (reinforce, imprint, threshold) on a packed slot in any state; returns whether it fired.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool SlotRule(ref SlotState slot, double x, in KernelConstants k)
        => WeightKernel.Apply(ref slot.Strength, ref slot.Threshold, ref slot.EmaRate, ref slot.Hits, ref slot.Flags, x, in k);

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
    private static void MapBins(Span<int> map, in SlotColumns s, in NeuronLocal n, int limit)
    {
        bool atCapacity = n.SlotCount >= limit;
        int onFallback = atCapacity ? FallbackBit | OnFallbackBit : FallbackBit;
        int fallbackSlot = SlotLookup.Find(in s, n.SlotStart, n.SlotCount, SlotKey.Scalar(limit - 1));
        int whenMissing = fallbackSlot >= 0 ? ((fallbackSlot - n.SlotStart) << SlotState.SizeShift) | onFallback : atCapacity ? onFallback : -1;
        for (int bin = 0; bin < limit; bin++)
        {
            int slot = SlotLookup.Find(in s, n.SlotStart, n.SlotCount, SlotKey.Scalar(bin));
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

}
