namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Selection of the k smallest 64-bit keys without sorting everything. Keys encode a total
/// order (a float's bits above an index), so the selected set is unique and does not depend on
/// the order keys were offered in, on block boundaries, or on thread count.
/// </summary>
internal static class KeySelection
{
    /// <summary>Rearranges <paramref name="keys"/> so its first <paramref name="count"/> elements are the smallest (in no order).</summary>
    public static void PartitionSmallest(Span<ulong> keys, int count)
    {
        if (count <= 0 || count >= keys.Length)
            return;
        int target = count - 1;
        int lo = 0, hi = keys.Length - 1;
        while (hi > lo)
        {
            if (hi - lo < 24)
            {
                keys[lo..(hi + 1)].Sort();
                return;
            }

            ulong a = keys[lo], b = keys[lo + (hi - lo) / 2], c = keys[hi];
            ulong pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (keys[i] < pivot)
                    i++;
                while (keys[j] > pivot)
                    j--;
                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    i++;
                    j--;
                }
            }

            if (target <= j)
                hi = j;
            else if (target >= i)
                lo = i;
            else
                return;
        }
    }
}
