using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>Sixteen lanes in two <see cref="Vector256{T}"/> registers (AVX2): lanes 0–7 and 8–15.</summary>
public readonly struct Lanes16Vector256 : ILanes16<Lanes16Vector256>
{
    private readonly Vector256<float> low;
    private readonly Vector256<float> high;

    private Lanes16Vector256(Vector256<float> low, Vector256<float> high)
    {
        this.low = low;
        this.high = high;
    }

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    /// <inheritdoc />
    public static Lanes16Vector256 Zero => default;

    private static Vector256<int> LaneBits => Vector256.Create(1, 2, 4, 8, 16, 32, 64, 128);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector256 Broadcast(float value)
    {
        var v = Vector256.Create(value);
        return new(v, v);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector256 Load(ref float source)
        => new(Vector256.LoadUnsafe(ref source), Vector256.LoadUnsafe(ref source, 8));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Lanes16Vector256 Gather(float* table, ref int indices)
        => new(LaneGather.Eight(table, ref indices), LaneGather.Eight(table, ref Unsafe.Add(ref indices, 8)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes16Vector256 value, ref float destination)
    {
        value.low.StoreUnsafe(ref destination);
        value.high.StoreUnsafe(ref destination, 8);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector256 Add(Lanes16Vector256 left, Lanes16Vector256 right) => new(left.low + right.low, left.high + right.high);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector256 Subtract(Lanes16Vector256 left, Lanes16Vector256 right) => new(left.low - right.low, left.high - right.high);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector256 Multiply(Lanes16Vector256 left, Lanes16Vector256 right) => new(left.low * right.low, left.high * right.high);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector256 Divide(Lanes16Vector256 left, Lanes16Vector256 right) => new(left.low / right.low, left.high / right.high);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector256 Abs(Lanes16Vector256 value) => new(Vector256.Abs(value.low), Vector256.Abs(value.high));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector256 Floor(Lanes16Vector256 value) => new(Vector256.Floor(value.low), Vector256.Floor(value.high));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector256 CopySign(Lanes16Vector256 magnitude, Lanes16Vector256 sign)
    {
        var signBit = Vector256.Create(int.MinValue).AsSingle();
        return new(Vector256.ConditionalSelect(signBit, sign.low, magnitude.low),
            Vector256.ConditionalSelect(signBit, sign.high, magnitude.high));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector256 ScaleByPowerOfTwo(Lanes16Vector256 value, Lanes16Vector256 exponent)
    {
        var bias = Vector256.Create(127);
        var low = Vector256.ShiftLeft(Vector256.ConvertToInt32(exponent.low) + bias, 23).AsSingle();
        var high = Vector256.ShiftLeft(Vector256.ConvertToInt32(exponent.high) + bias, 23).AsSingle();
        return new(value.low * low, value.high * high);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector256 SelectWhereLess(Lanes16Vector256 left, Lanes16Vector256 right, Lanes16Vector256 whenLess, Lanes16Vector256 otherwise)
        => new(Vector256.ConditionalSelect(Vector256.LessThan(left.low, right.low), whenLess.low, otherwise.low),
            Vector256.ConditionalSelect(Vector256.LessThan(left.high, right.high), whenLess.high, otherwise.high));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector256 KeepLanes(Lanes16Vector256 value, uint lanes)
    {
        var bits = LaneBits;
        var keepLow = Vector256.Equals(Vector256.Create((int)lanes) & bits, bits);
        var keepHigh = Vector256.Equals(Vector256.Create((int)(lanes >> 8)) & bits, bits);
        return new(value.low & keepLow.AsSingle(), value.high & keepHigh.AsSingle());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AbsAtLeast(Lanes16Vector256 value, Lanes16Vector256 threshold)
        => Vector256.GreaterThanOrEqual(Vector256.Abs(value.low), threshold.low).ExtractMostSignificantBits()
           | (Vector256.GreaterThanOrEqual(Vector256.Abs(value.high), threshold.high).ExtractMostSignificantBits() << 8);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AbsAtMost(Lanes16Vector256 value, Lanes16Vector256 threshold)
        => Vector256.LessThanOrEqual(Vector256.Abs(value.low), threshold.low).ExtractMostSignificantBits()
           | (Vector256.LessThanOrEqual(Vector256.Abs(value.high), threshold.high).ExtractMostSignificantBits() << 8);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Lanes16Vector256 value)
    {
        var a8 = value.low + value.high;
        var a4 = a8.GetLower() + a8.GetUpper();
        return (a4.GetElement(0) + a4.GetElement(2)) + (a4.GetElement(1) + a4.GetElement(3));
    }
}
