using GrowNet.Ecs.Components.Graph;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>One event of the last cycle-end structural step (see <see cref="GraphEventKind"/> for what each field holds).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Node">The predictor.</param>
/// <param name="Source">The tap's source (the clone, for a split).</param>
/// <param name="Lag">The tap's lag.</param>
/// <param name="Weight">The weight involved.</param>
/// <param name="Value">The gain or score involved.</param>
public readonly record struct GraphEvent(GraphEventKind Kind, int Node, int Source, int Lag, float Weight, double Value);
