using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>4 lanes in one <see cref="Vector128{T}"/> (SSE / NEON; hardware gathers where AVX2 is on).</summary>
internal readonly unsafe struct Float32Lanes128 : IFloat32Lanes<Float32Lanes128>
{
    private readonly Vector128<int> lanes;

    private Float32Lanes128(Vector128<int> lanes) => this.lanes = lanes;

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int Count => 4;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes128 BroadcastInt(int value) => new(Vector128.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes128 LoadInt(ref int source) => new(Vector128.LoadUnsafe(ref source));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes128 LoadFloat(ref float source) => new(Vector128.LoadUnsafe(ref source).AsInt32());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreFloat(Float32Lanes128 value, ref float destination) => value.lanes.AsSingle().StoreUnsafe(ref destination);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes128 GatherInt(int* table, Float32Lanes128 indices) => new(Gather(table, indices.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes128 GatherFloat(float* table, Float32Lanes128 indices) => new(Gather((int*)table, indices.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes128 AddInt(Float32Lanes128 left, Float32Lanes128 right) => new(left.lanes + right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes128 SubtractInt(Float32Lanes128 left, Float32Lanes128 right) => new(left.lanes - right.lanes);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes128 WrapNegative(Float32Lanes128 value, Float32Lanes128 length)
        => new(value.lanes + (Vector128.ShiftRightArithmetic(value.lanes, 31) & length.lanes));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes128 Multiply(Float32Lanes128 left, Float32Lanes128 right) => new((left.lanes.AsSingle() * right.lanes.AsSingle()).AsInt32());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes128 Add(Float32Lanes128 left, Float32Lanes128 right) => new((left.lanes.AsSingle() + right.lanes.AsSingle()).AsInt32());

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float32Lanes128 SelectWhereLessInt(Float32Lanes128 left, Float32Lanes128 right, Float32Lanes128 whenLess, Float32Lanes128 otherwise)
        => new(Vector128.ConditionalSelect(Vector128.LessThan(left.lanes, right.lanes), whenLess.lanes, otherwise.lanes));

    /// <summary>Lane l = <c>table[indices_l]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<int> Gather(int* table, Vector128<int> indices)
        => Avx2.IsSupported ? Avx2.GatherVector128(table, indices, sizeof(int)) : Vector128.Create(table[indices[0]], table[indices[1]], table[indices[2]], table[indices[3]]);
}
