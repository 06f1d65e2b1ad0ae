using System.Numerics;
using System.Runtime.CompilerServices;
using GrowNet.Ecs.Components.Topology;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>Walks one row of a sign group: the next non-edge, not the row's own vertex, with P above the threshold.</summary>
internal readonly struct RowScan
{
    // Sparse rows up to this many edges are searched by a vectorised scan, longer ones by bisection.
    private const int ShortRow = 256;
    // Membership tests a sparse row's walk makes before it builds its leading window.
    private const int PlainProbes = 4;

    private readonly ulong[] sorted;
    private readonly DenseSkeleton dense;
    private readonly SparseSkeleton sparse;
    private readonly TopologyRepresentation representation;
    private readonly int vertexCount;
    private readonly int positives;
    private readonly float threshold;
    private readonly LeadingWindow window;
    private readonly int negativeStart;

    /// <summary>
    /// Walks rows of <paramref name="sorted"/> (the positive group at the front, the negative one at
    /// the back, each by |x| descending) over the skeleton in <paramref name="representation"/>
    /// (<paramref name="dense"/> or <paramref name="sparse"/>; the other is default).
    /// </summary>
    public RowScan(ulong[] sorted, in DenseSkeleton dense, in SparseSkeleton sparse, TopologyRepresentation representation, int vertexCount,
        int positives, int negatives, float threshold, in LeadingWindow window)
    {
        negativeStart = vertexCount - negatives;
        this.sorted = sorted;
        this.dense = dense;
        this.sparse = sparse;
        this.vertexCount = vertexCount;
        this.representation = representation;
        this.positives = positives;
        this.threshold = threshold;
        this.window = window;
    }

    /// <summary>The first group position of row <paramref name="a"/>'s sign group.</summary>
    public int GroupStart(int a) => a < positives ? 0 : negativeStart;

    /// <summary>From group position <paramref name="from"/> on, the first pair of row <paramref name="a"/> that is a candidate.</summary>
    public bool Next(int a, int from, out int b, out ulong key)
    {
        int n = vertexCount;
        int end = a < positives ? positives : n;
        int groupStart = GroupStart(a);
        ulong row = sorted[a];
        int u = TopologyKeys.Cell(row);
        float xu = TopologyKeys.CandidateValue(row);
        b = from;
        if (window.Words > 0)
        {
            if (!window.IsBuilt(u))
            {
                // Most rows meet an open partner within a few steps: try those with plain
                // membership tests before paying for the window (O(degree)).
                for (int probes = 0; b < end && probes < PlainProbes; b++)
                {
                    if (b == a)
                        continue;
                    ulong column = sorted[b];
                    float p = xu * TopologyKeys.CandidateValue(column);
                    if (!(p > threshold))
                    {
                        key = 0;
                        return false;
                    }

                    int v = TopologyKeys.Cell(column);
                    probes++;
                    if (!IsEdge(u, v))
                    {
                        key = TopologyKeys.Candidate(p, u * n + v);
                        return true;
                    }
                }

                window.Build(sparse, u, a < positives ? 0 : 1);
            }

            // Inside the leading window a bit scan finds the next rank that is neither an edge nor u.
            int windowEnd = Math.Min(end, groupStart + window.Words * 64);
            while (b < windowEnd)
            {
                int rank = b - groupStart;
                ulong open = ~window.Word(u, rank >> 6) & (ulong.MaxValue << (rank & 63));
                if (open == 0)
                {
                    b = groupStart + ((rank >> 6) + 1) * 64;
                    continue;
                }

                b = groupStart + (rank & ~63) + BitOperations.TrailingZeroCount(open);
                if (b >= windowEnd)
                    break;
                return Candidate(u, xu, b, n, out key);
            }
        }

        for (; b < end; b++)
        {
            if (b == a)
                continue;
            ulong column = sorted[b];
            float p = xu * TopologyKeys.CandidateValue(column);
            // Further down the row P only falls: nothing left above the threshold.
            if (!(p > threshold))
                break;
            int v = TopologyKeys.Cell(column);
            if (!IsEdge(u, v))
            {
                key = TopologyKeys.Candidate(p, u * n + v);
                return true;
            }
        }

        key = 0;
        return false;
    }

    /// <summary>The pair (u, group position b) when its potentiality exceeds the threshold (past it, nothing in the row does).</summary>
    private bool Candidate(int u, float xu, int b, int n, out ulong key)
    {
        ulong column = sorted[b];
        float p = xu * TopologyKeys.CandidateValue(column);
        key = TopologyKeys.Candidate(p, u * n + TopologyKeys.Cell(column));
        return p > threshold;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsEdge(int u, int v)
    {
        if (representation == TopologyRepresentation.Dense)
            return dense.HasEdge(u, v);
        var row = sparse.RowColumns(u);
        // A vectorised scan of a short row beats a binary search's mispredicted branches.
        return row.Length <= ShortRow ? row.Contains(v) : row.BinarySearch(v) >= 0;
    }
}
