using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>8 double lanes in one <see cref="Vector512{T}"/> (AVX-512).</summary>
internal readonly struct Float64Lanes512 : IFloat64Lanes<Float64Lanes512>
{
    private readonly Vector512<double> lanes;

    private Float64Lanes512(Vector512<double> lanes) => this.lanes = lanes;

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int Count => 8;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes512 Broadcast(double value) => new(Vector512.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes512 LoadWidened(ref float source) => new(Widen(Vector256.LoadUnsafe(ref source)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(Float64Lanes512 value, ref float destination) => Narrow(value.lanes).StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes512 Add(Float64Lanes512 left, Float64Lanes512 right) => new(left.lanes + right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes512 Subtract(Float64Lanes512 left, Float64Lanes512 right) => new(left.lanes - right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes512 Multiply(Float64Lanes512 left, Float64Lanes512 right) => new(left.lanes * right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes512 Divide(Float64Lanes512 left, Float64Lanes512 right) => new(left.lanes / right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes512 Abs(Float64Lanes512 value) => new(Vector512.Abs(value.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes512 CopySign(Float64Lanes512 magnitude, Float64Lanes512 sign)
        => new(Vector512.ConditionalSelect(Vector512.Create(-0.0), sign.lanes, magnitude.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes512 LimitAbove(Float64Lanes512 value, Float64Lanes512 limit)
        => new(Vector512.ConditionalSelect(Vector512.GreaterThan(value.lanes, limit.lanes), limit.lanes, value.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes512 SelectWhereLess(Float64Lanes512 left, Float64Lanes512 right, Float64Lanes512 whenLess, Float64Lanes512 otherwise)
        => new(Vector512.ConditionalSelect(Vector512.LessThan(left.lanes, right.lanes), whenLess.lanes, otherwise.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes512 PowerOfTwo(Float64Lanes512 integral)
    {
        var bits = Vector512.ShiftLeft((integral.lanes + Vector512.Create(Float64LaneBits.TwoTo52)).AsInt64(), 52);
        return new((bits + Vector512.Create(Float64LaneBits.One)).AsDouble());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes512 RoundToSingle(Float64Lanes512 value) => new(Widen(Narrow(value.lanes)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint NotEqualBits(Float64Lanes512 left, Float64Lanes512 right)
        => (uint)(~Vector512.Equals(left.lanes, right.lanes)).ExtractMostSignificantBits();

    private static Vector512<double> Widen(Vector256<float> value)
        => Avx512F.IsSupported ? Avx512F.ConvertToVector512Double(value) : Vector512.Create(Vector256.WidenLower(value), Vector256.WidenUpper(value));

    private static Vector256<float> Narrow(Vector512<double> value)
        => Avx512F.IsSupported ? Avx512F.ConvertToVector256Single(value) : Vector256.Narrow(value.GetLower(), value.GetUpper());
}
