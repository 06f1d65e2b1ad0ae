using GrowNet.Ecs.Components.Topology;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>A summary of one block at a moment between ticks.</summary>
/// <param name="Vertices">N.</param>
/// <param name="Edges">|E|.</param>
/// <param name="EdgeBudget">E_max = ceil(ρmax · N²).</param>
/// <param name="MeanAbsWeight">Mean |W| over the edges (0 without edges).</param>
/// <param name="Activity">Mean |x| over the vertices.</param>
/// <param name="Representation">The representation in use.</param>
/// <param name="Tick">Ticks completed by the block.</param>
public readonly record struct TopologyStatistics(
    int Vertices,
    int Edges,
    int EdgeBudget,
    double MeanAbsWeight,
    double Activity,
    TopologyRepresentation Representation,
    ulong Tick)
{
    /// <summary>|E| / N².</summary>
    public double Density => Vertices == 0 ? 0 : Edges / ((double)Vertices * Vertices);
}
