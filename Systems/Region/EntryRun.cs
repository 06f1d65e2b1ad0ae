namespace GrowNet.Ecs.Systems.Region;

/// <summary>Phase A: one port value.</summary>
internal readonly struct EntryRun(double value, long ordinal) : IDeliveryRun
{
    public int Count => 1;

    public double Value(int i) => value;

    public int Source(int i) => 0;

    public long Ordinal(int i) => ordinal;
}
