namespace GrowNet.Ecs.Systems.Region;

/// <summary>What <see cref="Region.Prune"/> removed: edges of tracts within one layer, and between layers.</summary>
/// <param name="PrunedSynapses">Removed edges whose source and destination layer are the same.</param>
/// <param name="PrunedEdges">Removed edges between two layers.</param>
public readonly record struct PruneResult(int PrunedSynapses, int PrunedEdges);
