namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Where the pass bits of the (up to four) windows of one gate-kernel pass go in a fire's mask
/// row: a whole window at offset o (a multiple of 8) fills byte o/8; a ragged one (offset
/// count − 8, not a multiple of 8) keeps only its top lanes — the gates past the last whole
/// window — shifted down to bit 0 of the byte after the last whole window. Windows past the
/// last repeat it.
/// </summary>
internal readonly struct MaskPlacement
{
    public readonly int ByteA, ShiftA, ByteB, ShiftB, ByteC, ShiftC, ByteD, ShiftD;

    /// <summary>The placements of windows <paramref name="first"/>.. of the <paramref name="used"/> window offsets.</summary>
    public MaskPlacement(ReadOnlySpan<int> windows, int used, int first)
    {
        (ByteA, ShiftA) = Of(windows[Math.Min(first, used - 1)]);
        (ByteB, ShiftB) = Of(windows[Math.Min(first + 1, used - 1)]);
        (ByteC, ShiftC) = Of(windows[Math.Min(first + 2, used - 1)]);
        (ByteD, ShiftD) = Of(windows[Math.Min(first + 3, used - 1)]);
    }

    private static (int Byte, int Shift) Of(int offset)
    {
        int skip = offset & 7;
        return skip == 0 ? (offset >> 3, 0) : ((offset >> 3) + 1, 8 - skip);
    }
}
