using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>Gathers of four and eight floats by index, for the lane sets' <c>Gather</c> (AVX2 where present, else loads one by one).</summary>
internal static unsafe class LaneGather
{
    /// <summary><c>table[indices[l]]</c> for l = 0..3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Four(float* table, ref int indices)
    {
        if (Avx2.IsSupported)
            return Avx2.GatherVector128(table, Vector128.LoadUnsafe(ref indices), sizeof(float));
        return Vector128.Create(table[indices], table[Unsafe.Add(ref indices, 1)], table[Unsafe.Add(ref indices, 2)],
            table[Unsafe.Add(ref indices, 3)]);
    }

    /// <summary><c>table[indices[l]]</c> for l = 0..7.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Eight(float* table, ref int indices)
    {
        if (Avx2.IsSupported)
            return Avx2.GatherVector256(table, Vector256.LoadUnsafe(ref indices), sizeof(float));
        return Vector256.Create(Four(table, ref indices), Four(table, ref Unsafe.Add(ref indices, 4)));
    }
}
