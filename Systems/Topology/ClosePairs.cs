namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Where a sign group's rows could meet two magnitudes at the same rounded potentiality out of
/// index order ("close pairs"), and whether that happens at the K-th candidate's potentiality:
/// only then does the candidate merge gather every tie before it cuts (docs/topology.md).
/// </summary>
internal static class ClosePairs
{
    /// <summary>Most close pairs listed per group; more and every tie is gathered.</summary>
    public const int MaxClosePairs = 256;

    /// <summary>
    /// The group's "close pairs" (a, b), stored as close[2c] = a and close[2c + 1] = b: neighbours
    /// a &gt; b (sorted by |x| descending, then index) that some row could round to the same
    /// product, with b's vertex index below a's. Along a row P never rises; its keys could fall only at such a pair, because
    /// equal rounded products need (a − b) &lt; 2⁻²³·a (both within one ulp of each other). Equal
    /// magnitudes are already in index order. Returns how many; −1 when they are too many to list
    /// or when products could leave the normal range (a threshold of about 0 and a magnitude
    /// under 10⁻¹⁵), in which case every tie is gathered.
    /// </summary>
    public static int CloseMagnitudes(ReadOnlySpan<ulong> sorted, float threshold, float[] close)
    {
        if (sorted.Length == 0)
            return 0;
        if (threshold < 1e-30f && TopologyKeys.CandidateValue(sorted[^1]) < 1e-15f)
            return -1;
        int count = 0;
        for (int k = 1; k < sorted.Length; k++)
        {
            float a = TopologyKeys.CandidateValue(sorted[k - 1]);
            float b = TopologyKeys.CandidateValue(sorted[k]);
            if (a != b && a - b <= a * (1f / (1 << 22)) && TopologyKeys.Cell(sorted[k]) < TopologyKeys.Cell(sorted[k - 1]))
            {
                if (2 * count == close.Length)
                    return -1;
                close[2 * count] = a;
                close[2 * count + 1] = b;
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Whether some row of the group meets a close pair exactly at potentiality <paramref name="p"/>:
    /// a row magnitude m with fl(m·a) = fl(m·b) = p. Such an m lies within 2⁻²¹ of p / b, so a
    /// binary search in the group's descending magnitudes finds the few candidates, and each
    /// distinct one is checked exactly. (Saturated rows at exactly 1.0 multiply exactly and never
    /// collide.)
    /// </summary>
    public static bool CollidesAt(float p, ReadOnlySpan<ulong> sorted, float[] close, int count)
    {
        if (count < 0)
            return true;
        for (int c = 0; c < count; c++)
        {
            float a = close[2 * c], b = close[2 * c + 1];
            double low = p * (1 - 1.0 / (1 << 21)) / b, high = p * (1 + 1.0 / (1 << 21)) / b;
            // First position whose magnitude is at most `high` (magnitudes fall along the group).
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (TopologyKeys.CandidateValue(sorted[mid]) > high)
                    lo = mid + 1;
                else
                    hi = mid;
            }

            float previous = float.NaN;
            for (int k = lo; k < sorted.Length; k++)
            {
                float m = TopologyKeys.CandidateValue(sorted[k]);
                if (m < low)
                    break;
                if (m == previous)
                    continue;
                previous = m;
                float pa = m * a, pb = m * b;
                if (pa == pb && pb == p)
                    return true;
            }
        }

        return false;
    }
}
