using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
#if NET9_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// Masked loads and stores of eight 64-bit lanes, selected by the sign bits of a
/// <see cref="Vector256{T}"/> of ints (one int lane per 64-bit lane).
/// </summary>
/// <remarks>
/// <c>Avx512F.MaskLoad</c> and <c>MaskStore</c> exist from .NET 9 on. On .NET 8 the selected
/// lanes are moved one at a time: the same bytes are read and written as by the instructions
/// (never a lane outside the mask, so a worker still never touches another worker's synapses),
/// only slower. The .NET 8 build of the pool kernel gives the same results as the .NET 10 one.
/// </remarks>
internal static unsafe class MaskedVector512
{
    /// <summary>Loads the lanes of <paramref name="source"/> whose mask lane is set; the others are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Load(ulong* source, Vector256<int> mask)
    {
#if NET9_0_OR_GREATER
        return Avx512F.MaskLoad(source, Avx512F.ConvertToVector512Int64(mask).AsUInt64(), Vector512<ulong>.Zero);
#else
        Vector512<ulong> value = default;
        ulong* lanes = (ulong*)&value;
        for (uint bits = mask.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(bits);
            lanes[lane] = source[lane];
        }

        return value;
#endif
    }

    /// <summary>Stores the lanes of <paramref name="value"/> whose mask lane is set; memory under the other lanes is left alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ulong* destination, Vector256<int> mask, Vector512<ulong> value)
    {
#if NET9_0_OR_GREATER
        Avx512F.MaskStore(destination, Avx512F.ConvertToVector512Int64(mask).AsUInt64(), value);
#else
        ulong* lanes = (ulong*)&value;
        for (uint bits = mask.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(bits);
            destination[lane] = lanes[lane];
        }
#endif
    }
}
