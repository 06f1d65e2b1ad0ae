namespace GrowNet.Ecs.Perf.Network;

/// <summary>What one case of <see cref="NetworkBenchmarks"/> runs (always on one thread).</summary>
public enum NetworkCase
{
    /// <summary>The 4 096-cell compat pool, saturated drive (Perf/Pool's Compat4096/Saturated): the per-core reference rate.</summary>
    CompatPoolDriven,

    /// <summary>network.md's scale network: 16 standard pools, in-degree 100 inside and 20 from each of two other pools, Poisson drive.</summary>
    Scale,

    /// <summary>One standard pool (in-degree 100, Poisson drive): its own synapses carry the events.</summary>
    Intra,

    /// <summary>The same pool empty with a projection onto itself holding the same synapses: bit for bit the Intra run.</summary>
    Projection,
}
