namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// A row's leading edges, built when its walk first gets long: bit r of the row's words is set
/// when the row's vertex u already has an edge to the vertex at rank r of u's own sign group
/// (sorted by |x| descending), or when that vertex is u itself. The row's last word takes the
/// ranks beyond the window and is never read. Only the thread walking a row builds or reads
/// its window.
/// </summary>
internal readonly struct LeadingWindow
{
    private readonly int[] groupRank;
    private readonly ulong[] bits;
    private readonly byte[] built;

    /// <summary>A window over the given rank table, bit rows and built flags, <paramref name="words"/> words of ranks per row.</summary>
    public LeadingWindow(int[] groupRank, ulong[] bits, byte[] built, int words)
    {
        this.groupRank = groupRank;
        this.bits = bits;
        this.built = built;
        Words = words;
    }

    /// <summary>Whether vertex <paramref name="u"/>'s window is built this tick.</summary>
    public bool IsBuilt(int u) => built[u] != 0;

    /// <summary>Words of ranks per row (0 when there is no window: dense membership tests are bit tests already).</summary>
    public int Words { get; }

    /// <summary>Word <paramref name="word"/> of vertex <paramref name="u"/>'s window.</summary>
    public ulong Word(int u, int word) => bits[u * (Words + 1) + word];

    /// <summary>Builds vertex <paramref name="u"/>'s window over its sign group (<paramref name="side"/> 0 positive, 1 negative).</summary>
    public void Build(in SparseSkeleton data, int u, int side)
    {
        built[u] = 1;
        var row = bits.AsSpan(u * (Words + 1), Words + 1);
        row.Clear();
        int self = groupRank[2 * u + side];
        row[self >> 6] |= 1UL << (self & 63);
        int first = data.RowStart[u];
        int last = first + data.Degree[u];
        var columns = data.Columns;
        for (int k = first; k < last; k++)
        {
            int rank = groupRank[2 * columns[k] + side];
            row[rank >> 6] |= 1UL << (rank & 63);
        }
    }
}
