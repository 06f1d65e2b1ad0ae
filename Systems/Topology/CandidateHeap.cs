using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The candidate merge's binary min-heap of (key, row, column) entries in three parallel arrays
/// (owned by the sprouting scratch, used by the one thread running the merge). The size is the
/// caller's, passed by reference.
/// </summary>
internal readonly struct CandidateHeap
{
    private readonly ulong[] keys;
    private readonly int[] rows;
    private readonly int[] columns;

    /// <summary>A heap over the given arrays (each at least as long as the most entries held).</summary>
    public CandidateHeap(ulong[] keys, int[] rows, int[] columns)
    {
        this.keys = keys;
        this.rows = rows;
        this.columns = columns;
    }

    /// <summary>The smallest key.</summary>
    public ulong TopKey => keys[0];

    /// <summary>The smallest entry's row (a group position).</summary>
    public int TopRow => rows[0];

    /// <summary>The smallest entry's column (a group position, or a marker).</summary>
    public int TopColumn => columns[0];

    /// <summary>Replaces the smallest entry's key and column by larger ones and restores the order.</summary>
    public void ReplaceTop(ulong key, int column, int size)
    {
        keys[0] = key;
        columns[0] = column;
        SiftDown(0, size);
    }

    /// <summary>Adds an entry.</summary>
    public void Push(ref int heapSize, ulong key, int row, int column)
    {
        int k = heapSize++;
        while (k > 0)
        {
            int parent = (k - 1) >> 1;
            if (keys[parent] <= key)
                break;
            MoveHeapEntry(k, parent);
            k = parent;
        }

        SetHeapEntry(k, key, row, column);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MoveHeapEntry(int to, int from)
    {
        keys[to] = keys[from];
        rows[to] = rows[from];
        columns[to] = columns[from];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetHeapEntry(int k, ulong key, int row, int column)
    {
        keys[k] = key;
        rows[k] = row;
        columns[k] = column;
    }

    /// <summary>Removes the smallest entry.</summary>
    public void RemoveTop(ref int heapSize)
    {
        heapSize--;
        MoveHeapEntry(0, heapSize);
        SiftDown(0, heapSize);
    }

    /// <summary>Restores the heap order below entry <paramref name="k"/> after its key grew.</summary>
    public void SiftDown(int k, int size)
    {
        ulong key = keys[k];
        int row = rows[k], column = columns[k];
        while (true)
        {
            int child = 2 * k + 1;
            if (child >= size)
                break;
            if (child + 1 < size && keys[child + 1] < keys[child])
                child++;
            if (keys[child] >= key)
                break;
            MoveHeapEntry(k, child);
            k = child;
        }

        SetHeapEntry(k, key, row, column);
    }
}
