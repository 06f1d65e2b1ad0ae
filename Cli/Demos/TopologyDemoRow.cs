using GrowNet.Ecs.Components.Topology;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>One report of <see cref="TopologyDemo"/>.</summary>
/// <param name="Tick">Ticks completed.</param>
/// <param name="Edges">|E|.</param>
/// <param name="Density">|E| / N².</param>
/// <param name="MeanAbsWeight">Mean |W| over the edges.</param>
/// <param name="Activity">Mean |x| over the vertices.</param>
/// <param name="Output">The output vertex's activation at the report.</param>
/// <param name="OutputActiveFraction">Fraction of the ticks since the last report on which the output vertex was active (rewarded).</param>
/// <param name="Representation">The representation in use.</param>
public readonly record struct TopologyDemoRow(
    ulong Tick,
    int Edges,
    double Density,
    double MeanAbsWeight,
    double Activity,
    float Output,
    double OutputActiveFraction,
    TopologyRepresentation Representation);
