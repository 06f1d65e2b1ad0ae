using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// One tract's events for the coming flush, in canonical order (source row, then queue order,
/// which is edge order within a fire and fire order within a source), and, for a gated tract,
/// bucketed by target so each destination neuron finds its own deliveries in that order.
/// Scratch rebuilt every flush; its arrays only grow.
/// </summary>
internal sealed class TractDeliveries
{
    /// <summary>Phase B ordinals sit above every phase A ordinal.</summary>
    public const long FlushOrdinalBase = 1L << 62;

    public int TractIndex;
    public bool Broadcast;
    public bool SourceIsPixels;
    public int SourceWidth = 1;
    public int DestinationCount;
    public long OrdinalBase;

    public int ItemCount;
    public int[] ItemSource = new int[16];
    public int[] ItemTarget = new int[16];
    public double[] ItemValue = new double[16];

    public int DeliveryCount;
    public int[] BucketStart = new int[16];
    public double[] DeliveryValue = new double[16];
    public int[] DeliverySource = new int[16];
    public long[] DeliveryOrdinal = new long[16];

    private int[] sortSource = new int[16];
    private int[] sortTarget = new int[16];
    private double[] sortValue = new double[16];
    private int[] counts = new int[16];

    /// <summary>Deliveries this tract makes in the flush.</summary>
    public long Deliveries => Broadcast ? (long)ItemCount * DestinationCount : DeliveryCount;

    /// <summary>
    /// Moves the queued events (pending first, then entry) into the item arrays, sorted stably by
    /// source row, and empties both queues.
    /// </summary>
    public void Gather(World world, in TractInfo info, in TractState state, int sourceCount, in LayerInfo sourceLayer, int destinationCount)
    {
        TractIndex = info.Index;
        Broadcast = info.Broadcast;
        SourceIsPixels = sourceLayer.Kind == LayerKind.Input2D;
        SourceWidth = Math.Max(1, sourceLayer.Width);
        DestinationCount = destinationCount;
        OrdinalBase = FlushOrdinalBase | ((long)info.Index << 40);

        var pending = world.GetTable(state.PendingQueue);
        var entry = world.GetTable(state.EntryQueue);
        int total = pending.Count + entry.Count;
        EnsureItems(total);
        CopyQueue(pending, 0);
        CopyQueue(entry, pending.Count);

        ItemCount = total;
        if (!IsSortedBySource())
            SortBySource(sourceCount);
        if (pending.Count > 0)
            world.ResizeTable(state.PendingQueue, 0);
        if (entry.Count > 0)
            world.ResizeTable(state.EntryQueue, 0);
    }

    /// <summary>Buckets the items of a gated tract by target (stable), numbering each delivery canonically.</summary>
    public void BucketByTarget()
    {
        int targets = DestinationCount;
        if (counts.Length < targets + 1)
            counts = new int[Math.Max(targets + 1, counts.Length * 2)];
        if (BucketStart.Length < targets + 1)
            BucketStart = new int[Math.Max(targets + 1, BucketStart.Length * 2)];
        var count = counts.AsSpan(0, targets + 1);
        count.Clear();
        for (int k = 0; k < ItemCount; k++)
            count[ItemTarget[k] + 1]++;
        for (int t = 0; t < targets; t++)
            count[t + 1] += count[t];
        count.CopyTo(BucketStart);
        EnsureDeliveries(ItemCount);
        for (int k = 0; k < ItemCount; k++)
        {
            int slot = count[ItemTarget[k]]++;
            DeliveryValue[slot] = ItemValue[k];
            DeliverySource[slot] = ItemSource[k];
            DeliveryOrdinal[slot] = OrdinalBase + k;
        }

        DeliveryCount = ItemCount;
    }

    private void CopyQueue(Table queue, int at)
    {
        queue.Span(RegionColumns.QueueSource).CopyTo(ItemSource.AsSpan(at));
        queue.Span(RegionColumns.QueueTarget).CopyTo(ItemTarget.AsSpan(at));
        queue.Span(RegionColumns.QueueValue).CopyTo(ItemValue.AsSpan(at));
    }

    private bool IsSortedBySource()
    {
        for (int k = 1; k < ItemCount; k++)
        {
            if (ItemSource[k] < ItemSource[k - 1])
                return false;
        }

        return true;
    }

    private void SortBySource(int sourceCount)
    {
        if (counts.Length < sourceCount + 1)
            counts = new int[Math.Max(sourceCount + 1, counts.Length * 2)];
        var count = counts.AsSpan(0, sourceCount + 1);
        count.Clear();
        for (int k = 0; k < ItemCount; k++)
            count[ItemSource[k] + 1]++;
        for (int s = 0; s < sourceCount; s++)
            count[s + 1] += count[s];
        if (sortSource.Length < ItemCount)
        {
            sortSource = new int[ItemSource.Length];
            sortTarget = new int[ItemSource.Length];
            sortValue = new double[ItemSource.Length];
        }

        for (int k = 0; k < ItemCount; k++)
        {
            int slot = count[ItemSource[k]]++;
            sortSource[slot] = ItemSource[k];
            sortTarget[slot] = ItemTarget[k];
            sortValue[slot] = ItemValue[k];
        }

        (ItemSource, sortSource) = (sortSource, ItemSource);
        (ItemTarget, sortTarget) = (sortTarget, ItemTarget);
        (ItemValue, sortValue) = (sortValue, ItemValue);
    }

    /// <summary>
    /// Grows the scratch, when needed, for <paramref name="events"/> items of a tract from
    /// <paramref name="sourceCount"/> into <paramref name="destinationCount"/> rows, so a flush
    /// of that size allocates nothing (a no-op once reserved).
    /// </summary>
    public void Reserve(int events, int sourceCount, int destinationCount)
    {
        EnsureItems(events);
        EnsureDeliveries(events);
        if (sortSource.Length < ItemSource.Length)
        {
            sortSource = new int[ItemSource.Length];
            sortTarget = new int[ItemSource.Length];
            sortValue = new double[ItemSource.Length];
        }

        int rows = Math.Max(sourceCount, destinationCount) + 1;
        if (counts.Length < rows)
            counts = new int[rows];
        if (BucketStart.Length < destinationCount + 1)
            BucketStart = new int[destinationCount + 1];
    }

    private void EnsureItems(int size)
    {
        if (ItemSource.Length >= size)
            return;
        int capacity = Math.Max(size, ItemSource.Length * 2);
        ItemSource = new int[capacity];
        ItemTarget = new int[capacity];
        ItemValue = new double[capacity];
    }

    private void EnsureDeliveries(int size)
    {
        if (DeliveryValue.Length >= size)
            return;
        int capacity = Math.Max(size, DeliveryValue.Length * 2);
        DeliveryValue = new double[capacity];
        DeliverySource = new int[capacity];
        DeliveryOrdinal = new long[capacity];
    }
}
