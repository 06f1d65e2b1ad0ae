using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Systems.Lanes;

/// <summary>8 64-bit lanes in one <see cref="Vector512{T}"/> register (AVX-512).</summary>
internal readonly struct LaneVector512 : ILaneVector<LaneVector512>
{
    private readonly Vector512<double> value;

    private LaneVector512(Vector512<double> value) => this.value = value;

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int Count => 8;

    /// <inheritdoc />
    public static LaneVector512 Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 Broadcast(double value)
        => new(Vector512.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 BroadcastInt64(long value)
        => new(Vector512.Create(value).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 Load(ref double source)
        => new(Vector512.LoadUnsafe(ref source));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 LoadInt64(ref long source)
        => new(Vector512.LoadUnsafe(ref source).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 LoadWidened(ref int source)
    {
        var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref source));
        return new(Vector512.Create(low, high).AsDouble());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(LaneVector512 value, ref double destination)
        => value.value.StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt64(LaneVector512 value, ref long destination)
        => value.value.AsInt64().StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(LaneVector512 value, ref int destination)
    {
        var lanes = value.value.AsInt64();
        if (Avx512F.IsSupported)
            Avx512F.ConvertToVector256Int32(lanes).StoreUnsafe(ref destination);
        else
            Vector256.Narrow(lanes.GetLower(), lanes.GetUpper()).StoreUnsafe(ref destination);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 Add(LaneVector512 left, LaneVector512 right)
        => new(left.value + right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 Subtract(LaneVector512 left, LaneVector512 right)
        => new(left.value - right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 Multiply(LaneVector512 left, LaneVector512 right)
        => new(left.value * right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 Min(LaneVector512 left, LaneVector512 right)
        => new(Vector512.Min(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 Max(LaneVector512 left, LaneVector512 right)
        => new(Vector512.Max(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 Abs(LaneVector512 value)
        => new(Vector512.Abs(value.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 SubtractInt64(LaneVector512 left, LaneVector512 right)
        => new((left.value.AsInt64() - right.value.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 LessThan(LaneVector512 left, LaneVector512 right)
        => new(Vector512.LessThan(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 GreaterThan(LaneVector512 left, LaneVector512 right)
        => new(Vector512.GreaterThan(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 GreaterThanOrEqual(LaneVector512 left, LaneVector512 right)
        => new(Vector512.GreaterThanOrEqual(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 LessThanInt64(LaneVector512 left, LaneVector512 right)
        => new(Vector512.LessThan(left.value.AsInt64(), right.value.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 GreaterThanInt64(LaneVector512 left, LaneVector512 right)
        => new(Vector512.GreaterThan(left.value.AsInt64(), right.value.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 EqualsInt64(LaneVector512 left, LaneVector512 right)
        => new(Vector512.Equals(left.value.AsInt64(), right.value.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 And(LaneVector512 left, LaneVector512 right)
        => new(left.value & right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 Or(LaneVector512 left, LaneVector512 right)
        => new(left.value | right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 Select(LaneVector512 mask, LaneVector512 whenTrue, LaneVector512 otherwise)
        => new(Vector512.ConditionalSelect(mask.value, whenTrue.value, otherwise.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnySet(LaneVector512 value)
        => value.value.AsInt64() != Vector512<long>.Zero;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint MostSignificantBits(LaneVector512 value)
        => (uint)value.value.ExtractMostSignificantBits();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 LoadWidened(ref float source) => new(Widen(Vector256.LoadUnsafe(ref source)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(LaneVector512 value, ref float destination) => Narrow(value.value).StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 Divide(LaneVector512 left, LaneVector512 right) => new(left.value / right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 CopySign(LaneVector512 magnitude, LaneVector512 sign)
        => new(Vector512.ConditionalSelect(Vector512.Create(-0.0), sign.value, magnitude.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 LimitAbove(LaneVector512 value, LaneVector512 limit)
        => new(Vector512.ConditionalSelect(Vector512.GreaterThan(value.value, limit.value), limit.value, value.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 SelectWhereLess(LaneVector512 left, LaneVector512 right, LaneVector512 whenLess, LaneVector512 otherwise)
        => new(Vector512.ConditionalSelect(Vector512.LessThan(left.value, right.value), whenLess.value, otherwise.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 PowerOfTwo(LaneVector512 integral)
    {
        var bits = Vector512.ShiftLeft((integral.value + Vector512.Create(Float64LaneBits.TwoTo52)).AsInt64(), 52);
        return new((bits + Vector512.Create(Float64LaneBits.One)).AsDouble());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector512 RoundToSingle(LaneVector512 value) => new(Widen(Narrow(value.value)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint NotEqualBits(LaneVector512 left, LaneVector512 right)
        => (uint)(~Vector512.Equals(left.value, right.value)).ExtractMostSignificantBits();

    private static Vector512<double> Widen(Vector256<float> value)
        => Avx512F.IsSupported ? Avx512F.ConvertToVector512Double(value) : Vector512.Create(Vector256.WidenLower(value), Vector256.WidenUpper(value));

    private static Vector256<float> Narrow(Vector512<double> value)
        => Avx512F.IsSupported ? Avx512F.ConvertToVector256Single(value) : Vector256.Narrow(value.GetLower(), value.GetUpper());
}
