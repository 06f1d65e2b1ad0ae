using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>A projection's summary (the pool's stats, for one synapse store between two pools).</summary>
public sealed record ProjectionStats(string Name, string Source, string Target, int Synapses, ulong Tick, ThermalCounts Thermal,
    double MeanAbsWeight, double MeanAbsEligibility)
{
    /// <inheritdoc />
    public override string ToString()
        => $"Projection '{Name}' ({Source} → {Target}): {Synapses} synapses, tick {Tick}, thermal {Thermal}, mean |w| {MeanAbsWeight:F1}, mean |e| {MeanAbsEligibility:F2}";
}
