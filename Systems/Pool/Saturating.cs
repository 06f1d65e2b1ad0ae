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
}
