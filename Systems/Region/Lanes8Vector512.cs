using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>Eight 64-bit lanes in one <see cref="Vector512{T}"/> register (AVX-512).</summary>
internal readonly struct Lanes8Vector512 : ILanes8<Lanes8Vector512>
{
    private readonly Vector512<double> a;

    private Lanes8Vector512(Vector512<double> a)
    {
        this.a = a;
    }

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    /// <inheritdoc />
    public static Lanes8Vector512 Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 Broadcast(double value)
    {
        var v = Vector512.Create(value);
        return new(v);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 BroadcastInt64(long value)
    {
        var v = Vector512.Create(value).AsDouble();
        return new(v);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 Load(ref double source)
        => new(Vector512.LoadUnsafe(ref source));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 LoadInt64(ref long source)
        => new(Vector512.LoadUnsafe(ref source).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 LoadWidened(ref int source)
    {
        var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref source));
        return new(Vector512.Create(low, high).AsDouble());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes8Vector512 value, ref double destination)
    {
        value.a.StoreUnsafe(ref destination);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt64(Lanes8Vector512 value, ref long destination)
    {
        value.a.AsInt64().StoreUnsafe(ref destination);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(Lanes8Vector512 value, ref int destination)
    {
        if (Avx512F.IsSupported)
            Avx512F.ConvertToVector256Int32(value.a.AsInt64()).StoreUnsafe(ref destination);
        else
            Vector256.Narrow(value.a.AsInt64().GetLower(), value.a.AsInt64().GetUpper()).StoreUnsafe(ref destination);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 Add(Lanes8Vector512 left, Lanes8Vector512 right)
        => new(left.a + right.a);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 Subtract(Lanes8Vector512 left, Lanes8Vector512 right)
        => new(left.a - right.a);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 Multiply(Lanes8Vector512 left, Lanes8Vector512 right)
        => new(left.a * right.a);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 Min(Lanes8Vector512 left, Lanes8Vector512 right)
        => new(Vector512.Min(left.a, right.a));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 Max(Lanes8Vector512 left, Lanes8Vector512 right)
        => new(Vector512.Max(left.a, right.a));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 Abs(Lanes8Vector512 value)
        => new(Vector512.Abs(value.a));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 SubtractInt64(Lanes8Vector512 left, Lanes8Vector512 right)
        => new((left.a.AsInt64() - right.a.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 LessThan(Lanes8Vector512 left, Lanes8Vector512 right)
        => new(Vector512.LessThan(left.a, right.a));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 GreaterThan(Lanes8Vector512 left, Lanes8Vector512 right)
        => new(Vector512.GreaterThan(left.a, right.a));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 GreaterThanOrEqual(Lanes8Vector512 left, Lanes8Vector512 right)
        => new(Vector512.GreaterThanOrEqual(left.a, right.a));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 LessThanInt64(Lanes8Vector512 left, Lanes8Vector512 right)
        => new(Vector512.LessThan(left.a.AsInt64(), right.a.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 GreaterThanInt64(Lanes8Vector512 left, Lanes8Vector512 right)
        => new(Vector512.GreaterThan(left.a.AsInt64(), right.a.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 EqualsInt64(Lanes8Vector512 left, Lanes8Vector512 right)
        => new(Vector512.Equals(left.a.AsInt64(), right.a.AsInt64()).AsDouble());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 And(Lanes8Vector512 left, Lanes8Vector512 right)
        => new(left.a & right.a);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 Or(Lanes8Vector512 left, Lanes8Vector512 right)
        => new(left.a | right.a);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8Vector512 Select(Lanes8Vector512 mask, Lanes8Vector512 whenTrue, Lanes8Vector512 otherwise)
        => new(Vector512.ConditionalSelect(mask.a, whenTrue.a, otherwise.a));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnySet(Lanes8Vector512 value)
        => value.a.AsInt64() != Vector512<long>.Zero;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint MostSignificantBits(Lanes8Vector512 value)
        => (uint)value.a.ExtractMostSignificantBits();
}
