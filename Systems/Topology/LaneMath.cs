using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Scalar twins of the <see cref="ILanes16{TSelf}"/> operations and helpers built on them.
/// Every scalar function performs the same IEEE-754 single operations, in the same order, as
/// its lane counterpart, so a value computed in a vector lane equals the one computed here.
/// </summary>
public static class LaneMath
{
    /// <summary>The canonical accumulation width: W·x sums lane <c>j mod 16</c> separately.</summary>
    public const int Width = 16;

    /// <summary>The canonical reduction of 16 lane sums (see <see cref="ILanes16{TSelf}.Sum"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(ReadOnlySpan<float> lanes)
    {
        float a0 = lanes[0] + lanes[8], a1 = lanes[1] + lanes[9], a2 = lanes[2] + lanes[10], a3 = lanes[3] + lanes[11];
        float a4 = lanes[4] + lanes[12], a5 = lanes[5] + lanes[13], a6 = lanes[6] + lanes[14], a7 = lanes[7] + lanes[15];
        float b0 = a0 + a4, b1 = a1 + a5, b2 = a2 + a6, b3 = a3 + a7;
        return (b0 + b2) + (b1 + b3);
    }

    /// <summary><c>value &lt; min ? min : (max &lt; value ? max : value)</c>, the semantics of <see cref="Math.Clamp(float, float, float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Clamp(float value, float min, float max) => value < min ? min : (max < value ? max : value);

    /// <summary>Lane version of <see cref="Clamp(float, float, float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Clamp<TLanes>(TLanes value, TLanes min, TLanes max) where TLanes : struct, ILanes16<TLanes>
        => TLanes.SelectWhereLess(value, min, min, TLanes.SelectWhereLess(max, value, max, value));

    /// <summary><c>value · 2^n</c> for integral n in [−126, 127], the power built from its bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ScaleByPowerOfTwo(float value, float exponent)
        => value * BitConverter.Int32BitsToSingle(((int)exponent + 127) << 23);

    /// <summary>Magnitude of <paramref name="magnitude"/> with the sign bit of <paramref name="sign"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float CopySign(float magnitude, float sign)
        => BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(magnitude) & int.MaxValue)
                                          | (BitConverter.SingleToInt32Bits(sign) & int.MinValue));

    /// <summary>Rounds up to a multiple of <see cref="Width"/>.</summary>
    public static int RoundUpToWidth(int count) => (count + Width - 1) & ~(Width - 1);
}
