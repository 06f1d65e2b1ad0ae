using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Systems.Lanes;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>The gate-major passes of <see cref="GateKernel.FireMany"/>: windows of gates over all fires, state in registers.</summary>
internal static partial class GateKernel
{
    /// <summary>Windows of eight gates one pass of four registers holds (4, 2 or 1).</summary>
    private static int WindowsPerPass<TLanes>()
        where TLanes : struct, ILaneVector<TLanes>
        => 4 * TLanes.Count / 8;

    /// <summary>
    /// Up to four windows of eight imprinted, unfrozen gates over all fires, in passes of four
    /// registers (four windows with AVX-512, two with AVX2, one with SSE), state held in
    /// registers: the same lane operations as <see cref="FireVector{TLanes}"/>, one fire after
    /// another per gate. Windows only share fires and bus values, so running them in separate
    /// passes changes no bit. A pass short of windows repeats the last one: the repeat computes the
    /// same values from the same state and stores them again, which changes nothing.
    /// </summary>
    private static void FireWindows<TLanes>(in GateColumns e, int start, ReadOnlySpan<int> windows, int used, double[] fires, int fireCount,
        in GateContext g, byte[] masks, int stride)
        where TLanes : struct, ILaneVector<TLanes>
    {
        for (int first = 0; first < used; first += WindowsPerPass<TLanes>())
            FirePass<TLanes>(e, start, PassLayout.Windows<TLanes>(windows, used, first), fires, fireCount, g, masks, stride);
    }

    /// <summary>One pass of four registers over all fires: the gates of <paramref name="layout"/> (relative to <paramref name="start"/>).</summary>
    private static void FirePass<TLanes>(in GateColumns e, int start, in PassLayout layout, double[] fires, int fireCount,
        in GateContext g, byte[] masks, int stride)
        where TLanes : struct, ILaneVector<TLanes>
    {
        int ka = start + layout.A, kb = start + layout.B, kc = start + layout.C, kd = start + layout.D;
        ref double strength = ref MemoryMarshal.GetArrayDataReference(e.Strength);
        ref double threshold = ref MemoryMarshal.GetArrayDataReference(e.Threshold);
        ref double ema = ref MemoryMarshal.GetArrayDataReference(e.EmaRate);
        ref int hits = ref MemoryMarshal.GetArrayDataReference(e.Hits);
        var rule = new GateLanes<TLanes>(g);
        TLanes ha = TLanes.LoadWidened(ref Unsafe.Add(ref hits, ka)), hb = TLanes.LoadWidened(ref Unsafe.Add(ref hits, kb)),
            hc = TLanes.LoadWidened(ref Unsafe.Add(ref hits, kc)), hd = TLanes.LoadWidened(ref Unsafe.Add(ref hits, kd));
        TLanes sa = TLanes.Load(ref Unsafe.Add(ref strength, ka)), sb = TLanes.Load(ref Unsafe.Add(ref strength, kb)),
            sc = TLanes.Load(ref Unsafe.Add(ref strength, kc)), sd = TLanes.Load(ref Unsafe.Add(ref strength, kd));
        TLanes ta = TLanes.Load(ref Unsafe.Add(ref threshold, ka)), tb = TLanes.Load(ref Unsafe.Add(ref threshold, kb)),
            tc = TLanes.Load(ref Unsafe.Add(ref threshold, kc)), td = TLanes.Load(ref Unsafe.Add(ref threshold, kd));
        TLanes ra = TLanes.Load(ref Unsafe.Add(ref ema, ka)), rb = TLanes.Load(ref Unsafe.Add(ref ema, kb)),
            rc = TLanes.Load(ref Unsafe.Add(ref ema, kc)), rd = TLanes.Load(ref Unsafe.Add(ref ema, kd));

        // A window's pass bits land at its gates' bit positions in the row; a ragged window
        // (offset not a multiple of 8) keeps only the gates past the last whole window. Each
        // window owns its byte (a repeated window writes the same value), so bytes are assigned.
        var placement = layout.Placement;
        ref byte row = ref MemoryMarshal.GetArrayDataReference(masks);
        // Hits only grow: once every lane is at the cap (the steady state) no fire reinforces any
        // more, and the rest of the fires run without the hit and strength registers.
        int f = 0;
        for (; f < fireCount && rule.AnyBelowCap(ha, hb, hc, hd); f++)
        {
            TLanes ba = rule.BelowCap(ha), bb = rule.BelowCap(hb), bc = rule.BelowCap(hc), bd = rule.BelowCap(hd);
            sa = rule.Reinforced(sa, ba);
            sb = rule.Reinforced(sb, bb);
            sc = rule.Reinforced(sc, bc);
            sd = rule.Reinforced(sd, bd);
            ha = TLanes.SubtractInt64(ha, ba);
            hb = TLanes.SubtractInt64(hb, bb);
            hc = TLanes.SubtractInt64(hc, bc);
            hd = TLanes.SubtractInt64(hd, bd);
            var fa = rule.Advance(sa, ref ta, ref ra);
            var fb = rule.Advance(sb, ref tb, ref rb);
            var fc = rule.Advance(sc, ref tc, ref rc);
            var fd = rule.Advance(sd, ref td, ref rd);
            PlaceBits<TLanes>(ref Unsafe.Add(ref row, f * stride), fa, fb, fc, fd, placement);
        }

        Save(e, ka, ha, sa, ta, ra);
        Save(e, kb, hb, sb, tb, rb);
        Save(e, kc, hc, sc, tc, rc);
        Save(e, kd, hd, sd, td, rd);
        if (f < fireCount)
            FireSteady<TLanes>(e, ka, kb, kc, kd, f, fires, fireCount, rule, ref row, stride, placement);
    }

    /// <summary>
    /// Fires <paramref name="from"/>.. of a pass whose gates are all at the hit cap: only the
    /// threshold and rate change. Strengths are read from memory at each compare (they no longer
    /// change), so the chains of eight thresholds and rates fit the registers of any width.
    /// </summary>
    private static void FireSteady<TLanes>(in GateColumns e, int ka, int kb, int kc, int kd, int from, double[] fires, int fireCount,
        in GateLanes<TLanes> rule, ref byte row, int stride, in MaskPlacement placement)
        where TLanes : struct, ILaneVector<TLanes>
    {
        ref double strength = ref MemoryMarshal.GetArrayDataReference(e.Strength);
        ref double threshold = ref MemoryMarshal.GetArrayDataReference(e.Threshold);
        ref double ema = ref MemoryMarshal.GetArrayDataReference(e.EmaRate);
        TLanes ta = TLanes.Load(ref Unsafe.Add(ref threshold, ka)), tb = TLanes.Load(ref Unsafe.Add(ref threshold, kb)),
            tc = TLanes.Load(ref Unsafe.Add(ref threshold, kc)), td = TLanes.Load(ref Unsafe.Add(ref threshold, kd));
        TLanes ra = TLanes.Load(ref Unsafe.Add(ref ema, ka)), rb = TLanes.Load(ref Unsafe.Add(ref ema, kb)),
            rc = TLanes.Load(ref Unsafe.Add(ref ema, kc)), rd = TLanes.Load(ref Unsafe.Add(ref ema, kd));
        for (int f = from; f < fireCount; f++)
        {
            var fa = rule.Advance(TLanes.Load(ref Unsafe.Add(ref strength, ka)), ref ta, ref ra);
            var fb = rule.Advance(TLanes.Load(ref Unsafe.Add(ref strength, kb)), ref tb, ref rb);
            var fc = rule.Advance(TLanes.Load(ref Unsafe.Add(ref strength, kc)), ref tc, ref rc);
            var fd = rule.Advance(TLanes.Load(ref Unsafe.Add(ref strength, kd)), ref td, ref rd);
            PlaceBits<TLanes>(ref Unsafe.Add(ref row, f * stride), fa, fb, fc, fd, placement);
        }

        TLanes.Store(ta, ref Unsafe.Add(ref threshold, ka));
        TLanes.Store(tb, ref Unsafe.Add(ref threshold, kb));
        TLanes.Store(tc, ref Unsafe.Add(ref threshold, kc));
        TLanes.Store(td, ref Unsafe.Add(ref threshold, kd));
        TLanes.Store(ra, ref Unsafe.Add(ref ema, ka));
        TLanes.Store(rb, ref Unsafe.Add(ref ema, kb));
        TLanes.Store(rc, ref Unsafe.Add(ref ema, kc));
        TLanes.Store(rd, ref Unsafe.Add(ref ema, kd));
    }

    /// <summary>
    /// Writes one fire's pass bits into its mask row: the four registers' bits side by side are the
    /// pass's window bytes in order, each shifted to its placement.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PlaceBits<TLanes>(ref byte row, TLanes fa, TLanes fb, TLanes fc, TLanes fd, in MaskPlacement at)
        where TLanes : struct, ILaneVector<TLanes>
    {
        int c = TLanes.Count;
        if (WindowsPerPass<TLanes>() == 1)
        {
            // One window: each register's bits at its own position (a tail's registers may share a gate, with equal bits).
            Unsafe.Add(ref row, at.ByteA) = (byte)((TLanes.MostSignificantBits(fa) << at.LaneA) | (TLanes.MostSignificantBits(fb) << at.LaneB)
                                                   | (TLanes.MostSignificantBits(fc) << at.LaneC) | (TLanes.MostSignificantBits(fd) << at.LaneD));
            return;
        }

        uint bits = TLanes.MostSignificantBits(fa) | (TLanes.MostSignificantBits(fb) << c)
                    | (TLanes.MostSignificantBits(fc) << (2 * c)) | (TLanes.MostSignificantBits(fd) << (3 * c));
        Unsafe.Add(ref row, at.ByteA) = (byte)((bits & 0xFF) >> at.ShiftA);
        Unsafe.Add(ref row, at.ByteB) = (byte)(((bits >> 8) & 0xFF) >> at.ShiftB);
        if (WindowsPerPass<TLanes>() > 2)
        {
            Unsafe.Add(ref row, at.ByteC) = (byte)(((bits >> 16) & 0xFF) >> at.ShiftC);
            Unsafe.Add(ref row, at.ByteD) = (byte)((bits >> 24) >> at.ShiftD);
        }
    }

    /// <summary>Stores the state of the <c>TLanes.Count</c> gates from <paramref name="k"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Save<TLanes>(in GateColumns e, int k, TLanes h, TLanes s, TLanes t, TLanes r)
        where TLanes : struct, ILaneVector<TLanes>
    {
        TLanes.StoreNarrowed(h, ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(e.Hits), k));
        TLanes.Store(s, ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(e.Strength), k));
        TLanes.Store(t, ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(e.Threshold), k));
        TLanes.Store(r, ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(e.EmaRate), k));
    }
}
