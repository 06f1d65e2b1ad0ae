using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>Saturating narrowings used by the integer pool arithmetic.</summary>
public static class Saturating
{
    /// <summary>Clamps to the i16 range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short ToInt16(int value) => (short)Math.Clamp(value, short.MinValue, short.MaxValue);

    /// <summary>Clamps to the i8 range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static sbyte ToSByte(int value) => (sbyte)Math.Clamp(value, sbyte.MinValue, sbyte.MaxValue);

    /// <summary>
    /// Saturates to i16 without branches: in a saturated pool a third of the ring adds clip, so a
    /// branching clamp mispredicts. Valid for |value| far below 2^31 (ring sums stay within ±41 000).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Clamp16(int value)
    {
        int over = value - short.MaxValue;
        value -= over & ~(over >> 31);     // min(value, 32767)
        int under = value - short.MinValue;
        return value - (under & (under >> 31)); // max(value, −32768)
    }

    /// <summary>Saturates to i8 without branches (see <see cref="Clamp16"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Clamp8(int value)
    {
        int over = value - sbyte.MaxValue;
        value -= over & ~(over >> 31);
        int under = value - sbyte.MinValue;
        return value - (under & (under >> 31));
    }
}
