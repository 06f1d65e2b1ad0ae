using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Systems.Region;

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
}
