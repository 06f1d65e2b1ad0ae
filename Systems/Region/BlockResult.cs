using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// What one fixed block of a parallel layer pass produced: its events in emission order and
/// its reductions. Blocks are merged in block order, so results do not depend on which thread
/// ran which block. Reused tick after tick (its arrays only grow).
/// </summary>
internal sealed class BlockResult
{
    public int Fired;
    public long Delivered;
    public BusPulses Pulses;
    public long GrowthOrdinal;
    public int GrowthRow;
    public int EmitCount;
    /// <summary>Events per outgoing tract slot (for the parallel merge).</summary>
    public int[] TractCounts = new int[4];
    /// <summary>Merge cursor per outgoing tract slot: where this block's next event for that tract goes.</summary>
    public int[] Cursor = new int[4];
    public int[] EmitTract = new int[64];
    public int[] EmitSource = new int[64];
    public int[] EmitTarget = new int[64];
    public double[] EmitValue = new double[64];

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

    private SlotArrays slotScratch = SlotArrays.Allocate(SlotBlocks.DefaultCapacity + SlotBlocks.GuardRows);

    /// <summary>This block's private slot block (at least <paramref name="rows"/> rows), for one neuron at a time.</summary>
    public SlotArrays SlotScratch(int rows)
    {
        if (slotScratch.Key.Length < rows)
            slotScratch = SlotArrays.Allocate(Math.Max(rows, slotScratch.Key.Length * 2));
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
