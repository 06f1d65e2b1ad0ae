namespace GrowNet.Ecs.Components.Topology;

/// <summary>How a topology block chooses between its dense and sparse representations.</summary>
public enum RepresentationPolicy : byte
{
    /// <summary>
    /// Decided by density and the calibrated cost model, with hysteresis and a cooldown
    /// (docs/topology.md, "Crossover").
    /// </summary>
    Auto,

    /// <summary>Always dense float rows with a bit mask.</summary>
    Dense,

    /// <summary>Always compressed sparse rows.</summary>
    Sparse,
}
