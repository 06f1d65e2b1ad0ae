using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Systems.Lanes;

/// <summary>4 64-bit lanes in one <see cref="Vector256{T}"/> register (AVX2).</summary>
internal readonly struct LaneVector256 : ILaneVector<LaneVector256>
{
    private readonly Vector256<double> value;

    private LaneVector256(Vector256<double> value) => this.value = value;

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int Count => 4;

    /// <inheritdoc />
    public static LaneVector256 Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 Broadcast(double value)
        => new(Vector256.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 BroadcastInt64(long value)
        => new(Vector256.Create(value).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 Load(ref double source)
        => new(Vector256.LoadUnsafe(ref source));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 LoadInt64(ref long source)
        => new(Vector256.LoadUnsafe(ref source).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 LoadWidened(ref int source)
    {
        var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref source));
        return new(Vector256.Create(low, high).AsDouble());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(LaneVector256 value, ref double destination)
        => value.value.StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt64(LaneVector256 value, ref long destination)
        => value.value.AsInt64().StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(LaneVector256 value, ref int destination)
    {
        var lanes = value.value.AsInt64();
        Vector128.Narrow(lanes.GetLower(), lanes.GetUpper()).StoreUnsafe(ref destination);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 Add(LaneVector256 left, LaneVector256 right)
        => new(left.value + right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 Subtract(LaneVector256 left, LaneVector256 right)
        => new(left.value - right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 Multiply(LaneVector256 left, LaneVector256 right)
        => new(left.value * right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 Min(LaneVector256 left, LaneVector256 right)
        => new(Vector256.Min(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 Max(LaneVector256 left, LaneVector256 right)
        => new(Vector256.Max(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 Abs(LaneVector256 value)
        => new(Vector256.Abs(value.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 SubtractInt64(LaneVector256 left, LaneVector256 right)
        => new((left.value.AsInt64() - right.value.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 LessThan(LaneVector256 left, LaneVector256 right)
        => new(Vector256.LessThan(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 GreaterThan(LaneVector256 left, LaneVector256 right)
        => new(Vector256.GreaterThan(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 GreaterThanOrEqual(LaneVector256 left, LaneVector256 right)
        => new(Vector256.GreaterThanOrEqual(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 LessThanInt64(LaneVector256 left, LaneVector256 right)
        => new(Vector256.LessThan(left.value.AsInt64(), right.value.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 GreaterThanInt64(LaneVector256 left, LaneVector256 right)
        => new(Vector256.GreaterThan(left.value.AsInt64(), right.value.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 EqualsInt64(LaneVector256 left, LaneVector256 right)
        => new(Vector256.Equals(left.value.AsInt64(), right.value.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 And(LaneVector256 left, LaneVector256 right)
        => new(left.value & right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 Or(LaneVector256 left, LaneVector256 right)
        => new(left.value | right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 Select(LaneVector256 mask, LaneVector256 whenTrue, LaneVector256 otherwise)
        // A mask's lanes are all ones or all zeros, so the sign-bit blend is the bitwise select, in one instruction.
        => new(Avx.IsSupported ? Avx.BlendVariable(otherwise.value, whenTrue.value, mask.value) : Vector256.ConditionalSelect(mask.value, whenTrue.value, otherwise.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnySet(LaneVector256 value)
        => value.value.AsInt64() != Vector256<long>.Zero;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint MostSignificantBits(LaneVector256 value)
        => value.value.ExtractMostSignificantBits();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 LoadWidened(ref float source) => new(Widen(Vector128.LoadUnsafe(ref source)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(LaneVector256 value, ref float destination) => Narrow(value.value).StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 Divide(LaneVector256 left, LaneVector256 right) => new(left.value / right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 CopySign(LaneVector256 magnitude, LaneVector256 sign)
        => new(Vector256.ConditionalSelect(Vector256.Create(-0.0), sign.value, magnitude.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 LimitAbove(LaneVector256 value, LaneVector256 limit)
        => new(Vector256.ConditionalSelect(Vector256.GreaterThan(value.value, limit.value), limit.value, value.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 SelectWhereLess(LaneVector256 left, LaneVector256 right, LaneVector256 whenLess, LaneVector256 otherwise)
        => new(Vector256.ConditionalSelect(Vector256.LessThan(left.value, right.value), whenLess.value, otherwise.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 PowerOfTwo(LaneVector256 integral)
    {
        var bits = Vector256.ShiftLeft((integral.value + Vector256.Create(Float64LaneBits.TwoTo52)).AsInt64(), 52);
        return new((bits + Vector256.Create(Float64LaneBits.One)).AsDouble());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector256 RoundToSingle(LaneVector256 value) => new(Widen(Narrow(value.value)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint NotEqualBits(LaneVector256 left, LaneVector256 right)
        => (uint)(~Vector256.Equals(left.value, right.value)).ExtractMostSignificantBits();

    private static Vector256<double> Widen(Vector128<float> value)
        => Avx.IsSupported ? Avx.ConvertToVector256Double(value) : Vector256.Create(Vector128.WidenLower(value), Vector128.WidenUpper(value));

    private static Vector128<float> Narrow(Vector256<double> value)
        => Avx.IsSupported ? Avx.ConvertToVector128Single(value) : Vector128.Narrow(value.GetLower(), value.GetUpper());
}
