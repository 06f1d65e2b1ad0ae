using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// A fire of amplitude v on a source's gated edges (grownet.md "Layers, tracts, wiring"): in edge
/// order, each gate reinforces and updates its threshold with v; a gate that fires queues
/// (target, v) and stamps the edge's last step. The gates of one source are contiguous SoA rows
/// that all see the same v and bus values, so a register of them (8, 4 or 2: AVX-512, AVX2,
/// SSE/NEON) is updated per vector instruction; lanes run exactly the scalar rule's IEEE
/// operations, and passing edges are queued in edge order.
/// <para>
/// A source that fires many times in one pass (a neuron of an image layer fires ~200 times per
/// frame) runs gate-major: each gate's updates over the fires are sequential (its state stays in
/// registers, four registers interleaved so their dependency chains overlap), the pass/fail
/// bits land in a fire × group mask, and the events are then queued fire by fire in edge order,
/// exactly the order of one <see cref="Fire"/> per fire. Gates only read the fire values and the
/// phase's bus values, so reordering the updates between gates changes no bit.
/// </para>
/// </summary>
internal static class GateKernel
{
    private const byte Imprinted = (byte)WeightFlags.Imprinted;
    private const ulong AllImprinted = 0x0101_0101_0101_0101UL;

    public static void Fire(in GateColumns edges, int start, int end, double x, in GateContext gates, RangeResult result, int slot, int source)
    {
        int k = start;
        if (LaneVector512.IsHardwareAccelerated)
            k = FireVector<LaneVector512>(edges, start, end, x, gates, result, slot, source);
        else if (LaneVector256.IsHardwareAccelerated)
            k = FireVector<LaneVector256>(edges, start, end, x, gates, result, slot, source);
        else if (LaneVector128.IsHardwareAccelerated)
            k = FireVector<LaneVector128>(edges, start, end, x, gates, result, slot, source);
        for (; k < end; k++)
            FireOne(edges, k, x, gates, result, slot, source);
    }

    /// <summary>
    /// <paramref name="fireCount"/> fires of one source, values <paramref name="fires"/> in fire
    /// order, on its gates [<paramref name="start"/>, <paramref name="end"/>). Pass bits go to a
    /// fire × gate bit matrix (rows padded to whole 64-bit words); the events are then queued
    /// row by row, gate by gate, the order of one <see cref="Fire"/> per fire.
    /// </summary>
    public static void FireMany(in GateColumns edges, int start, int end, double[] fires, int fireCount, in GateContext gates,
        RangeResult result, int slot, int source)
    {
        if (fireCount == 1)
        {
            Fire(edges, start, end, fires[0], gates, result, slot, source);
            return;
        }

        int count = end - start;
        int words = (count + 63) >> 6;
        int stride = words * 8;
        byte[] masks = result.GateMasks(fireCount * stride);
        if (LaneVector512.IsHardwareAccelerated)
            RunGates<LaneVector512>(edges, start, end, fires, fireCount, gates, masks, stride);
        else if (LaneVector256.IsHardwareAccelerated)
            RunGates<LaneVector256>(edges, start, end, fires, fireCount, gates, masks, stride);
        else
            RunGates<LaneVector128>(edges, start, end, fires, fireCount, gates, masks, stride);

        ref ulong bits = ref Unsafe.As<byte, ulong>(ref MemoryMarshal.GetArrayDataReference(masks));
        int events = 0;
        for (int w = 0; w < fireCount * words; w++)
            events += BitOperations.PopCount(Unsafe.Add(ref bits, w));
        if (events == 0)
            return;
        int at = result.ReserveEvents(slot, events);
        ref int tracts = ref MemoryMarshal.GetArrayDataReference(result.EmitTract);
        ref int sources = ref MemoryMarshal.GetArrayDataReference(result.EmitSource);
        ref int targets = ref MemoryMarshal.GetArrayDataReference(result.EmitTarget);
        ref double values = ref MemoryMarshal.GetArrayDataReference(result.EmitValue);
        ref int target = ref MemoryMarshal.GetArrayDataReference(edges.Target);
        ref long lastStep = ref MemoryMarshal.GetArrayDataReference(edges.LastStep);
        long step = gates.Step;
        for (int f = 0; f < fireCount; f++)
        {
            double x = fires[f];
            for (int w = 0; w < words; w++)
            {
                ulong mask = Unsafe.Add(ref bits, f * words + w);
                while (mask != 0)
                {
                    int j = start + w * 64 + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    Unsafe.Add(ref lastStep, j) = step;
                    Unsafe.Add(ref tracts, at) = slot;
                    Unsafe.Add(ref sources, at) = source;
                    Unsafe.Add(ref targets, at) = Unsafe.Add(ref target, j);
                    Unsafe.Add(ref values, at) = x;
                    at++;
                }
            }
        }
    }

    /// <summary>
    /// Every gate of [<paramref name="start"/>, <paramref name="end"/>) over all fires, gate by
    /// gate. Windows of eight imprinted, unfrozen gates (all of them so at the start: imprinting
    /// happens once and freezing is not a tick operation) take the vector rule four windows at a
    /// time; the rest take the scalar rule. A ragged end is a window ending at <paramref name="end"/>
    /// that overlaps the last whole window: it runs in the same batch as that window, from the
    /// same loaded state, so the shared gates get identical values from both and count once (its
    /// mask keeps only its own gates). Without accelerated <typeparamref name="TLanes"/> every gate takes the scalar rule.
    /// </summary>
    internal static void RunGates<TLanes>(in GateColumns edges, int start, int end, double[] fires, int fireCount, in GateContext gates, byte[] masks, int stride)
        where TLanes : struct, ILaneVector<TLanes>
    {
        int count = end - start;
        int whole = count >> 3;
        int ragged = count & 7;
        ref byte flags = ref MemoryMarshal.GetArrayDataReference(edges.Flags);
        Span<int> windows = stackalloc int[4];
        int batched = 0;
        bool vector = TLanes.IsHardwareAccelerated;
        // The ragged window must share a pass with the window it overlaps (FireWindows).
        bool raggedVector = vector && WindowsPerPass<TLanes>() >= 2 && ragged > 0 && whole > 0
                            && Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref flags, end - 8)) == AllImprinted
                            && Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref flags, start + (whole - 1) * 8)) == AllImprinted;
        if (raggedVector)
        {
            // Window offsets relative to start; the ragged one is marked by its offset not being a multiple of 8.
            windows[batched++] = (whole - 1) * 8;
            windows[batched++] = count - 8;
        }

        for (int group = 0; group < whole; group++)
        {
            int offset = group * 8;
            if (raggedVector && group == whole - 1)
                continue;
            if (vector && Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref flags, start + offset)) == AllImprinted)
            {
                windows[batched++] = offset;
                if (batched == 4)
                {
                    FireWindows<TLanes>(edges, start, windows, 4, fires, fireCount, gates, masks, stride);
                    batched = 0;
                }
            }
            else
            {
                for (int j = offset; j < offset + 8; j++)
                    FireGateScalar(edges, start, j, fires, fireCount, gates, masks, stride);
            }
        }

        if (batched > 0)
            FireWindows<TLanes>(edges, start, windows, batched, fires, fireCount, gates, masks, stride);
        if (!raggedVector)
        {
            for (int j = whole * 8; j < count; j++)
                FireGateScalar(edges, start, j, fires, fireCount, gates, masks, stride);
        }
    }

    /// <summary>Gate <paramref name="gate"/> (relative to <paramref name="start"/>) over all fires with the scalar rule.</summary>
    private static void FireGateScalar(in GateColumns e, int start, int gate, double[] fires, int fireCount, in GateContext g, byte[] masks, int stride)
    {
        ref var w = ref Unsafe.AsRef(in g.Weight);
        int k = start + gate;
        byte bit = (byte)(1 << (gate & 7));
        int at = gate >> 3;
        for (int f = 0; f < fireCount; f++)
        {
            WeightRule.Reinforce(ref e.Strength[k], ref e.Hits[k], e.Flags[k], g.Modulation, g.Inhibition, w);
            if (WeightRule.UpdateThreshold(e.Strength[k], ref e.Threshold[k], ref e.EmaRate[k], ref e.Flags[k], fires[f], w))
                masks[f * stride + at] |= bit;
        }
    }

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
            FirePass<TLanes>(e, start, windows, used, first, fires, fireCount, g, masks, stride);
    }

    /// <summary>One pass of <see cref="FireWindows{TLanes}"/>: windows from <paramref name="first"/>, four registers.</summary>
    private static void FirePass<TLanes>(in GateColumns e, int start, ReadOnlySpan<int> windows, int used, int first, double[] fires, int fireCount,
        in GateContext g, byte[] masks, int stride)
        where TLanes : struct, ILaneVector<TLanes>
    {
        // Register i holds lanes (i mod 8/c)·c.. of window first + i / (8/c) (the last window when past it).
        int ka = start + RegisterOffset<TLanes>(windows, used, first, 0), kb = start + RegisterOffset<TLanes>(windows, used, first, 1),
            kc = start + RegisterOffset<TLanes>(windows, used, first, 2), kd = start + RegisterOffset<TLanes>(windows, used, first, 3);
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
        var placement = new MaskPlacement(windows, used, first);
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
            var fa = TLanes.GreaterThan(sa, ta);
            var fb = TLanes.GreaterThan(sb, tb);
            var fc = TLanes.GreaterThan(sc, tc);
            var fd = TLanes.GreaterThan(sd, td);
            ra = rule.Ema(rule.Decayed(ra), fa);
            rb = rule.Ema(rule.Decayed(rb), fb);
            rc = rule.Ema(rule.Decayed(rc), fc);
            rd = rule.Ema(rule.Decayed(rd), fd);
            ta = TLanes.Add(ta, rule.Step(ra));
            tb = TLanes.Add(tb, rule.Step(rb));
            tc = TLanes.Add(tc, rule.Step(rc));
            td = TLanes.Add(td, rule.Step(rd));
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
            var fa = TLanes.GreaterThan(TLanes.Load(ref Unsafe.Add(ref strength, ka)), ta);
            var fb = TLanes.GreaterThan(TLanes.Load(ref Unsafe.Add(ref strength, kb)), tb);
            var fc = TLanes.GreaterThan(TLanes.Load(ref Unsafe.Add(ref strength, kc)), tc);
            var fd = TLanes.GreaterThan(TLanes.Load(ref Unsafe.Add(ref strength, kd)), td);
            ra = rule.Ema(rule.Decayed(ra), fa);
            rb = rule.Ema(rule.Decayed(rb), fb);
            rc = rule.Ema(rule.Decayed(rc), fc);
            rd = rule.Ema(rule.Decayed(rd), fd);
            ta = TLanes.Add(ta, rule.Step(ra));
            tb = TLanes.Add(tb, rule.Step(rb));
            tc = TLanes.Add(tc, rule.Step(rc));
            td = TLanes.Add(td, rule.Step(rd));
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
        uint bits = TLanes.MostSignificantBits(fa) | (TLanes.MostSignificantBits(fb) << c)
                    | (TLanes.MostSignificantBits(fc) << (2 * c)) | (TLanes.MostSignificantBits(fd) << (3 * c));
        Unsafe.Add(ref row, at.ByteA) = (byte)((bits & 0xFF) >> at.ShiftA);
        if (WindowsPerPass<TLanes>() > 1)
            Unsafe.Add(ref row, at.ByteB) = (byte)(((bits >> 8) & 0xFF) >> at.ShiftB);
        if (WindowsPerPass<TLanes>() > 2)
        {
            Unsafe.Add(ref row, at.ByteC) = (byte)(((bits >> 16) & 0xFF) >> at.ShiftC);
            Unsafe.Add(ref row, at.ByteD) = (byte)((bits >> 24) >> at.ShiftD);
        }
    }

    /// <summary>Gate offset (relative to start) of register <paramref name="register"/> of the pass from window <paramref name="first"/>.</summary>
    private static int RegisterOffset<TLanes>(ReadOnlySpan<int> windows, int used, int first, int register)
        where TLanes : struct, ILaneVector<TLanes>
    {
        int perWindow = 8 / TLanes.Count;
        return windows[Math.Min(first + register / perWindow, used - 1)] + register % perWindow * TLanes.Count;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FireOne(in GateColumns e, int k, double x, in GateContext g, RangeResult result, int slot, int source)
    {
        ref var w = ref Unsafe.AsRef(in g.Weight);
        WeightRule.Reinforce(ref e.Strength[k], ref e.Hits[k], e.Flags[k], g.Modulation, g.Inhibition, w);
        if (WeightRule.UpdateThreshold(e.Strength[k], ref e.Threshold[k], ref e.EmaRate[k], ref e.Flags[k], x, w))
        {
            e.LastStep[k] = g.Step;
            result.Emit(slot, source, e.Target[k], x);
        }
    }

    /// <summary>Runs whole groups of eight imprinted, unfrozen gates, a register at a time; returns the first edge left for the scalar loop.</summary>
    internal static int FireVector<TLanes>(in GateColumns e, int start, int end, double x, in GateContext g, RangeResult result, int slot, int source)
        where TLanes : struct, ILaneVector<TLanes>
    {
        ref double strength = ref MemoryMarshal.GetArrayDataReference(e.Strength);
        ref double threshold = ref MemoryMarshal.GetArrayDataReference(e.Threshold);
        ref double ema = ref MemoryMarshal.GetArrayDataReference(e.EmaRate);
        ref int hits = ref MemoryMarshal.GetArrayDataReference(e.Hits);
        ref byte flags = ref MemoryMarshal.GetArrayDataReference(e.Flags);
        var rule = new GateLanes<TLanes>(g);
        int k = start;
        for (; k + 8 <= end; k += 8)
        {
            // Only the common case runs here: all eight imprinted and none frozen. Fresh or frozen
            // gates take the scalar rule, one by one, in order.
            if (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref flags, k)) != AllImprinted)
            {
                for (int j = k; j < k + 8; j++)
                    FireOne(e, j, x, g, result, slot, source);
                continue;
            }

            for (int piece = k; piece < k + 8; piece += TLanes.Count)
            {
                var h = TLanes.LoadWidened(ref Unsafe.Add(ref hits, piece));
                var s = TLanes.Load(ref Unsafe.Add(ref strength, piece));
                var below = rule.BelowCap(h);
                if (TLanes.AnySet(below))
                {
                    s = rule.Reinforced(s, below);
                    TLanes.StoreNarrowed(TLanes.SubtractInt64(h, below), ref Unsafe.Add(ref hits, piece));
                    TLanes.Store(s, ref Unsafe.Add(ref strength, piece));
                }

                var t = TLanes.Load(ref Unsafe.Add(ref threshold, piece));
                var fired = TLanes.GreaterThan(s, t);
                var r = rule.Ema(rule.Decayed(TLanes.Load(ref Unsafe.Add(ref ema, piece))), fired);
                TLanes.Store(r, ref Unsafe.Add(ref ema, piece));
                TLanes.Store(TLanes.Add(t, rule.Step(r)), ref Unsafe.Add(ref threshold, piece));
                uint mask = TLanes.MostSignificantBits(fired);
                while (mask != 0)
                {
                    int j = piece + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    e.LastStep[j] = g.Step;
                    result.Emit(slot, source, e.Target[j], x);
                }
            }
        }

        return k;
    }
}
