namespace GrowNet.Ecs.Components.Topology;

/// <summary>The storage a topology block's skeleton and weights are held in right now.</summary>
public enum TopologyRepresentation : byte
{
    /// <summary>
    /// Row-major float32 weights with a row stride (a multiple of 64) and one mask bit per cell,
    /// in the block's dense weight and mask tables.
    /// </summary>
    Dense,

    /// <summary>Compressed sparse rows: a row start and degree per vertex, (column, weight) per edge.</summary>
    Sparse,
}
