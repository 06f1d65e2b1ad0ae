using GrowNet.Ecs.Systems.Network;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>A scenario's projection: source pool, target pool and the projection's config record.</summary>
/// <param name="From">Source pool A.</param>
/// <param name="To">Target pool B.</param>
/// <param name="Definition">Generator and plasticity settings.</param>
public sealed record ProjectionEntry(string From, string To, ProjectionDefinition Definition);
