using GrowNet.Ecs.Engine;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Components.Region;

/// <summary>
/// How the neurons of a layer choose slots and when they ask for growth (grownet.md "Slot
/// selection" and "Growth"). A component of every layer entity; every neuron of the layer
/// uses it, and a neuron may override only the slot limit.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct SlotConfig : IComponent
{
    /// <inheritdoc />
    public static string StableName => "region.slotConfig";

    /// <summary>Width of a scalar bin in percent (clamped to ≥ 0.1 when used). Default 10.</summary>
    public double BinWidthPct;
    /// <summary>Smallest anchor magnitude divided by. Default 1e-6.</summary>
    public double EpsilonScale;
    /// <summary>Most slots per neuron; ≤ 0 means unlimited. Default 16.</summary>
    public int SlotLimit;
    /// <summary>Scalar anchor. Default <see cref="SlotAnchor.First"/>.</summary>
    public SlotAnchor Anchor;
    /// <summary>Whether events that carry a pixel position use 2D slot selection. Default false.</summary>
    public bool SpatialEnabled;
    /// <summary>2D anchor. Default <see cref="SpatialAnchor.First"/>.</summary>
    public SpatialAnchor SpatialAnchor;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding23;
#pragma warning restore CS0169
    /// <summary>Width of a row bin in percent. Default 50.</summary>
    public double RowBinWidthPct;
    /// <summary>Width of a column bin in percent. Default 50.</summary>
    public double ColBinWidthPct;
    /// <summary>Master switch of growth. Default true.</summary>
    public bool GrowthEnabled;
    /// <summary>Whether neurons may ask for a new neuron. Default true.</summary>
    public bool NeuronGrowthEnabled;
    /// <summary>Whether a full layer (neuron limit) may spill over into a new layer. Default false.</summary>
    public bool LayerGrowthEnabled;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding43;
#pragma warning restore CS0169
    /// <summary>Consecutive at-capacity fallbacks that trigger a growth request (at least 1 is used). Default 3.</summary>
    public int FallbackGrowthThreshold;
    /// <summary>Steps a neuron waits between growth requests. Default 0.</summary>
    public long NeuronGrowthCooldownTicks;

    /// <summary>The canonical defaults.</summary>
    public static SlotConfig Default => new()
    {
        BinWidthPct = 10.0,
        EpsilonScale = 1e-6,
        SlotLimit = 16,
        Anchor = SlotAnchor.First,
        SpatialEnabled = false,
        SpatialAnchor = SpatialAnchor.First,
        RowBinWidthPct = 50.0,
        ColBinWidthPct = 50.0,
        GrowthEnabled = true,
        NeuronGrowthEnabled = true,
        LayerGrowthEnabled = false,
        FallbackGrowthThreshold = 3,
        NeuronGrowthCooldownTicks = 0,
    };

    /// <summary>Throws <see cref="ArgumentException"/> when a field is not usable.</summary>
    public readonly void Validate()
    {
        RegionChecks.Finite(BinWidthPct, "SlotConfig.BinWidthPct");
        RegionChecks.Finite(RowBinWidthPct, "SlotConfig.RowBinWidthPct");
        RegionChecks.Finite(ColBinWidthPct, "SlotConfig.ColBinWidthPct");
        RegionChecks.Finite(EpsilonScale, "SlotConfig.EpsilonScale");
        if (EpsilonScale <= 0)
            throw new ArgumentException($"SlotConfig.EpsilonScale must be > 0, not {EpsilonScale}.");
        if (!Enum.IsDefined(Anchor))
            throw new ArgumentException($"SlotConfig.Anchor {(int)Anchor} is not a slot anchor.");
        if (!Enum.IsDefined(SpatialAnchor))
            throw new ArgumentException($"SlotConfig.SpatialAnchor {(int)SpatialAnchor} is not a spatial anchor.");
        if (NeuronGrowthCooldownTicks < 0)
            throw new ArgumentException($"SlotConfig.NeuronGrowthCooldownTicks must be ≥ 0, not {NeuronGrowthCooldownTicks}.");
    }
}
