namespace GrowNet.Ecs.Cli.Demos;

/// <summary>One printed line of the region demo: the metrics after tick <paramref name="Tick"/> (1-based).</summary>
/// <param name="Tick">Ticks completed.</param>
/// <param name="Delivered">
/// Deliveries: in the rows the demo prints (every <c>every</c> ticks), those of every tick since the
/// previous printed row; in the per-tick rows (<c>onTick</c>, the metrics CSV), that tick's flush.
/// </param>
/// <param name="TotalSlots">Slots over all neurons.</param>
/// <param name="TotalSynapses">Edges over all tracts.</param>
/// <param name="FiredInput">Fires of the input layer that tick.</param>
/// <param name="FiredOutput">Fires of the output layer that tick.</param>
public readonly record struct RegionDemoRow(int Tick, long Delivered, long TotalSlots, long TotalSynapses, int FiredInput, int FiredOutput);
