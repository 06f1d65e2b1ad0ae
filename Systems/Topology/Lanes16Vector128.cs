using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>Sixteen lanes in four <see cref="Vector128{T}"/> registers (SSE, NEON): lanes 0–3, 4–7, 8–11, 12–15.</summary>
public readonly struct Lanes16Vector128 : ILanes16<Lanes16Vector128>
{
    private readonly Vector128<float> a;
    private readonly Vector128<float> b;
    private readonly Vector128<float> c;
    private readonly Vector128<float> d;

    private Lanes16Vector128(Vector128<float> a, Vector128<float> b, Vector128<float> c, Vector128<float> d)
    {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
    }

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    /// <inheritdoc />
    public static Lanes16Vector128 Zero => default;

    private static Vector128<int> LaneBits => Vector128.Create(1, 2, 4, 8);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector128 Broadcast(float value)
    {
        var v = Vector128.Create(value);
        return new(v, v, v, v);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector128 Load(ref float source)
        => new(Vector128.LoadUnsafe(ref source), Vector128.LoadUnsafe(ref source, 4),
            Vector128.LoadUnsafe(ref source, 8), Vector128.LoadUnsafe(ref source, 12));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Lanes16Vector128 Gather(float* table, ref int indices)
        => new(LaneGather.Four(table, ref indices), LaneGather.Four(table, ref Unsafe.Add(ref indices, 4)),
            LaneGather.Four(table, ref Unsafe.Add(ref indices, 8)), LaneGather.Four(table, ref Unsafe.Add(ref indices, 12)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes16Vector128 value, ref float destination)
    {
        value.a.StoreUnsafe(ref destination);
        value.b.StoreUnsafe(ref destination, 4);
        value.c.StoreUnsafe(ref destination, 8);
        value.d.StoreUnsafe(ref destination, 12);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector128 Add(Lanes16Vector128 left, Lanes16Vector128 right)
        => new(left.a + right.a, left.b + right.b, left.c + right.c, left.d + right.d);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector128 Subtract(Lanes16Vector128 left, Lanes16Vector128 right)
        => new(left.a - right.a, left.b - right.b, left.c - right.c, left.d - right.d);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector128 Multiply(Lanes16Vector128 left, Lanes16Vector128 right)
        => new(left.a * right.a, left.b * right.b, left.c * right.c, left.d * right.d);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector128 Divide(Lanes16Vector128 left, Lanes16Vector128 right)
        => new(left.a / right.a, left.b / right.b, left.c / right.c, left.d / right.d);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector128 Abs(Lanes16Vector128 value)
        => new(Vector128.Abs(value.a), Vector128.Abs(value.b), Vector128.Abs(value.c), Vector128.Abs(value.d));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector128 Floor(Lanes16Vector128 value)
        => new(Vector128.Floor(value.a), Vector128.Floor(value.b), Vector128.Floor(value.c), Vector128.Floor(value.d));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector128 CopySign(Lanes16Vector128 magnitude, Lanes16Vector128 sign)
    {
        var s = Vector128.Create(int.MinValue).AsSingle();
        return new(Vector128.ConditionalSelect(s, sign.a, magnitude.a), Vector128.ConditionalSelect(s, sign.b, magnitude.b),
            Vector128.ConditionalSelect(s, sign.c, magnitude.c), Vector128.ConditionalSelect(s, sign.d, magnitude.d));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector128 ScaleByPowerOfTwo(Lanes16Vector128 value, Lanes16Vector128 exponent)
        => new(value.a * Power(exponent.a), value.b * Power(exponent.b), value.c * Power(exponent.c), value.d * Power(exponent.d));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Power(Vector128<float> exponent)
        => Vector128.ShiftLeft(Vector128.ConvertToInt32(exponent) + Vector128.Create(127), 23).AsSingle();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector128 SelectWhereLess(Lanes16Vector128 left, Lanes16Vector128 right, Lanes16Vector128 whenLess, Lanes16Vector128 otherwise)
        => new(Vector128.ConditionalSelect(Vector128.LessThan(left.a, right.a), whenLess.a, otherwise.a),
            Vector128.ConditionalSelect(Vector128.LessThan(left.b, right.b), whenLess.b, otherwise.b),
            Vector128.ConditionalSelect(Vector128.LessThan(left.c, right.c), whenLess.c, otherwise.c),
            Vector128.ConditionalSelect(Vector128.LessThan(left.d, right.d), whenLess.d, otherwise.d));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector128 KeepLanes(Lanes16Vector128 value, uint lanes)
        => new(value.a & Keep(lanes), value.b & Keep(lanes >> 4), value.c & Keep(lanes >> 8), value.d & Keep(lanes >> 12));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Keep(uint lanes)
    {
        var bits = LaneBits;
        return Vector128.Equals(Vector128.Create((int)lanes) & bits, bits).AsSingle();
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AbsAtLeast(Lanes16Vector128 value, Lanes16Vector128 threshold)
        => Vector128.GreaterThanOrEqual(Vector128.Abs(value.a), threshold.a).ExtractMostSignificantBits()
           | (Vector128.GreaterThanOrEqual(Vector128.Abs(value.b), threshold.b).ExtractMostSignificantBits() << 4)
           | (Vector128.GreaterThanOrEqual(Vector128.Abs(value.c), threshold.c).ExtractMostSignificantBits() << 8)
           | (Vector128.GreaterThanOrEqual(Vector128.Abs(value.d), threshold.d).ExtractMostSignificantBits() << 12);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AbsAtMost(Lanes16Vector128 value, Lanes16Vector128 threshold)
        => Vector128.LessThanOrEqual(Vector128.Abs(value.a), threshold.a).ExtractMostSignificantBits()
           | (Vector128.LessThanOrEqual(Vector128.Abs(value.b), threshold.b).ExtractMostSignificantBits() << 4)
           | (Vector128.LessThanOrEqual(Vector128.Abs(value.c), threshold.c).ExtractMostSignificantBits() << 8)
           | (Vector128.LessThanOrEqual(Vector128.Abs(value.d), threshold.d).ExtractMostSignificantBits() << 12);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Lanes16Vector128 value)
    {
        var a4 = (value.a + value.c) + (value.b + value.d);
        return (a4.GetElement(0) + a4.GetElement(2)) + (a4.GetElement(1) + a4.GetElement(3));
    }
}
