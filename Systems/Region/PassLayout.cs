using GrowNet.Ecs.Systems.Lanes;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The gates of one gate-kernel pass (<see cref="GateKernel.FireMany"/>): the first gate, relative
/// to the source's first, of each of its four registers, and where their pass bits go in a
/// fire's mask row.
/// </summary>
internal readonly struct PassLayout
{
    public readonly int A, B, C, D;
    public readonly MaskPlacement Placement;

    private PassLayout(int a, int b, int c, int d, in MaskPlacement placement)
    {
        (A, B, C, D) = (a, b, c, d);
        Placement = placement;
    }

    /// <summary>
    /// Windows <paramref name="first"/>.. of the <paramref name="used"/> window offsets: register i
    /// holds lanes (i mod 8/c)·c.. of window first + i / (8/c) (the last window when past it).
    /// </summary>
    public static PassLayout Windows<TLanes>(ReadOnlySpan<int> windows, int used, int first)
        where TLanes : struct, ILaneVector<TLanes>
        => new(Offset<TLanes>(windows, used, first, 0), Offset<TLanes>(windows, used, first, 1),
            Offset<TLanes>(windows, used, first, 2), Offset<TLanes>(windows, used, first, 3), new MaskPlacement(windows, used, first));

    /// <summary>
    /// The <paramref name="count"/> (2..7) gates from <paramref name="offset"/> (a multiple of 8)
    /// that end a source after its whole windows, in two-lane registers: register i starts at
    /// gate min(2i, count − 2), so an odd count's last two registers share a gate and registers
    /// past the last repeat it. Shared lanes load the same state and compute the same values, so
    /// storing them twice changes nothing; every gate stays inside the tail, which no other pass
    /// touches.
    /// </summary>
    public static PassLayout Tail(int offset, int count)
    {
        int a = 0, b = Math.Min(2, count - 2), c = Math.Min(4, count - 2), d = Math.Min(6, count - 2);
        return new(offset + a, offset + b, offset + c, offset + d, MaskPlacement.Tail(offset >> 3, a, b, c, d));
    }

    private static int Offset<TLanes>(ReadOnlySpan<int> windows, int used, int first, int register)
        where TLanes : struct, ILaneVector<TLanes>
    {
        int perWindow = 8 / TLanes.Count;
        return windows[Math.Min(first + register / perWindow, used - 1)] + register % perWindow * TLanes.Count;
    }
}
