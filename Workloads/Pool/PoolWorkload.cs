namespace GrowNet.Ecs.Workloads.Pool;

/// <summary>The pool shapes of the tick benchmarks (issue 2 §5).</summary>
public enum PoolWorkload
{
    /// <summary>Compat pool, 4 096 cells at density 0.02 (524 282 synapses).</summary>
    Compat4096,

    /// <summary>Compat pool, 65 536 cells at density 0.00015 (1 288 686 synapses).</summary>
    Compat65536,

    /// <summary>Standard (Bernoulli) pool, 65 536 cells at 2 % true density (~86 M synapses, ~690 MB).</summary>
    Standard65536,
}
