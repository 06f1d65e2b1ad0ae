using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Components.Region;

/// <summary>
/// One weight as a value: a slot of a neuron or the gate of a tract edge (grownet.md "Weight").
/// In a region the same state lives in SoA columns; this struct is the readable copy the
/// region hands out and the unit the golden traces are written for.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct Weight
{
    /// <summary>How open the gate is, in [-1, 1].</summary>
    public double Strength;
    /// <summary>The gate height.</summary>
    public double Threshold;
    /// <summary>Recent firing rate (EMA).</summary>
    public double EmaRate;
    /// <summary>Number of reinforcements applied.</summary>
    public int Hits;
    /// <summary>Imprinted and frozen bits.</summary>
    public WeightFlags Flags;

    /// <summary>Whether the T0 threshold has been imprinted.</summary>
    public readonly bool Imprinted => (Flags & WeightFlags.Imprinted) != 0;

    /// <summary>Whether the weight is frozen.</summary>
    public readonly bool Frozen => (Flags & WeightFlags.Frozen) != 0;

    /// <summary>Reinforces with the canonical constants.</summary>
    public void Reinforce(double modulation, double inhibition) => Reinforce(modulation, inhibition, WeightConfig.Default);

    /// <summary>Reinforces: see <see cref="WeightRule.Reinforce"/>.</summary>
    public void Reinforce(double modulation, double inhibition, in WeightConfig config)
        => WeightRule.Reinforce(ref Strength, ref Hits, (byte)Flags, modulation, inhibition, config);

    /// <summary>Updates the threshold with the canonical constants; returns whether it fired.</summary>
    public bool UpdateThreshold(double x) => UpdateThreshold(x, WeightConfig.Default);

    /// <summary>Updates the threshold: see <see cref="WeightRule.UpdateThreshold"/>.</summary>
    public bool UpdateThreshold(double x, in WeightConfig config)
    {
        byte flags = (byte)Flags;
        bool fired = WeightRule.UpdateThreshold(Strength, ref Threshold, ref EmaRate, ref flags, x, config);
        Flags = (WeightFlags)flags;
        return fired;
    }

    /// <summary>Freezes the weight.</summary>
    public void Freeze() => Flags |= WeightFlags.Frozen;

    /// <summary>Unfreezes the weight.</summary>
    public void Unfreeze() => Flags &= ~WeightFlags.Frozen;
}
