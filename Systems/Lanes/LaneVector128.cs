using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Systems.Lanes;

/// <summary>2 64-bit lanes in one <see cref="Vector128{T}"/> register (SSE, NEON).</summary>
internal readonly struct LaneVector128 : ILaneVector<LaneVector128>
{
    private readonly Vector128<double> value;

    private LaneVector128(Vector128<double> value) => this.value = value;

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int Count => 2;

    /// <inheritdoc />
    public static LaneVector128 Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 Broadcast(double value)
        => new(Vector128.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 BroadcastInt64(long value)
        => new(Vector128.Create(value).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 Load(ref double source)
        => new(Vector128.LoadUnsafe(ref source));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 LoadInt64(ref long source)
        => new(Vector128.LoadUnsafe(ref source).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 LoadWidened(ref int source)
    {
        // Two ints: one 64-bit read into the low half, widened.
        var pair = Vector128.CreateScalar(Unsafe.ReadUnaligned<long>(ref Unsafe.As<int, byte>(ref source))).AsInt32();
        return new(Vector128.Widen(pair).Lower.AsDouble());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(LaneVector128 value, ref double destination)
        => value.value.StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt64(LaneVector128 value, ref long destination)
        => value.value.AsInt64().StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(LaneVector128 value, ref int destination)
    {
        var narrowed = Vector128.Narrow(value.value.AsInt64(), value.value.AsInt64());
        Unsafe.WriteUnaligned(ref Unsafe.As<int, byte>(ref destination), narrowed.AsInt64().ToScalar());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 Add(LaneVector128 left, LaneVector128 right)
        => new(left.value + right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 Subtract(LaneVector128 left, LaneVector128 right)
        => new(left.value - right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 Multiply(LaneVector128 left, LaneVector128 right)
        => new(left.value * right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 Min(LaneVector128 left, LaneVector128 right)
        => new(Vector128.Min(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 Max(LaneVector128 left, LaneVector128 right)
        => new(Vector128.Max(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 Abs(LaneVector128 value)
        => new(Vector128.Abs(value.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 SubtractInt64(LaneVector128 left, LaneVector128 right)
        => new((left.value.AsInt64() - right.value.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 LessThan(LaneVector128 left, LaneVector128 right)
        => new(Vector128.LessThan(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 GreaterThan(LaneVector128 left, LaneVector128 right)
        => new(Vector128.GreaterThan(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 GreaterThanOrEqual(LaneVector128 left, LaneVector128 right)
        => new(Vector128.GreaterThanOrEqual(left.value, right.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 LessThanInt64(LaneVector128 left, LaneVector128 right)
        => new(Vector128.LessThan(left.value.AsInt64(), right.value.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 GreaterThanInt64(LaneVector128 left, LaneVector128 right)
        => new(Vector128.GreaterThan(left.value.AsInt64(), right.value.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 EqualsInt64(LaneVector128 left, LaneVector128 right)
        => new(Vector128.Equals(left.value.AsInt64(), right.value.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 And(LaneVector128 left, LaneVector128 right)
        => new(left.value & right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 Or(LaneVector128 left, LaneVector128 right)
        => new(left.value | right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 Select(LaneVector128 mask, LaneVector128 whenTrue, LaneVector128 otherwise)
        // A mask's lanes are all ones or all zeros, so the sign-bit blend is the bitwise select, in one instruction.
        => new(Sse41.IsSupported ? Sse41.BlendVariable(otherwise.value, whenTrue.value, mask.value) : Vector128.ConditionalSelect(mask.value, whenTrue.value, otherwise.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnySet(LaneVector128 value)
        => value.value.AsInt64() != Vector128<long>.Zero;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint MostSignificantBits(LaneVector128 value)
        => value.value.ExtractMostSignificantBits();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 LoadWidened(ref float source) => new(Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<double>(ref Unsafe.As<float, byte>(ref source))).AsSingle()));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(LaneVector128 value, ref float destination) => Unsafe.WriteUnaligned(ref Unsafe.As<float, byte>(ref destination), Vector128.Narrow(value.value, value.value).AsDouble().ToScalar());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 Divide(LaneVector128 left, LaneVector128 right) => new(left.value / right.value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 CopySign(LaneVector128 magnitude, LaneVector128 sign)
        => new(Vector128.ConditionalSelect(Vector128.Create(-0.0), sign.value, magnitude.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 LimitAbove(LaneVector128 value, LaneVector128 limit)
        => new(Vector128.ConditionalSelect(Vector128.GreaterThan(value.value, limit.value), limit.value, value.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 SelectWhereLess(LaneVector128 left, LaneVector128 right, LaneVector128 whenLess, LaneVector128 otherwise)
        => new(Vector128.ConditionalSelect(Vector128.LessThan(left.value, right.value), whenLess.value, otherwise.value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 PowerOfTwo(LaneVector128 integral)
    {
        var bits = Vector128.ShiftLeft((integral.value + Vector128.Create(Float64LaneBits.TwoTo52)).AsInt64(), 52);
        return new((bits + Vector128.Create(Float64LaneBits.One)).AsDouble());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneVector128 RoundToSingle(LaneVector128 value) => new(Vector128.WidenLower(Vector128.Narrow(value.value, value.value)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint NotEqualBits(LaneVector128 left, LaneVector128 right)
        => (uint)(~Vector128.Equals(left.value, right.value)).ExtractMostSignificantBits();
}
