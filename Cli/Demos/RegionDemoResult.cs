using GrowNet.Ecs.Systems.Region;
namespace GrowNet.Ecs.Cli.Demos;

/// <summary>What the region demo printed: the periodic metric rows and the final pruning summary.</summary>
/// <param name="Rows">One row every <c>every</c> ticks.</param>
/// <param name="Prune">The pruning summary after the last tick.</param>
public sealed record RegionDemoResult(IReadOnlyList<RegionDemoRow> Rows, PruneResult Prune);
