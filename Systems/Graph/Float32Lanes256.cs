using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>8 lanes in one <see cref="Vector256{T}"/> (AVX2).</summary>
internal readonly unsafe struct Float32Lanes256 : IFloat32Lanes<Float32Lanes256>
{
    private readonly Vector256<int> lanes;

    private Float32Lanes256(Vector256<int> lanes) => this.lanes = lanes;

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int Count => 8;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes256 BroadcastInt(int value) => new(Vector256.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes256 LoadInt(ref int source) => new(Vector256.LoadUnsafe(ref source));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes256 LoadFloat(ref float source) => new(Vector256.LoadUnsafe(ref source).AsInt32());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreFloat(Float32Lanes256 value, ref float destination) => value.lanes.AsSingle().StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes256 GatherInt(int* table, Float32Lanes256 indices) => new(Gather(table, indices.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes256 GatherFloat(float* table, Float32Lanes256 indices) => new(Gather((int*)table, indices.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes256 AddInt(Float32Lanes256 left, Float32Lanes256 right) => new(left.lanes + right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes256 SubtractInt(Float32Lanes256 left, Float32Lanes256 right) => new(left.lanes - right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes256 WrapNegative(Float32Lanes256 value, Float32Lanes256 length)
        => new(value.lanes + (Vector256.ShiftRightArithmetic(value.lanes, 31) & length.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes256 Multiply(Float32Lanes256 left, Float32Lanes256 right) => new((left.lanes.AsSingle() * right.lanes.AsSingle()).AsInt32());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes256 Add(Float32Lanes256 left, Float32Lanes256 right) => new((left.lanes.AsSingle() + right.lanes.AsSingle()).AsInt32());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes256 SelectWhereLessInt(Float32Lanes256 left, Float32Lanes256 right, Float32Lanes256 whenLess, Float32Lanes256 otherwise)
        => new(Vector256.ConditionalSelect(Vector256.LessThan(left.lanes, right.lanes), whenLess.lanes, otherwise.lanes));

    /// <summary>Lane l = <c>table[indices_l]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<int> Gather(int* table, Vector256<int> indices)
        => Avx2.IsSupported ? Avx2.GatherVector256(table, indices, sizeof(int)) : Vector256.Create(Float32Lanes128.Gather(table, indices.GetLower()), Float32Lanes128.Gather(table, indices.GetUpper()));
}
