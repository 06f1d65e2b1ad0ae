using GrowNet.Ecs.Engine;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Components.Region;

/// <summary>Region-wide settings; a component of the region entity.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct RegionConfig : IComponent
{
    /// <inheritdoc />
    public static string StableName => "region.config";

    /// <summary>Constants of every slot and gate of the region.</summary>
    public WeightConfig Weight;
    /// <summary>Inhibition an inhibitory neuron's fire sets on its layer bus. Default 0.7.</summary>
    public double InhibitionPulse;
    /// <summary>Modulation a modulatory neuron's fire sets on its layer bus. Default 1.5.</summary>
    public double ModulationPulse;
    /// <summary>Inhibition decay of the region bus and of new layer buses. Default 0.9.</summary>
    public double InhibitionDecay;
    /// <summary>Whether 2D ticks report active pixels, centroid and bounding box. Default false.</summary>
    public bool SpatialMetrics;

    // Declared padding up to the next 8-byte field, so it is always zero (see WeightConfig).
#pragma warning disable CS0169
    private byte padding1;
    private short padding2;
    private int padding4;
#pragma warning restore CS0169
    /// <summary>The optional region growth policy.</summary>
    public RegionGrowthPolicy Growth;
    /// <summary>Prune every this many ticks in the Prune phase; 0 (default) prunes only when the host asks.</summary>
    public long AutoPruneInterval;
    /// <summary>Stale window of automatic pruning. Default 10 000.</summary>
    public long AutoPruneStaleWindow;
    /// <summary>Minimum strength of automatic pruning. Default 0.05.</summary>
    public double AutoPruneMinStrength;

    /// <summary>The canonical defaults.</summary>
    public static RegionConfig Default => new()
    {
        Weight = WeightConfig.Default,
        InhibitionPulse = 0.7,
        ModulationPulse = 1.5,
        InhibitionDecay = 0.9,
        SpatialMetrics = false,
        Growth = RegionGrowthPolicy.Default,
        AutoPruneInterval = 0,
        AutoPruneStaleWindow = 10_000,
        AutoPruneMinStrength = 0.05,
    };

    /// <summary>Throws <see cref="ArgumentException"/> when a field is not usable.</summary>
    public readonly void Validate()
    {
        Weight.Validate();
        Growth.Validate();
        RegionChecks.Finite(InhibitionPulse, "RegionConfig.InhibitionPulse");
        RegionChecks.Finite(ModulationPulse, "RegionConfig.ModulationPulse");
        RegionChecks.Finite(InhibitionDecay, "RegionConfig.InhibitionDecay");
        RegionChecks.Finite(AutoPruneMinStrength, "RegionConfig.AutoPruneMinStrength");
        if (AutoPruneInterval < 0 || AutoPruneStaleWindow < 0)
            throw new ArgumentException("RegionConfig.AutoPruneInterval and AutoPruneStaleWindow must be ≥ 0.");
    }
}
