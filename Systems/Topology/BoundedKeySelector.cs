namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Collects the <c>keep</c> smallest keys below a bound in a fixed region of a scratch array:
/// keys are appended until the region is full, then the region is cut back to the smallest
/// <c>keep</c> and the bound drops to the largest of them (amortised O(1) per offered key).
/// </summary>
internal struct BoundedKeySelector
{
    private readonly ulong[] buffer;
    private readonly int start;
    private readonly int capacity;
    private readonly int keep;
    private int count;

    /// <summary>Creates a selector over <c>buffer[start .. start + capacity)</c>; capacity must exceed keep.</summary>
    public BoundedKeySelector(ulong[] buffer, int start, int capacity, int keep, ulong bound)
    {
        this.buffer = buffer;
        this.start = start;
        this.capacity = capacity;
        this.keep = keep;
        count = 0;
        Bound = bound;
    }

    /// <summary>Keys at or above this cannot be among the smallest; offers of them are ignored.</summary>
    public ulong Bound { get; private set; }

    /// <summary>Keys held.</summary>
    public readonly int Count => count;

    /// <summary>Offers a key (ignored unless below <see cref="Bound"/>).</summary>
    public void Offer(ulong key)
    {
        if (key >= Bound)
            return;
        buffer[start + count++] = key;
        if (count == capacity)
            Shrink();
    }

    /// <summary>Cuts the held keys to the smallest <c>keep</c>, sorted ascending; returns how many.</summary>
    public int Finish()
    {
        FinishUnordered();
        var held = buffer.AsSpan(start, count);
        // Keys offered in ascending order (a merge's output) need no sort.
        for (int k = 1; k < held.Length; k++)
        {
            if (held[k] < held[k - 1])
            {
                held.Sort();
                break;
            }
        }

        return count;
    }

    /// <summary>Cuts the held keys to the smallest <c>keep</c>, in no particular order; returns how many.</summary>
    public int FinishUnordered()
    {
        if (count > keep)
        {
            KeySelection.PartitionSmallest(buffer.AsSpan(start, count), keep);
            count = keep;
        }

        return count;
    }

    private void Shrink()
    {
        var held = buffer.AsSpan(start, count);
        KeySelection.PartitionSmallest(held, keep);
        ulong largest = 0;
        foreach (ulong key in held[..keep])
            largest = Math.Max(largest, key);
        count = keep;
        // Only keys below the largest kept one can still displace it.
        Bound = largest;
    }
}
