using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>4 double lanes in one <see cref="Vector256{T}"/> (AVX2).</summary>
internal readonly struct Float64Lanes256 : IFloat64Lanes<Float64Lanes256>
{
    private readonly Vector256<double> lanes;

    private Float64Lanes256(Vector256<double> lanes) => this.lanes = lanes;

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int Count => 4;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes256 Broadcast(double value) => new(Vector256.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes256 LoadWidened(ref float source) => new(Widen(Vector128.LoadUnsafe(ref source)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(Float64Lanes256 value, ref float destination) => Narrow(value.lanes).StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes256 Add(Float64Lanes256 left, Float64Lanes256 right) => new(left.lanes + right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes256 Subtract(Float64Lanes256 left, Float64Lanes256 right) => new(left.lanes - right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes256 Multiply(Float64Lanes256 left, Float64Lanes256 right) => new(left.lanes * right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes256 Divide(Float64Lanes256 left, Float64Lanes256 right) => new(left.lanes / right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes256 Abs(Float64Lanes256 value) => new(Vector256.Abs(value.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes256 CopySign(Float64Lanes256 magnitude, Float64Lanes256 sign)
        => new(Vector256.ConditionalSelect(Vector256.Create(-0.0), sign.lanes, magnitude.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes256 LimitAbove(Float64Lanes256 value, Float64Lanes256 limit)
        => new(Vector256.ConditionalSelect(Vector256.GreaterThan(value.lanes, limit.lanes), limit.lanes, value.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes256 SelectWhereLess(Float64Lanes256 left, Float64Lanes256 right, Float64Lanes256 whenLess, Float64Lanes256 otherwise)
        => new(Vector256.ConditionalSelect(Vector256.LessThan(left.lanes, right.lanes), whenLess.lanes, otherwise.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes256 PowerOfTwo(Float64Lanes256 integral)
    {
        var bits = Vector256.ShiftLeft((integral.lanes + Vector256.Create(Float64LaneBits.TwoTo52)).AsInt64(), 52);
        return new((bits + Vector256.Create(Float64LaneBits.One)).AsDouble());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes256 RoundToSingle(Float64Lanes256 value) => new(Widen(Narrow(value.lanes)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint NotEqualBits(Float64Lanes256 left, Float64Lanes256 right)
        => (uint)(~Vector256.Equals(left.lanes, right.lanes)).ExtractMostSignificantBits();

    private static Vector256<double> Widen(Vector128<float> value)
        => Avx.IsSupported ? Avx.ConvertToVector256Double(value) : Vector256.Create(Vector128.WidenLower(value), Vector128.WidenUpper(value));

    private static Vector128<float> Narrow(Vector256<double> value)
        => Avx.IsSupported ? Avx.ConvertToVector128Single(value) : Vector128.Narrow(value.GetLower(), value.GetUpper());
}
