namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Where the pass bits of the (up to four) windows of one gate-kernel pass go in a fire's mask
/// row: a whole window at offset o (a multiple of 8) fills byte o/8; a ragged one (offset
/// count − 8, not a multiple of 8) keeps only its top lanes — the gates past the last whole
/// window — shifted down to bit 0 of the byte after the last whole window. Windows past the
/// last repeat it. A pass of one window (two-lane registers) places each register's two bits at
/// its own position in the byte (<see cref="LaneA"/>..): 0, 2, 4, 6 for a whole window, lower
/// for a source's tail (<see cref="PassLayout.Tail"/>), whose registers may share a gate.
/// </summary>
internal readonly struct MaskPlacement
{
    public readonly int ByteA, ShiftA, ByteB, ShiftB, ByteC, ShiftC, ByteD, ShiftD;
    public readonly int LaneA, LaneB, LaneC, LaneD;

    /// <summary>The placements of windows <paramref name="first"/>.. of the <paramref name="used"/> window offsets.</summary>
    public MaskPlacement(ReadOnlySpan<int> windows, int used, int first)
    {
        (ByteA, ShiftA) = Of(windows[Math.Min(first, used - 1)]);
        (ByteB, ShiftB) = Of(windows[Math.Min(first + 1, used - 1)]);
        (ByteC, ShiftC) = Of(windows[Math.Min(first + 2, used - 1)]);
        (ByteD, ShiftD) = Of(windows[Math.Min(first + 3, used - 1)]);
        (LaneA, LaneB, LaneC, LaneD) = (0, 2, 4, 6);
    }

    private MaskPlacement(int tailByte, int laneA, int laneB, int laneC, int laneD)
    {
        (ByteA, ByteB, ByteC, ByteD) = (tailByte, tailByte, tailByte, tailByte);
        (LaneA, LaneB, LaneC, LaneD) = (laneA, laneB, laneC, laneD);
    }

    /// <summary>A tail pass of two-lane registers starting at gates <paramref name="laneA"/>.. of byte <paramref name="tailByte"/>.</summary>
    public static MaskPlacement Tail(int tailByte, int laneA, int laneB, int laneC, int laneD) => new(tailByte, laneA, laneB, laneC, laneD);

    private static (int Byte, int Shift) Of(int offset)
    {
        int skip = offset & 7;
        return skip == 0 ? (offset >> 3, 0) : ((offset >> 3) + 1, 8 - skip);
    }
}
