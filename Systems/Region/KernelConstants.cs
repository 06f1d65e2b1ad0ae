using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>The invariants of one slot-layer pass, copied into a local by each range so the loop keeps them in registers.</summary>
internal readonly struct KernelConstants
{
    public readonly double Delta;
    public readonly int Saturation;
    public readonly double ImprintFactor;
    public readonly double Decay;
    public readonly double Beta;
    public readonly double Eta;
    public readonly double RStar;
    public readonly bool FirstAnchor;
    public readonly double EpsilonScale;
    public readonly double BinWidth;
    public readonly bool Growth;
    public readonly int GrowthThreshold;
    public readonly int LayerLimit;

    public KernelConstants(in WeightConfig weight, in SlotConfig config, in BusState layerBus)
    {
        // The same product WeightRule.Reinforce forms on every call: computing it once changes no bit.
        Delta = weight.Step * layerBus.Modulation * (1 - layerBus.Inhibition);
        Saturation = weight.HitSaturation;
        ImprintFactor = 1 + weight.Eps;
        Decay = 1 - weight.Beta;
        Beta = weight.Beta;
        Eta = weight.Eta;
        RStar = weight.RStar;
        FirstAnchor = config.Anchor == SlotAnchor.First;
        EpsilonScale = config.EpsilonScale;
        BinWidth = Math.Max(0.1, config.BinWidthPct);
        Growth = config.GrowthEnabled && config.NeuronGrowthEnabled;
        GrowthThreshold = Math.Max(1, config.FallbackGrowthThreshold);
        LayerLimit = config.SlotLimit;
    }
}
