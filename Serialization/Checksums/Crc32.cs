using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Serialization.Checksums;

/// <summary>
/// IEEE CRC-32 (CRC-32/ISO-HDLC, the zlib and PNG one): reflected polynomial 0xEDB88320, initial
/// value 0xFFFFFFFF, final XOR 0xFFFFFFFF. Check value: "123456789" hashes to 0xCBF43926.
/// </summary>
/// <remarks>
/// neuropool 0.1 <c>.pool</c> files use this CRC, and System.IO.Hashing is not available to this
/// project, so it carries its own slicing-by-16 table implementation (16 table lookups per 16
/// input bytes, no data-dependent branches). World files use <see cref="Crc32C"/> instead,
/// which is hardware accelerated.
/// </remarks>
public static class Crc32
{
    private const uint ReflectedPolynomial = 0xEDB88320u;
    private const int SliceCount = 16;

    /// <summary>
    /// <c>Tables[k * 256 + b]</c> is the CRC register contribution of byte <c>b</c> followed by
    /// <c>k</c> zero bytes; table 0 is the classic byte-at-a-time table.
    /// </summary>
    private static readonly uint[] Tables = BuildTables();

    /// <summary>Computes the CRC-32 of <paramref name="data"/> (finalized: ready to store or compare).</summary>
    /// <param name="data">The bytes to hash; may be empty (its CRC is 0).</param>
    /// <returns>The finalized CRC-32.</returns>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0u, data);

    /// <summary>
    /// Continues a CRC over more bytes. <paramref name="crc"/> is a <em>finalized</em> value, as
    /// returned by <see cref="Compute"/> or an earlier <see cref="Append"/> (start from 0 for an
    /// empty prefix), and the result is finalized too, so
    /// <c>Append(Compute(a), b) == Compute(a + b)</c> for any split of the input.
    /// </summary>
    /// <param name="crc">The finalized CRC of everything before <paramref name="data"/>.</param>
    /// <param name="data">The next bytes.</param>
    /// <returns>The finalized CRC of the prefix followed by <paramref name="data"/>.</returns>
    public static uint Append(uint crc, ReadOnlySpan<byte> data) => ~Update(~crc, data);

    /// <summary>Advances the raw (unfinalized, reflected) CRC register over <paramref name="data"/>.</summary>
    private static uint Update(uint register, ReadOnlySpan<byte> data)
    {
        // Table indices are always masked to 0..255 within a fixed table, and the loop condition
        // keeps every 16-byte read inside the span, so reading through refs skips bounds checks
        // without any risk of leaving either.
        ref uint table = ref MemoryMarshal.GetArrayDataReference(Tables);
        ref byte start = ref MemoryMarshal.GetReference(data);
        int offset = 0;
        for (; data.Length - offset >= SliceCount; offset += SliceCount)
        {
            uint word0 = ReadUInt32(ref start, offset) ^ register;
            uint word1 = ReadUInt32(ref start, offset + 4);
            uint word2 = ReadUInt32(ref start, offset + 8);
            uint word3 = ReadUInt32(ref start, offset + 12);
            register =
                Lookup(ref table, 15, word0) ^ Lookup(ref table, 14, word0 >> 8) ^
                Lookup(ref table, 13, word0 >> 16) ^ Lookup(ref table, 12, word0 >> 24) ^
                Lookup(ref table, 11, word1) ^ Lookup(ref table, 10, word1 >> 8) ^
                Lookup(ref table, 9, word1 >> 16) ^ Lookup(ref table, 8, word1 >> 24) ^
                Lookup(ref table, 7, word2) ^ Lookup(ref table, 6, word2 >> 8) ^
                Lookup(ref table, 5, word2 >> 16) ^ Lookup(ref table, 4, word2 >> 24) ^
                Lookup(ref table, 3, word3) ^ Lookup(ref table, 2, word3 >> 8) ^
                Lookup(ref table, 1, word3 >> 16) ^ Lookup(ref table, 0, word3 >> 24);
        }

        for (; offset < data.Length; offset++)
            register = (register >> 8) ^ Lookup(ref table, 0, register ^ data[offset]);
        return register;
    }

    // The table code treats input words as little-endian (first byte lowest) whatever the
    // machine's byte order; the JIT drops the swap on little-endian machines.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadUInt32(ref byte start, int offset)
    {
        uint value = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Lookup(ref uint table, int slice, uint index) =>
        Unsafe.Add(ref table, (slice << 8) | (int)(index & 0xFF));

    private static uint[] BuildTables()
    {
        var tables = new uint[SliceCount * 256];
        for (uint value = 0; value < 256; value++)
        {
            uint register = value;
            for (int bit = 0; bit < 8; bit++)
                register = (register & 1) != 0 ? (register >> 1) ^ ReflectedPolynomial : register >> 1;
            tables[value] = register;
        }

        // Each further table pushes the previous one's contribution through one more zero byte.
        for (int slice = 1; slice < SliceCount; slice++)
        {
            for (int value = 0; value < 256; value++)
            {
                uint previous = tables[((slice - 1) << 8) | value];
                tables[(slice << 8) | value] = (previous >> 8) ^ tables[previous & 0xFF];
            }
        }

        return tables;
    }
}
