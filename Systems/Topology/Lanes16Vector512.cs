using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>Sixteen lanes in one <see cref="Vector512{T}"/> (AVX-512).</summary>
public readonly struct Lanes16Vector512 : ILanes16<Lanes16Vector512>
{
    private readonly Vector512<float> lanes;

    private Lanes16Vector512(Vector512<float> lanes) => this.lanes = lanes;

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    /// <inheritdoc />
    public static Lanes16Vector512 Zero => default;

    private static Vector512<int> LaneBits => Vector512.Create(
        1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector512 Broadcast(float value) => new(Vector512.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector512 Load(ref float source) => new(Vector512.LoadUnsafe(ref source));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Lanes16Vector512 Gather(float* table, ref int indices)
        => new(Vector512.Create(LaneGather.Eight(table, ref indices), LaneGather.Eight(table, ref Unsafe.Add(ref indices, 8))));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes16Vector512 value, ref float destination) => value.lanes.StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector512 Add(Lanes16Vector512 left, Lanes16Vector512 right) => new(left.lanes + right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector512 Subtract(Lanes16Vector512 left, Lanes16Vector512 right) => new(left.lanes - right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector512 Multiply(Lanes16Vector512 left, Lanes16Vector512 right) => new(left.lanes * right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector512 Divide(Lanes16Vector512 left, Lanes16Vector512 right) => new(left.lanes / right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector512 Abs(Lanes16Vector512 value) => new(Vector512.Abs(value.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector512 Floor(Lanes16Vector512 value) => new(Vector512.Floor(value.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector512 CopySign(Lanes16Vector512 magnitude, Lanes16Vector512 sign)
    {
        var signBit = Vector512.Create(int.MinValue).AsSingle();
        return new(Vector512.ConditionalSelect(signBit, sign.lanes, magnitude.lanes));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector512 ScaleByPowerOfTwo(Lanes16Vector512 value, Lanes16Vector512 exponent)
    {
        var power = Vector512.ShiftLeft(Vector512.ConvertToInt32(exponent.lanes) + Vector512.Create(127), 23);
        return new(value.lanes * power.AsSingle());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector512 SelectWhereLess(Lanes16Vector512 left, Lanes16Vector512 right, Lanes16Vector512 whenLess, Lanes16Vector512 otherwise)
        => new(Vector512.ConditionalSelect(Vector512.LessThan(left.lanes, right.lanes), whenLess.lanes, otherwise.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes16Vector512 KeepLanes(Lanes16Vector512 value, uint lanes)
    {
        var bits = LaneBits;
        var keep = Vector512.Equals(Vector512.Create((int)lanes) & bits, bits);
        return new(value.lanes & keep.AsSingle());
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AbsAtLeast(Lanes16Vector512 value, Lanes16Vector512 threshold)
        => (uint)Vector512.GreaterThanOrEqual(Vector512.Abs(value.lanes), threshold.lanes).ExtractMostSignificantBits();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AbsAtMost(Lanes16Vector512 value, Lanes16Vector512 threshold)
        => (uint)Vector512.LessThanOrEqual(Vector512.Abs(value.lanes), threshold.lanes).ExtractMostSignificantBits();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Lanes16Vector512 value)
    {
        var a8 = value.lanes.GetLower() + value.lanes.GetUpper();
        var a4 = a8.GetLower() + a8.GetUpper();
        return (a4.GetElement(0) + a4.GetElement(2)) + (a4.GetElement(1) + a4.GetElement(3));
    }
}
