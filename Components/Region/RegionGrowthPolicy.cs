using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Components.Region;

/// <summary>The optional region growth policy (grownet.md "Growth", off by default).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct RegionGrowthPolicy
{
    /// <summary>Whether the policy runs after every tick. Default false.</summary>
    public bool Enabled;

    // Declared padding up to the next 8-byte field, so it is always zero (see WeightConfig).
#pragma warning disable CS0169
    private byte padding1;
    private short padding2;
    private int padding4;
#pragma warning restore CS0169
    /// <summary>Average slots per slot neuron that triggers a new layer. Default 12.</summary>
    public double AvgSlotsThreshold;
    /// <summary>Percent of slot neurons at capacity and on fallback that triggers a new layer; ≤ 0 disables this trigger. Default 50.</summary>
    public double PercentAtCapacityThreshold;
    /// <summary>Steps between two policy layers. Default 20.</summary>
    public long LayerCooldownTicks;
    /// <summary>
    /// No layer is added by growth once the region has this many, by any route (a full layer's
    /// spillover and this policy, enabled or not); ≤ 0 means no cap. Default 32.
    /// </summary>
    public int MaxLayers;

#pragma warning disable CS0169
    private int paddingEnd;
#pragma warning restore CS0169

    /// <summary>The defaults (disabled).</summary>
    public static RegionGrowthPolicy Default => new()
    {
        Enabled = false,
        AvgSlotsThreshold = 12,
        PercentAtCapacityThreshold = 50,
        LayerCooldownTicks = 20,
        MaxLayers = 32,
    };

    /// <summary>Throws <see cref="ArgumentException"/> when a field is not usable.</summary>
    public readonly void Validate()
    {
        RegionChecks.Finite(AvgSlotsThreshold, "RegionGrowthPolicy.AvgSlotsThreshold");
        RegionChecks.Finite(PercentAtCapacityThreshold, "RegionGrowthPolicy.PercentAtCapacityThreshold");
        if (LayerCooldownTicks < 0)
            throw new ArgumentException($"RegionGrowthPolicy.LayerCooldownTicks must be ≥ 0, not {LayerCooldownTicks}.");
    }
}
