namespace GrowNet.Ecs.Systems.Region;

/// <summary>Phase B, a gated tract: this neuron's bucket of deliveries.</summary>
internal readonly struct BucketRun : IDeliveryRun
{
    private readonly double[] values;
    private readonly int[] sources;
    private readonly long[] ordinals;
    private readonly int from;

    public BucketRun(TractDeliveries deliveries, int row)
    {
        values = deliveries.DeliveryValue;
        sources = deliveries.DeliverySource;
        ordinals = deliveries.DeliveryOrdinal;
        from = deliveries.BucketStart[row];
        Count = deliveries.BucketStart[row + 1] - from;
    }

    public int Count { get; }

    public double[]? SharedValues => null;

    public ReadOnlySpan<double> Values => values.AsSpan(from, Count);

    public double Value(int i) => values[from + i];

    public int Source(int i) => sources[from + i];

    public long Ordinal(int i) => ordinals[from + i];
}
