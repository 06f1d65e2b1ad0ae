using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// A fire of amplitude v on a source's gated edges (grownet.md "Layers, tracts, wiring"): in edge
/// order, each gate reinforces and updates its threshold with v; a gate that fires queues
/// (target, v) and stamps the edge's last step. The gates of one source are contiguous SoA rows
/// that all see the same v and bus values, so eight are updated per vector instruction; lanes run
/// exactly the scalar rule's IEEE operations, and passing edges are queued in edge order.
/// <para>
/// A source that fires many times in one pass (a neuron of an image layer fires ~200 times per
/// frame) runs gate-major: each gate's updates over the fires are sequential (its state stays in
/// registers, four groups of eight interleaved so their dependency chains overlap), the pass/fail
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
        if (Vector512.IsHardwareAccelerated)
            k = FireVector(edges, start, end, x, gates, result, slot, source);
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
        RunGates(edges, start, end, fires, fireCount, gates, masks, stride);

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
    /// mask keeps only its own gates).
    /// </summary>
    private static void RunGates(in GateColumns edges, int start, int end, double[] fires, int fireCount, in GateContext gates, byte[] masks, int stride)
    {
        int count = end - start;
        int whole = count >> 3;
        int ragged = count & 7;
        ref byte flags = ref MemoryMarshal.GetArrayDataReference(edges.Flags);
        Span<int> windows = stackalloc int[4];
        int batched = 0;
        bool vector = Vector512.IsHardwareAccelerated;
        bool raggedVector = vector && ragged > 0 && whole > 0
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
                    FireWindows(edges, start, windows, 4, fires, fireCount, gates, masks, stride);
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
            FireWindows(edges, start, windows, batched, fires, fireCount, gates, masks, stride);
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

    /// <summary>
    /// Up to four windows of eight imprinted, unfrozen gates over all fires, state held in
    /// registers: the same lane operations as <see cref="FireVector"/>, one fire after another per
    /// gate. Fewer than four windows repeat the last one: the repeat computes the same values from
    /// the same state and stores them again, which changes nothing.
    /// </summary>
    private static void FireWindows(in GateColumns e, int start, ReadOnlySpan<int> windows, int used, double[] fires, int fireCount,
        in GateContext g, byte[] masks, int stride)
    {
        int oa = windows[0], ob = windows[Math.Min(1, used - 1)], oc = windows[Math.Min(2, used - 1)], od = windows[used - 1];
        ref double strength = ref MemoryMarshal.GetArrayDataReference(e.Strength);
        ref double threshold = ref MemoryMarshal.GetArrayDataReference(e.Threshold);
        ref double ema = ref MemoryMarshal.GetArrayDataReference(e.EmaRate);
        ref int hits = ref MemoryMarshal.GetArrayDataReference(e.Hits);
        var delta = Vector512.Create(g.Delta);
        var minusOne = Vector512.Create(-1.0);
        var one = Vector512.Create(1.0);
        var decay = Vector512.Create(1 - g.Weight.Beta);
        var beta = Vector512.Create(g.Weight.Beta);
        // beta × (fired ? 1 : 0) is exactly beta or beta × 0 (signed zero): selecting the product
        // instead of multiplying takes a multiply off the chain from one fire's compare to the next.
        var betaTimesZero = Vector512.Create(g.Weight.Beta * 0.0);
        var eta = Vector512.Create(g.Weight.Eta);
        var rStar = Vector512.Create(g.Weight.RStar);
        var saturation = Vector256.Create(g.Weight.HitSaturation);
        nuint ka = (nuint)(start + oa), kb = (nuint)(start + ob), kc = (nuint)(start + oc), kd = (nuint)(start + od);
        Vector256<int> ha = Vector256.LoadUnsafe(ref hits, ka), hb = Vector256.LoadUnsafe(ref hits, kb),
            hc = Vector256.LoadUnsafe(ref hits, kc), hd = Vector256.LoadUnsafe(ref hits, kd);
        Vector512<double> sa = Vector512.LoadUnsafe(ref strength, ka), sb = Vector512.LoadUnsafe(ref strength, kb),
            sc = Vector512.LoadUnsafe(ref strength, kc), sd = Vector512.LoadUnsafe(ref strength, kd);
        Vector512<double> ta = Vector512.LoadUnsafe(ref threshold, ka), tb = Vector512.LoadUnsafe(ref threshold, kb),
            tc = Vector512.LoadUnsafe(ref threshold, kc), td = Vector512.LoadUnsafe(ref threshold, kd);
        Vector512<double> ra = Vector512.LoadUnsafe(ref ema, ka), rb = Vector512.LoadUnsafe(ref ema, kb),
            rc = Vector512.LoadUnsafe(ref ema, kc), rd = Vector512.LoadUnsafe(ref ema, kd);

        // A window's pass bits land at its gates' bit positions in the row; a ragged window
        // (offset not a multiple of 8) keeps only the gates past the last whole window. Each
        // window owns its byte (a repeated window writes the same value), so bytes are assigned.
        (int byteA, int shiftA) = Placement(oa);
        (int byteB, int shiftB) = Placement(ob);
        (int byteC, int shiftC) = Placement(oc);
        (int byteD, int shiftD) = Placement(od);
        ref byte row = ref MemoryMarshal.GetArrayDataReference(masks);
        // Hits only grow: once every lane is at the cap (the steady state) no fire reinforces any more.
        bool reinforcing = (Vector256.LessThan(ha, saturation) | Vector256.LessThan(hb, saturation)
                            | Vector256.LessThan(hc, saturation) | Vector256.LessThan(hd, saturation)) != Vector256<int>.Zero;
        for (int f = 0; f < fireCount; f++)
        {
            if (reinforcing)
            {
                Reinforce(ref sa, ref ha, saturation, delta, minusOne, one);
                Reinforce(ref sb, ref hb, saturation, delta, minusOne, one);
                Reinforce(ref sc, ref hc, saturation, delta, minusOne, one);
                Reinforce(ref sd, ref hd, saturation, delta, minusOne, one);
                reinforcing = (Vector256.LessThan(ha, saturation) | Vector256.LessThan(hb, saturation)
                               | Vector256.LessThan(hc, saturation) | Vector256.LessThan(hd, saturation)) != Vector256<int>.Zero;
            }

            var fa = Vector512.GreaterThan(sa, ta);
            var fb = Vector512.GreaterThan(sb, tb);
            var fc = Vector512.GreaterThan(sc, tc);
            var fd = Vector512.GreaterThan(sd, td);
            ra = decay * ra + Vector512.ConditionalSelect(fa, beta, betaTimesZero);
            rb = decay * rb + Vector512.ConditionalSelect(fb, beta, betaTimesZero);
            rc = decay * rc + Vector512.ConditionalSelect(fc, beta, betaTimesZero);
            rd = decay * rd + Vector512.ConditionalSelect(fd, beta, betaTimesZero);
            ta += eta * (ra - rStar);
            tb += eta * (rb - rStar);
            tc += eta * (rc - rStar);
            td += eta * (rd - rStar);
            Unsafe.Add(ref row, byteA) = (byte)(fa.ExtractMostSignificantBits() >> shiftA);
            Unsafe.Add(ref row, byteB) = (byte)(fb.ExtractMostSignificantBits() >> shiftB);
            Unsafe.Add(ref row, byteC) = (byte)(fc.ExtractMostSignificantBits() >> shiftC);
            Unsafe.Add(ref row, byteD) = (byte)(fd.ExtractMostSignificantBits() >> shiftD);
            row = ref Unsafe.Add(ref row, stride);
        }

        ha.StoreUnsafe(ref hits, ka);
        sa.StoreUnsafe(ref strength, ka);
        ta.StoreUnsafe(ref threshold, ka);
        ra.StoreUnsafe(ref ema, ka);
        hb.StoreUnsafe(ref hits, kb);
        sb.StoreUnsafe(ref strength, kb);
        tb.StoreUnsafe(ref threshold, kb);
        rb.StoreUnsafe(ref ema, kb);
        hc.StoreUnsafe(ref hits, kc);
        sc.StoreUnsafe(ref strength, kc);
        tc.StoreUnsafe(ref threshold, kc);
        rc.StoreUnsafe(ref ema, kc);
        hd.StoreUnsafe(ref hits, kd);
        sd.StoreUnsafe(ref strength, kd);
        td.StoreUnsafe(ref threshold, kd);
        rd.StoreUnsafe(ref ema, kd);
    }

    /// <summary>
    /// Where the pass bits of the window at <paramref name="offset"/> go in a mask row: a whole
    /// window fills byte offset/8; a ragged one (offset = count − 8, not a multiple of 8) keeps
    /// only its top lanes — the gates past the last whole window — shifted down to bit 0 of the
    /// byte after the last whole window.
    /// </summary>
    private static (int Byte, int Shift) Placement(int offset)
    {
        int skip = offset & 7;
        return skip == 0 ? (offset >> 3, 0) : ((offset >> 3) + 1, 8 - skip);
    }

    /// <summary>The reinforcement of eight gates: lanes below the hit cap step their strength (clamped) and count the hit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reinforce(ref Vector512<double> s, ref Vector256<int> h, Vector256<int> saturation, Vector512<double> delta,
        Vector512<double> minusOne, Vector512<double> one)
    {
        var below = Vector256.LessThan(h, saturation);
        var (low, high) = Vector256.Widen(below);
        var reinforce = Vector512.Create(low, high).AsDouble();
        var stepped = Vector512.Min(Vector512.Max(s + delta, minusOne), one);
        s = Vector512.ConditionalSelect(reinforce, stepped, s);
        h -= below;
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

    /// <summary>Runs whole groups of eight imprinted, unfrozen gates; returns the first edge left for the scalar loop.</summary>
    private static int FireVector(in GateColumns e, int start, int end, double x, in GateContext g, RangeResult result, int slot, int source)
    {
        ref double strength = ref MemoryMarshal.GetArrayDataReference(e.Strength);
        ref double threshold = ref MemoryMarshal.GetArrayDataReference(e.Threshold);
        ref double ema = ref MemoryMarshal.GetArrayDataReference(e.EmaRate);
        ref int hits = ref MemoryMarshal.GetArrayDataReference(e.Hits);
        ref byte flags = ref MemoryMarshal.GetArrayDataReference(e.Flags);
        var delta = Vector512.Create(g.Delta);
        var minusOne = Vector512.Create(-1.0);
        var one = Vector512.Create(1.0);
        var decay = Vector512.Create(1 - g.Weight.Beta);
        var beta = Vector512.Create(g.Weight.Beta);
        var eta = Vector512.Create(g.Weight.Eta);
        var rStar = Vector512.Create(g.Weight.RStar);
        var saturation = Vector256.Create(g.Weight.HitSaturation);
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

            var h = Vector256.LoadUnsafe(ref hits, (nuint)k);
            var below = Vector256.LessThan(h, saturation);
            var s = Vector512.LoadUnsafe(ref strength, (nuint)k);
            if (below != Vector256<int>.Zero)
            {
                var (low, high) = Vector256.Widen(below);
                var reinforce = Vector512.Create(low, high).AsDouble();
                var stepped = Vector512.Min(Vector512.Max(s + delta, minusOne), one);
                s = Vector512.ConditionalSelect(reinforce, stepped, s);
                (h - below).StoreUnsafe(ref hits, (nuint)k);
                s.StoreUnsafe(ref strength, (nuint)k);
            }

            var t = Vector512.LoadUnsafe(ref threshold, (nuint)k);
            var fired = Vector512.GreaterThan(s, t);
            var r = decay * Vector512.LoadUnsafe(ref ema, (nuint)k) + beta * Vector512.ConditionalSelect(fired, one, Vector512<double>.Zero);
            t += eta * (r - rStar);
            r.StoreUnsafe(ref ema, (nuint)k);
            t.StoreUnsafe(ref threshold, (nuint)k);
            uint mask = (uint)fired.ExtractMostSignificantBits();
            while (mask != 0)
            {
                int j = k + BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                e.LastStep[j] = g.Step;
                result.Emit(slot, source, e.Target[j], x);
            }
        }

        return k;
    }
}
