namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// A stable least-significant-digit radix sort of 64-bit keys by their high 32 bits (three passes
/// of 11, 11 and 10 bits). Keys whose high words tie keep their input order, so when the input
/// lists them in ascending low word (for sort keys: ascending index) the result is exactly the
/// ascending order of the whole keys, in O(n) instead of a comparison sort's O(n log n).
/// </summary>
internal static class KeyRadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;

    /// <summary>Sorts <paramref name="keys"/> by high word, stably; <paramref name="scratch"/> holds at least as many keys.</summary>
    public static void SortByHighWord(Span<ulong> keys, Span<ulong> scratch, Span<int> counts)
    {
        if (keys.Length < 2)
            return;
        var source = keys;
        var target = scratch[..keys.Length];
        for (int shift = 32; shift < 64; shift += DigitBits)
        {
            var histogram = counts[..Buckets];
            histogram.Clear();
            foreach (ulong key in source)
                histogram[(int)(key >> shift) & (Buckets - 1)]++;
            // A digit every key shares orders nothing: skip the pass (typical for the exponent's bits).
            if (histogram[(int)(source[0] >> shift) & (Buckets - 1)] == source.Length)
                continue;
            int position = 0;
            for (int b = 0; b < Buckets; b++)
            {
                int count = histogram[b];
                histogram[b] = position;
                position += count;
            }

            foreach (ulong key in source)
                target[histogram[(int)(key >> shift) & (Buckets - 1)]++] = key;
            var swap = source;
            source = target;
            target = swap;
        }

        if (source != keys)
            source.CopyTo(keys);
    }
}
