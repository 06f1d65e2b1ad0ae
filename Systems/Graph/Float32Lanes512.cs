using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>16 lanes in one <see cref="Vector512{T}"/> (AVX-512; the gathers are two AVX2 gathers of eight).</summary>
internal readonly unsafe struct Float32Lanes512 : IFloat32Lanes<Float32Lanes512>
{
    private readonly Vector512<int> lanes;

    private Float32Lanes512(Vector512<int> lanes) => this.lanes = lanes;

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int Count => 16;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes512 BroadcastInt(int value) => new(Vector512.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes512 LoadInt(ref int source) => new(Vector512.LoadUnsafe(ref source));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes512 LoadFloat(ref float source) => new(Vector512.LoadUnsafe(ref source).AsInt32());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreFloat(Float32Lanes512 value, ref float destination) => value.lanes.AsSingle().StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes512 GatherInt(int* table, Float32Lanes512 indices) => new(Gather(table, indices.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes512 GatherFloat(float* table, Float32Lanes512 indices) => new(Gather((int*)table, indices.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes512 AddInt(Float32Lanes512 left, Float32Lanes512 right) => new(left.lanes + right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes512 SubtractInt(Float32Lanes512 left, Float32Lanes512 right) => new(left.lanes - right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes512 WrapNegative(Float32Lanes512 value, Float32Lanes512 length)
        => new(value.lanes + (Vector512.ShiftRightArithmetic(value.lanes, 31) & length.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes512 Multiply(Float32Lanes512 left, Float32Lanes512 right) => new((left.lanes.AsSingle() * right.lanes.AsSingle()).AsInt32());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes512 Add(Float32Lanes512 left, Float32Lanes512 right) => new((left.lanes.AsSingle() + right.lanes.AsSingle()).AsInt32());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes512 SelectWhereLessInt(Float32Lanes512 left, Float32Lanes512 right, Float32Lanes512 whenLess, Float32Lanes512 otherwise)
        => new(Vector512.ConditionalSelect(Vector512.LessThan(left.lanes, right.lanes), whenLess.lanes, otherwise.lanes));

    /// <summary>Lane l = <c>table[indices_l]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<int> Gather(int* table, Vector512<int> indices)
        => Vector512.Create(Float32Lanes256.Gather(table, indices.GetLower()), Float32Lanes256.Gather(table, indices.GetUpper()));
}
