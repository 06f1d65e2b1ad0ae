namespace GrowNet.Ecs.Perf.Network;

/// <summary>One case's means: synaptic events per tick (inside pools and through projections) and per-system µs per tick.</summary>
/// <param name="IntraEvents">Events per tick of pools' own synapses.</param>
/// <param name="ProjectionEvents">Events per tick carried by projections.</param>
/// <param name="PoolSpikeMicroseconds">Scheduler mean of <c>PoolSpike</c> (drain, integration, own propagation) per tick; NaN until the run ends.</param>
/// <param name="ProjectionMicroseconds">Scheduler mean of <c>ProjectionTransmit</c> per tick; NaN until the run ends.</param>
public sealed record NetworkMeans(double IntraEvents, double ProjectionEvents, double PoolSpikeMicroseconds = double.NaN, double ProjectionMicroseconds = double.NaN)
{
    /// <summary>Ticks per benchmark op.</summary>
    public int TicksPerOp { get; init; } = 1;

    /// <summary>All events per tick.</summary>
    public double Events => IntraEvents + ProjectionEvents;
}
