namespace GrowNet.Ecs.Systems.Pool;

/// <summary>A pool's summary (neuropool 0.1 <c>PoolStats</c>).</summary>
public sealed record PoolStats(
    string Name,
    int Cells,
    int Excitatory,
    int Inhibitory,
    int Synapses,
    ulong Tick,
    int LastSpikes,
    ThermalCounts Thermal,
    double MeanAbsWeight,
    double MeanAbsEligibility)
{
    /// <inheritdoc />
    public override string ToString()
        => $"Pool '{Name}': {Cells} cells ({Excitatory}E/{Inhibitory}I), {Synapses} synapses, tick {Tick}, " +
           $"last spikes {LastSpikes}, thermal {Thermal}, mean |w| {MeanAbsWeight:F1}, mean |e| {MeanAbsEligibility:F2}";
}
