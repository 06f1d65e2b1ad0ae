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
/// </summary>
internal static class GateKernel
{
    private const byte Imprinted = (byte)WeightFlags.Imprinted;
    private const ulong AllImprinted = 0x0101_0101_0101_0101UL;

    public static void Fire(in EdgeArrays edges, int start, int end, double x, in GateContext gates, BlockResult result, int slot, int source)
    {
        int k = start;
        if (Vector512.IsHardwareAccelerated)
            k = FireVector(edges, start, end, x, gates, result, slot, source);
        for (; k < end; k++)
            FireOne(edges, k, x, gates, result, slot, source);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FireOne(in EdgeArrays e, int k, double x, in GateContext g, BlockResult result, int slot, int source)
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
    private static int FireVector(in EdgeArrays e, int start, int end, double x, in GateContext g, BlockResult result, int slot, int source)
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
