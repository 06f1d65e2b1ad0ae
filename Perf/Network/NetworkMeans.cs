namespace GrowNet.Ecs.Perf.Network;

/// <summary>One case's means: synaptic events per op and, after the run, the per-event costs from the scheduler's per-system times.</summary>
/// <param name="IntraEvents">Events per op of pools' own synapses.</param>
/// <param name="ProjectionEvents">Events per op carried by projections.</param>
public sealed record NetworkMeans(double IntraEvents, double ProjectionEvents)
{
    /// <summary>All events per op.</summary>
    public double Events => IntraEvents + ProjectionEvents;

    /// <summary>
    /// ns per pool event: in the pair, the intra world's <c>PoolSpike</c> time minus the projection world's (drain and
    /// integration only) per event; in the scale network, <c>PoolSpike</c> (integration included) per own event. NaN until the run ends.
    /// </summary>
    public double PoolEventNanoseconds { get; init; } = double.NaN;

    /// <summary>ScaleWithCompat: the scale network's events/s over the compat pool's, both from scheduler times in the same ops. NaN otherwise.</summary>
    public double AlternatingRatio { get; init; } = double.NaN;

    /// <summary>ns per projected event: <c>ProjectionTransmit</c> time per projected event. NaN until the run ends.</summary>
    public double ProjectionEventNanoseconds { get; init; } = double.NaN;
}
