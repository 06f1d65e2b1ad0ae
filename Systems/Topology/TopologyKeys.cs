using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// 64-bit sort keys for the structural step: a non-negative float's bits (which order like the
/// float) above the cell index <c>i · N + j</c> (which orders like (i, j)). Ascending keys give
/// weakest edges first with ties to lower i, then lower j; candidate keys invert the float bits,
/// so ascending candidate keys give strongest potentiality first with the same tie-breaking.
/// </summary>
internal static class TopologyKeys
{
    /// <summary>Key of an existing edge for "weakest first": |W| ascending, then (i, j).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Weak(float absWeight, int cell) => ((ulong)BitConverter.SingleToUInt32Bits(absWeight) << 32) | (uint)cell;

    /// <summary>Key of a candidate for "strongest first": P descending, then (u, v). P must be positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Candidate(float potentiality, int cell)
        => ((ulong)~BitConverter.SingleToUInt32Bits(potentiality) << 32) | (uint)cell;

    /// <summary>The smallest weak key with |W| = <paramref name="absWeight"/>: keys below it have a smaller |W|.</summary>
    public static ulong WeakBound(float absWeight) => (ulong)BitConverter.SingleToUInt32Bits(absWeight) << 32;

    /// <summary>The smallest candidate key with P = <paramref name="potentiality"/>: keys below it have a larger P.</summary>
    public static ulong CandidateBound(float potentiality) => (ulong)~BitConverter.SingleToUInt32Bits(potentiality) << 32;

    /// <summary>|W| of a weak key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float WeakValue(ulong key) => BitConverter.UInt32BitsToSingle((uint)(key >> 32));

    /// <summary>P of a candidate key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float CandidateValue(ulong key) => BitConverter.UInt32BitsToSingle(~(uint)(key >> 32));

    /// <summary>The cell index of a key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Cell(ulong key) => (int)(uint)key;
}
