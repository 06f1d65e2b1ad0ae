namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The sprouting step's scratch arrays, owned by <see cref="TopologySproutSystem"/>: fully
/// rewritten every tick (no model state), grown on the system's thread before a parallel loop
/// starts, and handed to the workers only as array references inside immutable contexts. A worker
/// writes only the parts its context assigns it (its seed unit, its scan chunk's region).
/// </summary>
internal sealed class SproutScratch
{
    /// <summary>Loop flag: the sample has run (0/1).</summary>
    public const int SampleDone = 0;
    /// <summary>Loop flag: the merge has run (0/1).</summary>
    public const int MergeDone = 1;
    /// <summary>Loop flag: scan chunks not yet finished.</summary>
    public const int ScanChunksLeft = 2;
    /// <summary>Loop flag: edges the guessed scan found in all (−1 when it did not run).</summary>
    public const int CollectedWeakest = 3;
    /// <summary>Loop flag: the merge's candidate count.</summary>
    public const int MergedCount = 4;

    /// <summary>Both sign groups' vertex keys: the positive group at the front, the negative one at the back.</summary>
    public ulong[] VertexKeys = [];
    /// <summary>The radix sort's second buffer.</summary>
    public ulong[] RadixKeys = [];
    /// <summary>The radix sort's digit counts.</summary>
    public readonly int[] RadixCounts = new int[1 << 11];
    /// <summary>The selected candidates' keys (2K + 64: room for the ties gathered at the K-th).</summary>
    public ulong[] CandidateKeys = [];
    /// <summary>The merge heap's keys.</summary>
    public ulong[] HeapKeys = [];
    /// <summary>The merge heap's rows.</summary>
    public int[] HeapRows = [];
    /// <summary>The merge heap's columns.</summary>
    public int[] HeapColumns = [];
    /// <summary>Each row's first candidate key (written by the thread that seeded its unit).</summary>
    public ulong[] SeedKeys = [];
    /// <summary>Each row's first candidate's group position (−1: none).</summary>
    public int[] SeedColumns = [];
    /// <summary>Each seed unit's state (claimed with a compare-exchange).</summary>
    public int[] UnitState = [];
    /// <summary>Per sign group, rows the last merge reached (how many to seed ahead next tick).</summary>
    public readonly int[] ReachedRows = new int[2];
    /// <summary>Close pairs of the positive group.</summary>
    public readonly float[] ClosePositive = new float[2 * ClosePairs.MaxClosePairs];
    /// <summary>Close pairs of the negative group.</summary>
    public readonly float[] CloseNegative = new float[2 * ClosePairs.MaxClosePairs];
    /// <summary>Each vertex's rank in its sign group (2v: positive, 2v + 1: negative) within the leading window.</summary>
    public int[] GroupRank = [];
    /// <summary>The leading windows' bits.</summary>
    public ulong[] LeadingBits = [];
    /// <summary>Whether each vertex's window is built this tick.</summary>
    public byte[] WindowBuilt = [];
    /// <summary>The weakest-edge scan's key buffer (one region per chunk), then its merged result.</summary>
    public ulong[] WeakKeys = [];
    /// <summary>Keys each scan chunk found.</summary>
    public int[] WeakCounts = [];
    /// <summary>The weakest-edge sample's keys.</summary>
    public ulong[] SampleKeys = [];
    /// <summary>The sprouting loop's plan (one entry per loop index).</summary>
    public int[] LoopPlan = [];
    /// <summary>The sprouting loop's flags (<see cref="SampleDone"/> …).</summary>
    public readonly int[] LoopFlags = new int[5];
    /// <summary>The sample's bound (<see cref="ulong.MaxValue"/> when none was taken).</summary>
    public readonly ulong[] SampledBound = new ulong[1];

    /// <summary>Grows <paramref name="array"/> to at least <paramref name="length"/> (doubling, so growth is amortised).</summary>
    public static void Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
            array = new T[Math.Max(length, array.Length * 2)];
    }
}
