using GrowNet.Ecs.Systems.Network;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>One entry of the scenario's <c>projections</c> map: the two pools and the projection's config record.</summary>
/// <param name="From">Name of the source pool.</param>
/// <param name="To">Name of the target pool.</param>
/// <param name="Definition">The projection's config record (<see cref="ProjectionDefinition"/>).</param>
public sealed record ProjectionEntry(string From, string To, ProjectionDefinition Definition);
