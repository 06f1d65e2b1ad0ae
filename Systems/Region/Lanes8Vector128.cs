using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>Eight 64-bit lanes in four <see cref="Vector128{T}"/> registers (SSE, NEON): lanes 0–1, 2–3, 4–5, 6–7.</summary>
internal readonly struct Lanes8Vector128 : ILanes8<Lanes8Vector128>
{
    private readonly Vector128<double> a;
    private readonly Vector128<double> b;
    private readonly Vector128<double> c;
    private readonly Vector128<double> d;

    private Lanes8Vector128(Vector128<double> a, Vector128<double> b, Vector128<double> c, Vector128<double> d)
    {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
    }

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    /// <inheritdoc />
    public static Lanes8Vector128 Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 Broadcast(double value)
    {
        var v = Vector128.Create(value);
        return new(v, v, v, v);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 BroadcastInt64(long value)
    {
        var v = Vector128.Create(value).AsDouble();
        return new(v, v, v, v);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 Load(ref double source)
        => new(Vector128.LoadUnsafe(ref source), Vector128.LoadUnsafe(ref source, 2), Vector128.LoadUnsafe(ref source, 4), Vector128.LoadUnsafe(ref source, 6));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 LoadInt64(ref long source)
        => new(Vector128.LoadUnsafe(ref source).AsDouble(), Vector128.LoadUnsafe(ref source, 2).AsDouble(), Vector128.LoadUnsafe(ref source, 4).AsDouble(), Vector128.LoadUnsafe(ref source, 6).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 LoadWidened(ref int source)
    {
        var (a, b) = Vector128.Widen(Vector128.LoadUnsafe(ref source));
        var (c, d) = Vector128.Widen(Vector128.LoadUnsafe(ref source, 4));
        return new(a.AsDouble(), b.AsDouble(), c.AsDouble(), d.AsDouble());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes8Vector128 value, ref double destination)
    {
        value.a.StoreUnsafe(ref destination);
        value.b.StoreUnsafe(ref destination, 2);
        value.c.StoreUnsafe(ref destination, 4);
        value.d.StoreUnsafe(ref destination, 6);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt64(Lanes8Vector128 value, ref long destination)
    {
        value.a.AsInt64().StoreUnsafe(ref destination);
        value.b.AsInt64().StoreUnsafe(ref destination, 2);
        value.c.AsInt64().StoreUnsafe(ref destination, 4);
        value.d.AsInt64().StoreUnsafe(ref destination, 6);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(Lanes8Vector128 value, ref int destination)
    {
        Vector128.Narrow(value.a.AsInt64(), value.b.AsInt64()).StoreUnsafe(ref destination);
        Vector128.Narrow(value.c.AsInt64(), value.d.AsInt64()).StoreUnsafe(ref destination, 4);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 Add(Lanes8Vector128 left, Lanes8Vector128 right)
        => new(left.a + right.a, left.b + right.b, left.c + right.c, left.d + right.d);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 Subtract(Lanes8Vector128 left, Lanes8Vector128 right)
        => new(left.a - right.a, left.b - right.b, left.c - right.c, left.d - right.d);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 Multiply(Lanes8Vector128 left, Lanes8Vector128 right)
        => new(left.a * right.a, left.b * right.b, left.c * right.c, left.d * right.d);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 Min(Lanes8Vector128 left, Lanes8Vector128 right)
        => new(Vector128.Min(left.a, right.a), Vector128.Min(left.b, right.b), Vector128.Min(left.c, right.c), Vector128.Min(left.d, right.d));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 Max(Lanes8Vector128 left, Lanes8Vector128 right)
        => new(Vector128.Max(left.a, right.a), Vector128.Max(left.b, right.b), Vector128.Max(left.c, right.c), Vector128.Max(left.d, right.d));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 Abs(Lanes8Vector128 value)
        => new(Vector128.Abs(value.a), Vector128.Abs(value.b), Vector128.Abs(value.c), Vector128.Abs(value.d));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 SubtractInt64(Lanes8Vector128 left, Lanes8Vector128 right)
        => new((left.a.AsInt64() - right.a.AsInt64()).AsDouble(), (left.b.AsInt64() - right.b.AsInt64()).AsDouble(), (left.c.AsInt64() - right.c.AsInt64()).AsDouble(), (left.d.AsInt64() - right.d.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 LessThan(Lanes8Vector128 left, Lanes8Vector128 right)
        => new(Vector128.LessThan(left.a, right.a), Vector128.LessThan(left.b, right.b), Vector128.LessThan(left.c, right.c), Vector128.LessThan(left.d, right.d));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 GreaterThan(Lanes8Vector128 left, Lanes8Vector128 right)
        => new(Vector128.GreaterThan(left.a, right.a), Vector128.GreaterThan(left.b, right.b), Vector128.GreaterThan(left.c, right.c), Vector128.GreaterThan(left.d, right.d));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 GreaterThanOrEqual(Lanes8Vector128 left, Lanes8Vector128 right)
        => new(Vector128.GreaterThanOrEqual(left.a, right.a), Vector128.GreaterThanOrEqual(left.b, right.b), Vector128.GreaterThanOrEqual(left.c, right.c), Vector128.GreaterThanOrEqual(left.d, right.d));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 LessThanInt64(Lanes8Vector128 left, Lanes8Vector128 right)
        => new(Vector128.LessThan(left.a.AsInt64(), right.a.AsInt64()).AsDouble(), Vector128.LessThan(left.b.AsInt64(), right.b.AsInt64()).AsDouble(), Vector128.LessThan(left.c.AsInt64(), right.c.AsInt64()).AsDouble(), Vector128.LessThan(left.d.AsInt64(), right.d.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 GreaterThanInt64(Lanes8Vector128 left, Lanes8Vector128 right)
        => new(Vector128.GreaterThan(left.a.AsInt64(), right.a.AsInt64()).AsDouble(), Vector128.GreaterThan(left.b.AsInt64(), right.b.AsInt64()).AsDouble(), Vector128.GreaterThan(left.c.AsInt64(), right.c.AsInt64()).AsDouble(), Vector128.GreaterThan(left.d.AsInt64(), right.d.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 EqualsInt64(Lanes8Vector128 left, Lanes8Vector128 right)
        => new(Vector128.Equals(left.a.AsInt64(), right.a.AsInt64()).AsDouble(), Vector128.Equals(left.b.AsInt64(), right.b.AsInt64()).AsDouble(), Vector128.Equals(left.c.AsInt64(), right.c.AsInt64()).AsDouble(), Vector128.Equals(left.d.AsInt64(), right.d.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 And(Lanes8Vector128 left, Lanes8Vector128 right)
        => new(left.a & right.a, left.b & right.b, left.c & right.c, left.d & right.d);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 Or(Lanes8Vector128 left, Lanes8Vector128 right)
        => new(left.a | right.a, left.b | right.b, left.c | right.c, left.d | right.d);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector128 Select(Lanes8Vector128 mask, Lanes8Vector128 whenTrue, Lanes8Vector128 otherwise)
        => new(Vector128.ConditionalSelect(mask.a, whenTrue.a, otherwise.a), Vector128.ConditionalSelect(mask.b, whenTrue.b, otherwise.b), Vector128.ConditionalSelect(mask.c, whenTrue.c, otherwise.c), Vector128.ConditionalSelect(mask.d, whenTrue.d, otherwise.d));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnySet(Lanes8Vector128 value)
        => (value.a | value.b | value.c | value.d).AsInt64() != Vector128<long>.Zero;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint MostSignificantBits(Lanes8Vector128 value)
        => value.a.ExtractMostSignificantBits() | (value.b.ExtractMostSignificantBits() << 2) | (value.c.ExtractMostSignificantBits() << 4) | (value.d.ExtractMostSignificantBits() << 6);
}
