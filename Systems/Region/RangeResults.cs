namespace GrowNet.Ecs.Systems.Region;

/// <summary>A reusable array of <see cref="RangeResult"/>, one per range of a layer pass.</summary>
internal sealed class RangeResults
{
    public RangeResult[] Items = [];

    /// <summary>Makes sure at least <paramref name="ranges"/> results exist.</summary>
    public RangeResult[] Ensure(int ranges)
    {
        if (Items.Length < ranges)
        {
            int old = Items.Length;
            Array.Resize(ref Items, Math.Max(ranges, old * 2));
            for (int i = old; i < Items.Length; i++)
                Items[i] = new RangeResult();
        }

        return Items;
    }

    /// <summary>Grows the first <paramref name="ranges"/> results, when needed, for <paramref name="tracts"/> outgoing tracts and <paramref name="emits"/> events each.</summary>
    public void Reserve(int ranges, int tracts, int emits)
    {
        for (int i = 0; i < ranges; i++)
            Items[i].Reserve(tracts, emits);
    }

    /// <summary>Number of ranges of <paramref name="rangeSize"/> covering <paramref name="length"/> rows.</summary>
    public static int RangeCount(int length, int rangeSize) => (int)(((long)length + rangeSize - 1) / rangeSize);
}
