namespace GrowNet.Ecs.Serialization.Checksums;

/// <summary>
/// IEEE CRC-32 (CRC-32/ISO-HDLC, the zlib and PNG one): reflected polynomial 0xEDB88320, initial
/// value 0xFFFFFFFF, final XOR 0xFFFFFFFF. Check value: "123456789" hashes to 0xCBF43926.
/// </summary>
/// <remarks>
/// neuropool 0.1 <c>.pool</c> files use this CRC. The bytes are hashed by System.IO.Hashing
/// (carry-less-multiply folding where the processor has it); continuing from a stored CRC and
/// combining two CRCs are done here, since the library has neither. World files use
/// <see cref="Crc32C"/> instead.
/// </remarks>
public static class Crc32
{
    private static readonly CrcCombiner Combiner = new(0xEDB88320u);

    /// <summary>Computes the CRC-32 of <paramref name="data"/> (finalized: ready to store or compare).</summary>
    /// <param name="data">The bytes to hash; may be empty (its CRC is 0).</param>
    /// <returns>The finalized CRC-32.</returns>
    public static uint Compute(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);

    /// <summary>
    /// Continues a CRC over more bytes. <paramref name="crc"/> is a <em>finalized</em> value, as
    /// returned by <see cref="Compute"/> or an earlier <see cref="Append"/> (start from 0 for an
    /// empty prefix), and the result is finalized too, so
    /// <c>Append(Compute(a), b) == Compute(a + b)</c> for any split of the input.
    /// </summary>
    /// <param name="crc">The finalized CRC of everything before <paramref name="data"/>.</param>
    /// <param name="data">The next bytes.</param>
    /// <returns>The finalized CRC of the prefix followed by <paramref name="data"/>.</returns>
    public static uint Append(uint crc, ReadOnlySpan<byte> data) => Combine(crc, Compute(data), data.Length);

    /// <summary>
    /// The CRC-32 of A followed by B from the CRCs of A and B and the length of B (all CRCs
    /// finalized), without touching the bytes.
    /// </summary>
    /// <param name="crcFirst">The finalized CRC of A.</param>
    /// <param name="crcSecond">The finalized CRC of B.</param>
    /// <param name="secondLength">The length of B in bytes.</param>
    /// <returns>The finalized CRC of A followed by B.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="secondLength"/> is negative.</exception>
    public static uint Combine(uint crcFirst, uint crcSecond, long secondLength)
        => Combiner.Combine(crcFirst, crcSecond, secondLength);
}
