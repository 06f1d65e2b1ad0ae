using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>2 double lanes in one <see cref="Vector128{T}"/> (SSE / NEON).</summary>
internal readonly struct Float64Lanes128 : IFloat64Lanes<Float64Lanes128>
{
    private readonly Vector128<double> lanes;

    private Float64Lanes128(Vector128<double> lanes) => this.lanes = lanes;

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int Count => 2;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes128 Broadcast(double value) => new(Vector128.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes128 LoadWidened(ref float source) => new(Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<double>(ref Unsafe.As<float, byte>(ref source))).AsSingle()));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(Float64Lanes128 value, ref float destination) => Unsafe.WriteUnaligned(ref Unsafe.As<float, byte>(ref destination), Vector128.Narrow(value.lanes, value.lanes).AsDouble().ToScalar());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes128 Add(Float64Lanes128 left, Float64Lanes128 right) => new(left.lanes + right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes128 Subtract(Float64Lanes128 left, Float64Lanes128 right) => new(left.lanes - right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes128 Multiply(Float64Lanes128 left, Float64Lanes128 right) => new(left.lanes * right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes128 Divide(Float64Lanes128 left, Float64Lanes128 right) => new(left.lanes / right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes128 Abs(Float64Lanes128 value) => new(Vector128.Abs(value.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes128 CopySign(Float64Lanes128 magnitude, Float64Lanes128 sign)
        => new(Vector128.ConditionalSelect(Vector128.Create(-0.0), sign.lanes, magnitude.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes128 LimitAbove(Float64Lanes128 value, Float64Lanes128 limit)
        => new(Vector128.ConditionalSelect(Vector128.GreaterThan(value.lanes, limit.lanes), limit.lanes, value.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes128 SelectWhereLess(Float64Lanes128 left, Float64Lanes128 right, Float64Lanes128 whenLess, Float64Lanes128 otherwise)
        => new(Vector128.ConditionalSelect(Vector128.LessThan(left.lanes, right.lanes), whenLess.lanes, otherwise.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes128 PowerOfTwo(Float64Lanes128 integral)
    {
        var bits = Vector128.ShiftLeft((integral.lanes + Vector128.Create(Float64LaneBits.TwoTo52)).AsInt64(), 52);
        return new((bits + Vector128.Create(Float64LaneBits.One)).AsDouble());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes128 RoundToSingle(Float64Lanes128 value) => new(Vector128.WidenLower(Vector128.Narrow(value.lanes, value.lanes)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint NotEqualBits(Float64Lanes128 left, Float64Lanes128 right)
        => (uint)(~Vector128.Equals(left.lanes, right.lanes)).ExtractMostSignificantBits();
}
