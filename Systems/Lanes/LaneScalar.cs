using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Lanes;

/// <summary>One double lane: the scalar instance of <see cref="IFloat64Lanes{TSelf}"/> (tails and the scalar path).</summary>
internal readonly struct LaneScalar : IFloat64Lanes<LaneScalar>
{
    private readonly double value;

    private LaneScalar(double value) => this.value = value;

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => true;

    /// <inheritdoc />
    public static int Count => 1;

    /// <inheritdoc />
    public static LaneScalar Broadcast(double value) => new(value);

    /// <inheritdoc />
    public static LaneScalar LoadWidened(ref float source) => new(source);

    /// <inheritdoc />
    public static void StoreNarrowed(LaneScalar value, ref float destination) => destination = (float)value.value;

    /// <inheritdoc />
    public static LaneScalar Add(LaneScalar left, LaneScalar right) => new(left.value + right.value);

    /// <inheritdoc />
    public static LaneScalar Subtract(LaneScalar left, LaneScalar right) => new(left.value - right.value);

    /// <inheritdoc />
    public static LaneScalar Multiply(LaneScalar left, LaneScalar right) => new(left.value * right.value);

    /// <inheritdoc />
    public static LaneScalar Divide(LaneScalar left, LaneScalar right) => new(left.value / right.value);

    /// <inheritdoc />
    public static LaneScalar Abs(LaneScalar value) => new(Math.Abs(value.value));

    /// <inheritdoc />
    public static LaneScalar CopySign(LaneScalar magnitude, LaneScalar sign) => new(Math.CopySign(magnitude.value, sign.value));

    /// <inheritdoc />
    public static LaneScalar LimitAbove(LaneScalar value, LaneScalar limit) => value.value > limit.value ? limit : value;

    /// <inheritdoc />
    public static LaneScalar SelectWhereLess(LaneScalar left, LaneScalar right, LaneScalar whenLess, LaneScalar otherwise)
        => left.value < right.value ? whenLess : otherwise;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar PowerOfTwo(LaneScalar integral)
        => new(BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(integral.value + Float64LaneBits.TwoTo52) << 52) + Float64LaneBits.One));

    /// <inheritdoc />
    public static LaneScalar RoundToSingle(LaneScalar value) => new((float)value.value);

    /// <inheritdoc />
    public static uint NotEqualBits(LaneScalar left, LaneScalar right) => left.value == right.value ? 0u : 1u;
}
