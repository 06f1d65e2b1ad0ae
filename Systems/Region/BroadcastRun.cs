namespace GrowNet.Ecs.Systems.Region;

/// <summary>Phase B, a broadcast windowed tract: every queued pixel event reaches this neuron.</summary>
internal readonly struct BroadcastRun : IDeliveryRun
{
    private readonly double[] values;
    private readonly int[] sources;
    private readonly long ordinalBase;
    private readonly long stride;

    public BroadcastRun(TractDeliveries deliveries, int row)
    {
        values = deliveries.ItemValue;
        sources = deliveries.ItemSource;
        Count = deliveries.ItemCount;
        ordinalBase = deliveries.OrdinalBase + row;
        stride = deliveries.DestinationCount;
    }

    public int Count { get; }

    public double[]? SharedValues => values;

    public ReadOnlySpan<double> Values => values.AsSpan(0, Count);

    public double Value(int i) => values[i];

    public int Source(int i) => sources[i];

    public long Ordinal(int i) => ordinalBase + i * stride;
}
