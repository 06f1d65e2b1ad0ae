using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// What one fixed range of a parallel layer pass produced: its events in emission order and
/// its reductions. Ranges are merged in range order, so results do not depend on which thread
/// ran which range. Reused tick after tick (its arrays only grow).
/// </summary>
internal sealed class RangeResult
{
    public int Fired;
    public long Delivered;
    public BusPulses Pulses;
    public long GrowthOrdinal;
    public int GrowthRow;
    public int EmitCount;
    /// <summary>Events per outgoing tract slot (for the parallel merge).</summary>
    public int[] TractCounts = new int[4];
    /// <summary>Merge cursor per outgoing tract slot: where this range's next event for that tract goes.</summary>
    public int[] Cursor = new int[4];
    /// <summary>Fire values of the neuron being run, in input order (its gate updates run after its inputs).</summary>
    public double[] FireValues = new double[64];
    public int FireCount;
    public int[] EmitTract = new int[64];
    public int[] EmitSource = new int[64];
    public int[] EmitTarget = new int[64];
    public double[] EmitValue = new double[64];

    /// <summary>Grows the tract counters and the event buffers, when needed, so a pass this size allocates nothing.</summary>
    public void Reserve(int tracts, int emits)
    {
        if (TractCounts.Length < tracts)
        {
            TractCounts = new int[tracts];
            Cursor = new int[tracts];
        }

        while (EmitTract.Length < emits)
            Grow();
    }

    public void Reset(int tracts)
    {
        if (TractCounts.Length < tracts)
        {
            TractCounts = new int[tracts];
            Cursor = new int[tracts];
        }

        Array.Clear(TractCounts, 0, tracts);
        Fired = 0;
        Delivered = 0;
        Pulses = BusPulses.None;
        GrowthOrdinal = long.MaxValue;
        GrowthRow = -1;
        EmitCount = 0;
        FireCount = 0;
        // Shared values are rewritten between passes: bins classified in an earlier pass are stale.
        binsValues = null;
        binRowsReady = false;
    }

    public void Emit(int tract, int source, int target, double value)
    {
        int i = EmitCount;
        if (i == EmitTract.Length)
            Grow();
        EmitTract[i] = tract;
        EmitSource[i] = source;
        EmitTarget[i] = target;
        EmitValue[i] = value;
        EmitCount = i + 1;
        TractCounts[tract]++;
    }

    /// <summary>
    /// Makes room for <paramref name="count"/> events on tract slot <paramref name="tract"/>,
    /// counts them as emitted and returns the index of the first; the caller fills them in order.
    /// </summary>
    public int ReserveEvents(int tract, int count)
    {
        int at = EmitCount;
        while (EmitTract.Length < at + count)
            Grow();
        EmitCount = at + count;
        TractCounts[tract] += count;
        return at;
    }

    /// <summary>Records a fire of the current neuron with value <paramref name="x"/>.</summary>
    public void RecordFire(double x)
    {
        int i = FireCount;
        if (i == FireValues.Length)
            Array.Resize(ref FireValues, i * 2);
        FireValues[i] = x;
        FireCount = i + 1;
        Fired++;
    }

    /// <summary>Room for <paramref name="more"/> further fires of the current neuron.</summary>
    public void EnsureFireRoom(int more)
    {
        if (FireValues.Length - FireCount < more)
            Array.Resize(ref FireValues, Math.Max(FireCount + more, FireValues.Length * 2));
    }

    private int[] bins = new int[64];
    private double[]? binsValues;
    private long binsAnchor;
    private int binsLimit, binsFrom, binsCount;

    /// <summary>
    /// Scratch for the bins of one neuron's run of <paramref name="count"/> inputs, and whether it
    /// already holds the bins of inputs <paramref name="from"/>.. of the shared values
    /// <paramref name="shared"/> for this anchor and limit (classified for a previous row of this
    /// range: rows of a broadcast run that share an anchor share their bins).
    /// </summary>
    public int[] Bins(int count, double[]? shared, double anchor, int limit, int from, out bool ready)
    {
        long anchorBits = BitConverter.DoubleToInt64Bits(anchor);
        ready = shared != null && ReferenceEquals(shared, binsValues) && anchorBits == binsAnchor && limit == binsLimit && from == binsFrom
                && count == binsCount;
        if (bins.Length < count)
            bins = new int[Math.Max(count, bins.Length * 2)];
        if (!ready)
            binRowsReady = false;
        binsValues = shared;
        binsAnchor = anchorBits;
        binsLimit = limit;
        binsFrom = from;
        binsCount = count;
        return bins;
    }

    private ulong[] binRows = new ulong[64];
    private bool binRowsReady;

    /// <summary>
    /// Scratch for one bit row per bin over the bins last returned by <c>Bins</c>
    /// (<paramref name="words"/> words in all), and whether it already holds them: rows derived
    /// from shared bins are shared too. The caller fills it when not ready.
    /// </summary>
    public ulong[] BinRows(int words, out bool ready)
    {
        ready = binRowsReady;
        if (!ready)
        {
            if (binRows.Length < words)
                binRows = new ulong[Math.Max(words, binRows.Length * 2)];
            else
                Array.Clear(binRows, 0, words);
            binRowsReady = true;
        }

        return binRows;
    }

    private ulong[] slotInputBits = new ulong[64];

    /// <summary>Zeroed scratch for one bit row per slot over one neuron's run (<paramref name="words"/> words).</summary>
    public ulong[] SlotInputBits(int words)
    {
        if (slotInputBits.Length < words)
            slotInputBits = new ulong[Math.Max(words, slotInputBits.Length * 2)];
        else
            Array.Clear(slotInputBits, 0, words);
        return slotInputBits;
    }

    private ulong[] firedBits = new ulong[16];

    /// <summary>Zeroed scratch for a fired bit per input of one neuron's run (<paramref name="words"/> words).</summary>
    public ulong[] FiredBits(int words)
    {
        if (firedBits.Length < words)
            firedBits = new ulong[Math.Max(words, firedBits.Length * 2)];
        else
            Array.Clear(firedBits, 0, words);
        return firedBits;
    }

    private byte[] gateMasks = new byte[256];

    /// <summary>Zeroed scratch for the pass/fail bits of one source's gates over its fires (at least <paramref name="length"/> bytes).</summary>
    public byte[] GateMasks(int length)
    {
        if (gateMasks.Length < length)
            gateMasks = new byte[Math.Max(length, gateMasks.Length * 2)];
        else
            Array.Clear(gateMasks, 0, length);
        return gateMasks;
    }

    private SlotColumns slotScratch = new(SlotRanges.DefaultCapacity + SlotRanges.GuardRows);

    /// <summary>This range's private slot range (at least <paramref name="rows"/> rows), for one neuron at a time.</summary>
    public SlotColumns SlotScratch(int rows)
    {
        if (slotScratch.Key.Length < rows)
            slotScratch = new SlotColumns(Math.Max(rows, slotScratch.Rows * 2));
        return slotScratch;
    }

    public void NoteGrowth(long ordinal, int row)
    {
        if (ordinal < GrowthOrdinal)
        {
            GrowthOrdinal = ordinal;
            GrowthRow = row;
        }
    }

    private void Grow()
    {
        int size = EmitTract.Length * 2;
        Array.Resize(ref EmitTract, size);
        Array.Resize(ref EmitSource, size);
        Array.Resize(ref EmitTarget, size);
        Array.Resize(ref EmitValue, size);
    }
}
