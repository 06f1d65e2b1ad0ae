namespace GrowNet.Ecs.Serialization.Checksums;

/// <summary>
/// CRC-32C (Castagnoli; reflected polynomial 0x82F63B78, initial value 0xFFFFFFFF, final XOR
/// 0xFFFFFFFF), the checksum of world files. Check value: "123456789" hashes to 0xE3069283.
/// </summary>
/// <remarks>
/// Where the processor has a CRC32C instruction (SSE4.2 on x64, CRC32 on Arm64) the bytes are
/// hashed with it here (<c>Crc32CInstruction</c>: three interleaved chains), on .NET 8 and .NET 10
/// alike: System.IO.Hashing 11's CRC-32C (.NET 10) measured 2.2× slower on this machine (6.0 against
/// 2.7 ms per 64 MiB), which made world saves and loads 36–45 % slower (`grownet bench` against the
/// baseline). Without the instruction, .NET 10 uses the library (<c>Crc32ParameterSet.Crc32C</c>;
/// the .NET 8 build of the library has no CRC-32C) and .NET 8 the runtime's software fallback of
/// the same instruction. All give the same values (tested against the library). Continuing from a
/// stored CRC and <see cref="Combine"/> are done here, since the library has neither.
/// </remarks>
public static class Crc32C
{
    private const uint ReflectedPolynomial = 0x82F63B78u;

    private static readonly CrcCombiner Combiner = new(ReflectedPolynomial);

    /// <summary>Computes the CRC-32C of <paramref name="data"/> (finalized: ready to store or compare).</summary>
    /// <param name="data">The bytes to hash; may be empty (its CRC is 0).</param>
    /// <returns>The finalized CRC-32C.</returns>
    public static uint Compute(ReadOnlySpan<byte> data)
#if NET10_0_OR_GREATER
        => Crc32CInstruction.IsHardwareAccelerated
            ? ~Crc32CInstruction.Update(0xFFFFFFFFu, data)
            : System.IO.Hashing.Crc32.HashToUInt32(System.IO.Hashing.Crc32ParameterSet.Crc32C, data);
#else
        => ~Crc32CInstruction.Update(0xFFFFFFFFu, data);
#endif

    /// <summary>
    /// Continues a CRC-32C over more bytes. <paramref name="crc"/> is a <em>finalized</em> value,
    /// as returned by <see cref="Compute"/> or an earlier <see cref="Append"/> (start from 0 for
    /// an empty prefix), and the result is finalized too, so
    /// <c>Append(Compute(a), b) == Compute(a + b)</c> for any split of the input.
    /// </summary>
    /// <param name="crc">The finalized CRC-32C of everything before <paramref name="data"/>.</param>
    /// <param name="data">The next bytes.</param>
    /// <returns>The finalized CRC-32C of the prefix followed by <paramref name="data"/>.</returns>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
#if NET10_0_OR_GREATER
        => Crc32CInstruction.IsHardwareAccelerated ? ~Crc32CInstruction.Update(~crc, data) : Combine(crc, Compute(data), data.Length);
#else
        => ~Crc32CInstruction.Update(~crc, data);
#endif

    /// <summary>
    /// The CRC-32C of A followed by B from the CRCs of A and B and the length of B (all CRCs
    /// finalized), without touching the bytes: multiplies CRC(A) by x^(8·|B|) modulo the
    /// polynomial in GF(2). Lets the world codec keep a whole-file CRC from per-section CRCs.
    /// </summary>
    /// <param name="crcFirst">The finalized CRC-32C of A.</param>
    /// <param name="crcSecond">The finalized CRC-32C of B.</param>
    /// <param name="secondLength">The length of B in bytes.</param>
    /// <returns>The finalized CRC-32C of A followed by B.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="secondLength"/> is negative.</exception>
    public static uint Combine(uint crcFirst, uint crcSecond, long secondLength)
        => Combiner.Combine(crcFirst, crcSecond, secondLength);
}
