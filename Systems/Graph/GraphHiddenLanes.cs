using GrowNet.Ecs.Components.Graph;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// The Hidden rows' taps regrouped for the vector gather (docs/graph.md, "Gather kernel"): the
/// Hidden rows are cut into groups of <see cref="LaneCount"/> consecutive rows, and a group's taps
/// are stored slot by slot (slot j of every row of the group side by side: source, its ring base
/// source·H, lag, weight), so lane l of a register walks row l's taps in row order. Hidden taps are
/// fixed for a block's life, so this is built once per block and kept while the tap table's arrays
/// are the same objects (a load or a table growth makes new ones). Not saved: it is derived.
/// </summary>
internal sealed class GraphHiddenLanes
{
    private readonly int[] tapSource;
    private readonly byte[] tapLag;
    private readonly float[] tapWeight;
    private readonly int nodeCount;

    private GraphHiddenLanes(in GraphArrays a, int laneCount, int historyLength)
    {
        tapSource = a.TapSource;
        tapLag = a.TapLag;
        tapWeight = a.TapWeight;
        nodeCount = a.NodeCount;
        LaneCount = laneCount;
        HistoryLength = historyLength;
        (HiddenStart, int hiddenEnd) = HiddenRange(a);
        Groups = (hiddenEnd - HiddenStart) / laneCount;
        SlotStart = new int[Groups + 1];
        Counts = new int[Groups * laneCount];
        Uniform = new bool[Groups];
        for (int g = 0; g < Groups; g++)
        {
            int most = 0, least = int.MaxValue;
            for (int l = 0; l < laneCount; l++)
            {
                int count = a.TapCount[HiddenStart + g * laneCount + l];
                Counts[g * laneCount + l] = count;
                most = Math.Max(most, count);
                least = Math.Min(least, count);
            }

            Uniform[g] = most == least;
            SlotStart[g + 1] = SlotStart[g] + most * laneCount;
        }

        for (int row = HiddenStart; row < HiddenStart + Groups * laneCount; row++)
        {
            for (int t = a.TapStart[row]; t < a.TapStart[row] + a.TapCount[row]; t++)
                SourceEnd = Math.Max(SourceEnd, a.TapSource[t] + 1);
        }

        int entries = SlotStart[Groups];
        Source = new int[entries];
        RingBase = new int[entries];
        Lag = new int[entries];
        Weight = new float[entries];
        Fill(a);
    }

    /// <summary>Rows per group (the lanes of the register the gather runs).</summary>
    public int LaneCount { get; }

    /// <summary>H, the ring length the ring bases were computed with.</summary>
    public int HistoryLength { get; }

    /// <summary>The first Hidden row; group g holds rows HiddenStart + g·LaneCount onwards.</summary>
    public int HiddenStart { get; }

    /// <summary>Full groups (the Hidden rows after the last full group are gathered one by one).</summary>
    public int Groups { get; }

    /// <summary>One past the highest source node the grouped rows read.</summary>
    public int SourceEnd { get; }

    /// <summary>Entry of slot 0 of group g (slot j lane l is SlotStart[g] + j·LaneCount + l).</summary>
    public int[] SlotStart { get; }

    /// <summary>Taps of each row, group by group.</summary>
    public int[] Counts { get; }

    /// <summary>Whether every row of group g has the same number of taps (no slot needs a mask).</summary>
    public bool[] Uniform { get; }

    /// <summary>Source node of each entry (0 past a row's last tap).</summary>
    public int[] Source { get; }

    /// <summary>source · H of each entry.</summary>
    public int[] RingBase { get; }

    /// <summary>Lag of each entry.</summary>
    public int[] Lag { get; }

    /// <summary>Weight of each entry (0 past a row's last tap; such slots are masked anyway).</summary>
    public float[] Weight { get; }

    /// <summary>
    /// <paramref name="cached"/> when it was built from these tap arrays with these lanes, else a
    /// new grouping (allocates; only when a block is first seen, loaded or its tap table grew).
    /// </summary>
    public static GraphHiddenLanes For(GraphHiddenLanes? cached, in GraphArrays a, int laneCount, int historyLength)
    {
        if (cached is not null && cached.LaneCount == laneCount && cached.HistoryLength == historyLength && cached.nodeCount == a.NodeCount
            && ReferenceEquals(cached.tapSource, a.TapSource) && ReferenceEquals(cached.tapLag, a.TapLag) && ReferenceEquals(cached.tapWeight, a.TapWeight))
            return cached;
        return new GraphHiddenLanes(a, laneCount, historyLength);
    }

    /// <summary>
    /// The head every source of the grouped rows has this tick, or −1 if they differ. Nodes that
    /// update every tick (Inputs, Hidden nodes with f ≥ 1) advance together, so when the rows read
    /// only those, one head serves every tap and the gather needs no per-tap head lookup.
    /// </summary>
    public int SharedHead(in GraphArrays a)
    {
        if (SourceEnd == 0)
            return 0;
        var heads = a.Head.AsSpan(0, SourceEnd);
        return heads.IndexOfAnyExcept(heads[0]) < 0 ? heads[0] : -1;
    }

    /// <summary>The rows of the first run of Hidden nodes (the factory puts them all in one run).</summary>
    private static (int Start, int End) HiddenRange(in GraphArrays a)
    {
        int start = 0;
        while (start < a.NodeCount && a.Kind[start] != (byte)GraphNodeKind.Hidden)
            start++;
        int end = start;
        while (end < a.NodeCount && a.Kind[end] == (byte)GraphNodeKind.Hidden)
            end++;
        return (start, end);
    }

    private void Fill(in GraphArrays a)
    {
        for (int g = 0; g < Groups; g++)
        {
            for (int l = 0; l < LaneCount; l++)
            {
                int row = HiddenStart + g * LaneCount + l, first = a.TapStart[row];
                for (int j = 0; j < Counts[g * LaneCount + l]; j++)
                {
                    int entry = SlotStart[g] + j * LaneCount + l, tap = first + j;
                    Source[entry] = a.TapSource[tap];
                    RingBase[entry] = a.TapSource[tap] * HistoryLength;
                    Lag[entry] = a.TapLag[tap];
                    Weight[entry] = a.TapWeight[tap];
                }
            }
        }
    }
}
