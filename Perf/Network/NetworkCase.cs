namespace GrowNet.Ecs.Perf.Network;

/// <summary>What one case of <see cref="NetworkBenchmarks"/> runs (always on one thread).</summary>
public enum NetworkCase
{
    /// <summary>The 4 096-cell compat pool, saturated drive (Perf/Pool's Compat4096/Saturated): the per-core reference rate.</summary>
    CompatPoolDriven,

    /// <summary>network.md's scale network: 16 standard pools, in-degree 100 inside and 20 from each of two other pools, Poisson drive.</summary>
    Scale,

    /// <summary>
    /// The scale network alternating with the compat pool: one scale tick, then <see cref="NetworkBenchmarks.CompatTicksAlongside"/>
    /// compat ticks from its checkpoint, per op, so both rates come from the scheduler's times under the same machine load.
    /// </summary>
    ScaleWithCompat,

    /// <summary>
    /// The two worlds of <see cref="Workloads.Network.TransmissionPair"/>, one tick of each per op (interleaved, so
    /// both see the same machine load): a pool's own synapses and the same synapses as a projection onto the pool.
    /// </summary>
    TransmissionPair,
}
