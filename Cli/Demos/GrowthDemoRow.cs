namespace GrowNet.Ecs.Cli.Demos;

/// <summary>One line of the growth demo: the hidden layer after tick <paramref name="Tick"/> (1-based).</summary>
/// <param name="Tick">Ticks completed.</param>
/// <param name="LitRow">Row of the lit pixel of that tick's frame.</param>
/// <param name="LitCol">Column of the lit pixel.</param>
/// <param name="HiddenNeuronsBeforeTick">Hidden neurons when the tick began.</param>
/// <param name="HiddenNeurons">Hidden neurons after the tick.</param>
/// <param name="Delivered">Deliveries of the tick's flush.</param>
/// <param name="GrownNeurons">Neurons grown by the tick.</param>
/// <param name="TotalSlots">Slots over all neurons.</param>
public readonly record struct GrowthDemoRow(int Tick, int LitRow, int LitCol, int HiddenNeuronsBeforeTick, int HiddenNeurons,
    long Delivered, int GrownNeurons, long TotalSlots);
