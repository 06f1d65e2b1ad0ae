using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Components.Region;

/// <summary>
/// Slot keys in one <c>long</c> column: a scalar bin id is the non-negative id itself; a 2D key
/// (rowBin, colBin) is the bitwise complement of <c>rowBin &lt;&lt; 31 | colBin</c>, always
/// negative, so the two kinds never collide in one neuron.
/// </summary>
public static class SlotKey
{
    /// <summary>Largest bin per axis of a 2D key.</summary>
    public const int MaxBin = int.MaxValue;

    /// <summary>The key of scalar bin <paramref name="id"/> (≥ 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Scalar(long id) => id;

    /// <summary>The key of 2D bin (<paramref name="rowBin"/>, <paramref name="colBin"/>), both ≥ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Spatial(int rowBin, int colBin) => ~(((long)rowBin << 31) | (uint)colBin);

    /// <summary>Whether <paramref name="key"/> is a 2D key.</summary>
    public static bool IsSpatial(long key) => key < 0;

    /// <summary>The row bin of a 2D key.</summary>
    public static int RowBin(long key) => (int)(~key >> 31);

    /// <summary>The column bin of a 2D key.</summary>
    public static int ColBin(long key) => (int)(~key & int.MaxValue);
}
