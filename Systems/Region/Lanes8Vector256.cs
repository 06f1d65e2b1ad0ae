using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>Eight 64-bit lanes in two <see cref="Vector256{T}"/> registers (AVX2): lanes 0–3 and 4–7.</summary>
internal readonly struct Lanes8Vector256 : ILanes8<Lanes8Vector256>
{
    private readonly Vector256<double> a;
    private readonly Vector256<double> b;

    private Lanes8Vector256(Vector256<double> a, Vector256<double> b)
    {
        this.a = a;
        this.b = b;
    }

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    /// <inheritdoc />
    public static Lanes8Vector256 Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 Broadcast(double value)
    {
        var v = Vector256.Create(value);
        return new(v, v);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 BroadcastInt64(long value)
    {
        var v = Vector256.Create(value).AsDouble();
        return new(v, v);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 Load(ref double source)
        => new(Vector256.LoadUnsafe(ref source), Vector256.LoadUnsafe(ref source, 4));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 LoadInt64(ref long source)
        => new(Vector256.LoadUnsafe(ref source).AsDouble(), Vector256.LoadUnsafe(ref source, 4).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 LoadWidened(ref int source)
    {
        var (a, b) = Vector256.Widen(Vector256.LoadUnsafe(ref source));
        return new(a.AsDouble(), b.AsDouble());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes8Vector256 value, ref double destination)
    {
        value.a.StoreUnsafe(ref destination);
        value.b.StoreUnsafe(ref destination, 4);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt64(Lanes8Vector256 value, ref long destination)
    {
        value.a.AsInt64().StoreUnsafe(ref destination);
        value.b.AsInt64().StoreUnsafe(ref destination, 4);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(Lanes8Vector256 value, ref int destination)
    {
        Vector256.Narrow(value.a.AsInt64(), value.b.AsInt64()).StoreUnsafe(ref destination);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 Add(Lanes8Vector256 left, Lanes8Vector256 right)
        => new(left.a + right.a, left.b + right.b);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 Subtract(Lanes8Vector256 left, Lanes8Vector256 right)
        => new(left.a - right.a, left.b - right.b);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 Multiply(Lanes8Vector256 left, Lanes8Vector256 right)
        => new(left.a * right.a, left.b * right.b);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 Min(Lanes8Vector256 left, Lanes8Vector256 right)
        => new(Vector256.Min(left.a, right.a), Vector256.Min(left.b, right.b));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 Max(Lanes8Vector256 left, Lanes8Vector256 right)
        => new(Vector256.Max(left.a, right.a), Vector256.Max(left.b, right.b));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 Abs(Lanes8Vector256 value)
        => new(Vector256.Abs(value.a), Vector256.Abs(value.b));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 SubtractInt64(Lanes8Vector256 left, Lanes8Vector256 right)
        => new((left.a.AsInt64() - right.a.AsInt64()).AsDouble(), (left.b.AsInt64() - right.b.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 LessThan(Lanes8Vector256 left, Lanes8Vector256 right)
        => new(Vector256.LessThan(left.a, right.a), Vector256.LessThan(left.b, right.b));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 GreaterThan(Lanes8Vector256 left, Lanes8Vector256 right)
        => new(Vector256.GreaterThan(left.a, right.a), Vector256.GreaterThan(left.b, right.b));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 GreaterThanOrEqual(Lanes8Vector256 left, Lanes8Vector256 right)
        => new(Vector256.GreaterThanOrEqual(left.a, right.a), Vector256.GreaterThanOrEqual(left.b, right.b));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 LessThanInt64(Lanes8Vector256 left, Lanes8Vector256 right)
        => new(Vector256.LessThan(left.a.AsInt64(), right.a.AsInt64()).AsDouble(), Vector256.LessThan(left.b.AsInt64(), right.b.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 GreaterThanInt64(Lanes8Vector256 left, Lanes8Vector256 right)
        => new(Vector256.GreaterThan(left.a.AsInt64(), right.a.AsInt64()).AsDouble(), Vector256.GreaterThan(left.b.AsInt64(), right.b.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 EqualsInt64(Lanes8Vector256 left, Lanes8Vector256 right)
        => new(Vector256.Equals(left.a.AsInt64(), right.a.AsInt64()).AsDouble(), Vector256.Equals(left.b.AsInt64(), right.b.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 And(Lanes8Vector256 left, Lanes8Vector256 right)
        => new(left.a & right.a, left.b & right.b);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 Or(Lanes8Vector256 left, Lanes8Vector256 right)
        => new(left.a | right.a, left.b | right.b);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector256 Select(Lanes8Vector256 mask, Lanes8Vector256 whenTrue, Lanes8Vector256 otherwise)
        => new(Vector256.ConditionalSelect(mask.a, whenTrue.a, otherwise.a), Vector256.ConditionalSelect(mask.b, whenTrue.b, otherwise.b));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnySet(Lanes8Vector256 value)
        => (value.a | value.b).AsInt64() != Vector256<long>.Zero;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint MostSignificantBits(Lanes8Vector256 value)
        => value.a.ExtractMostSignificantBits() | (value.b.ExtractMostSignificantBits() << 4);
}
