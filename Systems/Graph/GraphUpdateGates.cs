using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Eight update gates at once (graph.md, step 1): bit l is set iff node <c>first + l</c> updates,
/// i.e. <c>draw(seed, "graph-update", tick, first + l) &lt; f</c> — which also covers f ≥ 1 (every
/// draw is below 1) and f ≤ 0 (none is below 0). With AVX-512 (64-bit multiplies and conversions)
/// the eight hashes run in one register, the same integer operations as
/// <see cref="CounterRandom.BitsAt"/>, so the bits are the scalar draws'; elsewhere one by one.
/// </summary>
internal static class GraphUpdateGates
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Whether the eight-lane path runs on this machine.</summary>
    public static bool IsVectorised => Vector512.IsHardwareAccelerated && Avx512DQ.IsSupported;

    /// <summary>The gates of nodes <paramref name="first"/> .. first + 7 with frequencies from <paramref name="frequencies"/>[first].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Eight(ulong updateKey, int first, float[] frequencies)
    {
        if (!IsVectorised)
            return EightOneByOne(updateKey, first, frequencies);
        var index = Vector512.Create((ulong)first + 1) + Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7);
        var z = Vector512.Create(updateKey) + index * Vector512.Create(Golden);
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * Vector512.Create(0x94D049BB133111EBUL);
        z ^= Vector512.ShiftRightLogical(z, 31);
        var draws = Vector512.ConvertToDouble(Vector512.ShiftRightLogical(z, 11)) * Vector512.Create(1.0 / (1UL << 53));
        var f = Avx512F.ConvertToVector512Double(Vector256.LoadUnsafe(ref frequencies[first]));
        return (uint)Vector512.LessThan(draws, f).ExtractMostSignificantBits();
    }

    /// <summary>As <see cref="Eight"/>, one draw at a time (the scalar rule).</summary>
    public static uint EightOneByOne(ulong updateKey, int first, float[] frequencies)
    {
        uint gates = 0;
        for (int l = 0; l < 8; l++)
        {
            if (GraphStreams.UpdateDrawAt(updateKey, first + l) < frequencies[first + l])
                gates |= 1u << l;
        }

        return gates;
    }
}
