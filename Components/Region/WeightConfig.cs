using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Components.Region;

/// <summary>
/// The constants of a <see cref="Weight"/> (a slot or a synapse gate), grownet.md "Weight".
/// Blittable, so a region keeps one in its <see cref="RegionConfig"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct WeightConfig
{
    /// <summary>Reinforcement step. Default 0.001.</summary>
    public double Step;
    /// <summary>T0 slack: the first threshold is <c>|x| * (1 + Eps)</c>. Default 0.02.</summary>
    public double Eps;
    /// <summary>EMA horizon of the firing rate. Default 0.01.</summary>
    public double Beta;
    /// <summary>Threshold adaptation speed. Default 0.02.</summary>
    public double Eta;
    /// <summary>Target firing rate. Default 0.05.</summary>
    public double RStar;
    /// <summary>Reinforcements after which a weight stops changing its strength. Default 10 000.</summary>
    public int HitSaturation;

    // Padding is declared, so it is always zero: a JIT-built copy may leave implicit padding as
    // stack garbage, and world bytes (files, state hashes) must not depend on that.
#pragma warning disable CS0169
    private int padding;
#pragma warning restore CS0169

    /// <summary>The canonical constants.</summary>
    public static WeightConfig Default => new()
    {
        Step = 0.001,
        Eps = 0.02,
        Beta = 0.01,
        Eta = 0.02,
        RStar = 0.05,
        HitSaturation = 10_000,
    };

    /// <summary>Throws <see cref="ArgumentException"/> when a constant is not a finite number or the saturation is negative.</summary>
    public readonly void Validate()
    {
        RegionChecks.Finite(Step, "WeightConfig.Step");
        RegionChecks.Finite(Eps, "WeightConfig.Eps");
        RegionChecks.Finite(Beta, "WeightConfig.Beta");
        RegionChecks.Finite(Eta, "WeightConfig.Eta");
        RegionChecks.Finite(RStar, "WeightConfig.RStar");
        if (HitSaturation < 0)
            throw new ArgumentException($"WeightConfig.HitSaturation must be ≥ 0, not {HitSaturation}.");
    }
}
