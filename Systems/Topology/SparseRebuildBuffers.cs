namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Scratch for rebuilding the sparse rows after a tick's structural changes
/// (<see cref="TopologyStorage.ApplyChanges"/>): the changes bucketed by row, each row's new
/// start, and a second edge table the rows are merged into, which then becomes the block's edge
/// table (the old one coming back as the next second table, so arrays pass between blocks).
/// Owned by the Prune system; rewritten on every use and grown as needed, so it holds no model
/// state (only <see cref="DirtyEdges"/>, which tracks the arrays it holds).
/// </summary>
internal sealed class SparseRebuildBuffers
{
    /// <summary>Row i's sprouts are SproutColumns/SproutWeights[SproutStart[i] .. SproutStart[i + 1]).</summary>
    public int[] SproutStart = [];

    /// <summary>Row i's removals are RemovalColumns[RemovalStart[i] .. RemovalStart[i + 1]).</summary>
    public int[] RemovalStart = [];

    /// <summary>Fill positions while bucketing (one per row).</summary>
    public int[] SproutFill = [];

    /// <summary>Fill positions while bucketing (one per row).</summary>
    public int[] RemovalFill = [];

    /// <summary>Packed sort keys for long buckets: sprouts' slices first, then removals' (one entry per change).</summary>
    public ulong[] SortKeys = [];

    /// <summary>Each row's start in the rebuilt table (N + 1 entries; the last is the edge total).</summary>
    public int[] NewStart = [];

    /// <summary>Sprout columns, bucketed by row.</summary>
    public int[] SproutColumns = [];

    /// <summary>Sprout weights, bucketed like <see cref="SproutColumns"/>.</summary>
    public float[] SproutWeights = [];

    /// <summary>Removed columns, bucketed by row.</summary>
    public int[] RemovalColumns = [];

    /// <summary>The rebuilt rows' columns.</summary>
    public int[] EdgeColumns = [];

    /// <summary>The rebuilt rows' weights.</summary>
    public float[] EdgeWeights = [];

    /// <summary>
    /// Grows the per-row and per-change arrays for <paramref name="vertices"/> rows and the given
    /// change counts. Change arrays hold at least one entry per vertex (the default K = N), so
    /// ticks whose change counts vary do not keep growing them.
    /// </summary>
    public void EnsureChanges(int vertices, int sprouts, int removals)
    {
        sprouts = Math.Max(sprouts, vertices);
        removals = Math.Max(removals, vertices);
        Ensure(ref SproutStart, vertices + 1);
        Ensure(ref RemovalStart, vertices + 1);
        Ensure(ref SproutFill, vertices);
        Ensure(ref RemovalFill, vertices);
        Ensure(ref NewStart, vertices + 1);
        Ensure(ref SproutColumns, sprouts);
        Ensure(ref SproutWeights, sprouts);
        Ensure(ref RemovalColumns, removals);
        Ensure(ref SortKeys, sprouts + removals);
    }

    /// <summary>
    /// Rows of <see cref="EdgeColumns"/>/<see cref="EdgeWeights"/> that may be nonzero: the count of
    /// the edge table these arrays last belonged to (everything past it is zero).
    /// </summary>
    public int DirtyEdges;

    /// <summary>Grows the second edge table to <paramref name="edges"/> entries (both arrays to one length).</summary>
    public void EnsureEdges(int edges)
    {
        if (EdgeColumns.Length >= edges && EdgeWeights.Length == EdgeColumns.Length)
            return;
        int length = Math.Max(edges, EdgeColumns.Length * 2);
        EdgeColumns = new int[length];
        EdgeWeights = new float[length];
        DirtyEdges = 0;
    }

    private static void Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
            array = new T[Math.Max(length, array.Length * 2)];
    }
}
