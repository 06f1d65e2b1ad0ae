namespace GrowNet.Ecs.Systems.Pool;

/// <summary>How a new pool's synapses are made (pool.md, "Generators").</summary>
public enum PoolGenerator
{
    /// <summary>No synapses.</summary>
    Empty,
    /// <summary>neuropool 0.1's generator, bit-exact (its own LCG; density as a float).</summary>
    Compat,
    /// <summary>The standard generator: every ordered pair independently with probability <c>density</c>.</summary>
    Standard,
    /// <summary>The standard generator with exactly <c>outDegree</c> distinct targets per cell.</summary>
    FixedOutDegree,
}
