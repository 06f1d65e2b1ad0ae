namespace GrowNet.Ecs.Systems.Pool;

/// <summary>What <see cref="SynapseEventKernel"/> needs besides the row: pinned pool buffers, the STDP marks and the target range.</summary>
internal readonly unsafe struct SynapseEventContext
{
    public SynapseEventContext(short* ring, byte* spikeOut, int* slotOffsets, int stdpPositive, int markDelta, int rangeStart, uint rangeWidth, int worker)
    {
        Worker = worker;
        Ring = ring;
        SpikeOut = spikeOut;
        SlotOffsets = slotOffsets;
        StdpPositive = stdpPositive;
        MarkDelta = markDelta;
        RangeStart = rangeStart;
        RangeWidth = rangeWidth;
    }

    /// <summary>The delay ring (slots × cells, i16).</summary>
    public short* Ring { get; }

    /// <summary>This tick's spike flags (0 or 1 per cell).</summary>
    public byte* SpikeOut { get; }

    /// <summary>Ring offset of the slot for each delay byte (256 entries).</summary>
    public int* SlotOffsets { get; }

    /// <summary>Mark added when the target did not spike this tick.</summary>
    public int StdpPositive { get; }

    /// <summary><c>stdpNegative − stdpPositive</c>: added on top when the target spiked.</summary>
    public int MarkDelta { get; }

    /// <summary>First target this worker owns.</summary>
    public int RangeStart { get; }

    /// <summary>Number of targets this worker owns (≥ 1).</summary>
    public uint RangeWidth { get; }

    /// <summary>Index of the target range (worker block) this context serves.</summary>
    public int Worker { get; }

    /// <summary>Whether the range is the whole pool [0, <paramref name="cellCount"/>).</summary>
    public bool IsWholePool(int cellCount) => RangeStart == 0 && RangeWidth >= (uint)cellCount;
}
