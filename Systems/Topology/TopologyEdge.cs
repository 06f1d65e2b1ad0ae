namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// One edge of a block's skeleton: <c>W[Row, Column] = Weight</c>, the weight with which vertex
/// <see cref="Column"/> drives vertex <see cref="Row"/> (<c>z_Row += Weight · x_Column</c>).
/// </summary>
/// <param name="Row">The receiving vertex i.</param>
/// <param name="Column">The sending vertex j.</param>
/// <param name="Weight">W[i, j], in [−1, 1].</param>
public readonly record struct TopologyEdge(int Row, int Column, float Weight);
