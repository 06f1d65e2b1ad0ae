using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Components.Region;

/// <summary>
/// The two update rules of a weight (grownet.md "Weight") on column references, so slots and
/// gates stored in SoA columns and the standalone <see cref="Weight"/> run literally the same
/// floating-point operations.
/// </summary>
public static class WeightRule
{
    /// <summary>
    /// <c>Reinforce(modulation, inhibition)</c>: unless frozen or saturated,
    /// <c>strength = clamp(strength + Step * modulation * (1 - inhibition), -1, 1)</c> and one more hit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Reinforce(ref double strength, ref int hits, byte flags, double modulation, double inhibition, in WeightConfig config)
    {
        if ((flags & (byte)WeightFlags.Frozen) != 0 || hits >= config.HitSaturation)
            return;
        strength = Math.Clamp(strength + config.Step * modulation * (1 - inhibition), -1.0, 1.0);
        hits += 1;
    }

    /// <summary>
    /// <c>UpdateThreshold(x)</c>: T0 imprint on first use, fire when strength is strictly above
    /// the threshold, then T2 homeostasis. A frozen weight only reports <c>strength &gt; threshold</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool UpdateThreshold(double strength, ref double threshold, ref double emaRate, ref byte flags, double x, in WeightConfig config)
    {
        if ((flags & (byte)WeightFlags.Frozen) != 0)
            return strength > threshold;
        if ((flags & (byte)WeightFlags.Imprinted) == 0)
        {
            threshold = Math.Abs(x) * (1 + config.Eps);
            flags |= (byte)WeightFlags.Imprinted;
        }

        bool fired = strength > threshold;
        emaRate = (1 - config.Beta) * emaRate + config.Beta * (fired ? 1.0 : 0.0);
        threshold += config.Eta * (emaRate - config.RStar);
        return fired;
    }
}
