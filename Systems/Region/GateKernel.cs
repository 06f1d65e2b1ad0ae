using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Systems.Lanes;

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
internal static partial class GateKernel
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
    /// mask keeps only its own gates). Two-lane registers (one window per pass) run the gates past
    /// the last whole window as a tail pass of their own (<see cref="PassLayout.Tail"/>). Without
    /// accelerated <typeparamref name="TLanes"/> every gate takes the scalar rule.
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
        // With one window per pass the ragged window has no pass to share; the tail runs as its own
        // pass of two-lane registers instead (it needs two gates: a lone one takes the scalar rule).
        if (vector && WindowsPerPass<TLanes>() == 1 && ragged >= 2 && edges.Flags.AsSpan(start + whole * 8, ragged).IndexOfAnyExcept(Imprinted) < 0)
            FirePass<TLanes>(edges, start, PassLayout.Tail(whole * 8, ragged), fires, fireCount, gates, masks, stride);
        else if (!raggedVector)
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
