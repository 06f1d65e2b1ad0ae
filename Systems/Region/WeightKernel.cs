using System.Runtime.CompilerServices;
using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The weight rule (grownet.md "Weight") as the slot kernels run it, on column references with
/// the pass's precomputed constants (<see cref="KernelConstants"/>: the reinforcement step is one
/// product per pass, the same product <see cref="WeightRule.Reinforce"/> forms per call, so no
/// bit changes). <see cref="Apply"/> is the whole rule for any weight; <see cref="Steady"/> is its
/// branch for an imprinted, unfrozen weight (what a slot is after its first input), written
/// branch-free so a run of inputs stays in registers. The eight- and sixteen-lane forms of the
/// same operations are <see cref="GateKernel"/> (gates) and <see cref="SlotChains"/> (slots).
/// </summary>
internal static class WeightKernel
{
    /// <summary>Reinforce, then update the threshold with input <paramref name="x"/>; returns whether the weight fired.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Apply(ref double strength, ref double threshold, ref double emaRate, ref int hits, ref byte flags, double x, in KernelConstants k)
    {
        bool frozen = (flags & (byte)WeightFlags.Frozen) != 0;
        if (!frozen && hits < k.Saturation)
        {
            strength = Math.Clamp(strength + k.Delta, -1.0, 1.0);
            hits += 1;
        }

        if (frozen)
            return strength > threshold;
        if ((flags & (byte)WeightFlags.Imprinted) == 0)
        {
            threshold = Math.Abs(x) * k.ImprintFactor;
            flags |= (byte)WeightFlags.Imprinted;
        }

        bool fired = strength > threshold;
        emaRate = k.Decay * emaRate + k.Beta * (fired ? 1.0 : 0.0);
        threshold += k.Eta * (emaRate - k.RStar);
        return fired;
    }

    /// <summary>
    /// <see cref="Apply"/> for an imprinted, unfrozen weight, constants passed as values so a
    /// caller's loop keeps them in registers. Returns 1 when the weight fired, else 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Steady(ref double strength, ref double threshold, ref double emaRate, ref int hits,
        int saturation, double delta, double decay, double beta, double eta, double rStar)
    {
        if (hits < saturation)
        {
            strength = Math.Clamp(strength + delta, -1.0, 1.0);
            hits += 1;
        }

        int fired = strength > threshold ? 1 : 0;
        // (double)fired is exactly 1.0 or +0.0, the values the rule multiplies by beta.
        double ema = decay * emaRate + beta * fired;
        emaRate = ema;
        threshold += eta * (ema - rStar);
        return fired;
    }
}
