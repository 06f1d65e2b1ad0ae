namespace GrowNet.Ecs.Systems.Topology;

/// <summary>How a new block's skeleton M (and its weights) is made (<see cref="TopologyDefinition.Skeleton"/>).</summary>
public enum TopologySkeleton : byte
{
    /// <summary>No edges.</summary>
    Empty,
    /// <summary>
    /// Each ordered pair i ≠ j with probability <see cref="TopologyDefinition.InitialDensity"/>, from the
    /// world's counter-based streams, weights uniform in ±<see cref="TopologyDefinition.MaxInitialWeight"/>.
    /// </summary>
    Random,
    /// <summary>The edges listed in <see cref="TopologyDefinition.Edges"/>.</summary>
    Edges,
}
