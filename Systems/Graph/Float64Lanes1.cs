using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>One double lane: the scalar instance of <see cref="IFloat64Lanes{TSelf}"/> (tails and the scalar path).</summary>
internal readonly struct Float64Lanes1 : IFloat64Lanes<Float64Lanes1>
{
    private readonly double value;

    private Float64Lanes1(double value) => this.value = value;

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => true;

    /// <inheritdoc />
    public static int Count => 1;

    /// <inheritdoc />
    public static Float64Lanes1 Broadcast(double value) => new(value);

    /// <inheritdoc />
    public static Float64Lanes1 LoadWidened(ref float source) => new(source);

    /// <inheritdoc />
    public static void StoreNarrowed(Float64Lanes1 value, ref float destination) => destination = (float)value.value;

    /// <inheritdoc />
    public static Float64Lanes1 Add(Float64Lanes1 left, Float64Lanes1 right) => new(left.value + right.value);

    /// <inheritdoc />
    public static Float64Lanes1 Subtract(Float64Lanes1 left, Float64Lanes1 right) => new(left.value - right.value);

    /// <inheritdoc />
    public static Float64Lanes1 Multiply(Float64Lanes1 left, Float64Lanes1 right) => new(left.value * right.value);

    /// <inheritdoc />
    public static Float64Lanes1 Divide(Float64Lanes1 left, Float64Lanes1 right) => new(left.value / right.value);

    /// <inheritdoc />
    public static Float64Lanes1 Abs(Float64Lanes1 value) => new(Math.Abs(value.value));

    /// <inheritdoc />
    public static Float64Lanes1 CopySign(Float64Lanes1 magnitude, Float64Lanes1 sign) => new(Math.CopySign(magnitude.value, sign.value));

    /// <inheritdoc />
    public static Float64Lanes1 LimitAbove(Float64Lanes1 value, Float64Lanes1 limit) => value.value > limit.value ? limit : value;

    /// <inheritdoc />
    public static Float64Lanes1 SelectWhereLess(Float64Lanes1 left, Float64Lanes1 right, Float64Lanes1 whenLess, Float64Lanes1 otherwise)
        => left.value < right.value ? whenLess : otherwise;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float64Lanes1 PowerOfTwo(Float64Lanes1 integral)
        => new(BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(integral.value + Float64LaneBits.TwoTo52) << 52) + Float64LaneBits.One));

    /// <inheritdoc />
    public static Float64Lanes1 RoundToSingle(Float64Lanes1 value) => new((float)value.value);

    /// <inheritdoc />
    public static uint NotEqualBits(Float64Lanes1 left, Float64Lanes1 right) => left.value == right.value ? 0u : 1u;
}
