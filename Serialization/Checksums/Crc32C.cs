using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Serialization.Checksums;

/// <summary>
/// CRC-32C (Castagnoli; reflected polynomial 0x82F63B78, initial value 0xFFFFFFFF, final XOR
/// 0xFFFFFFFF), the checksum of world files. Check value: "123456789" hashes to 0xE3069283.
/// </summary>
/// <remarks>
/// Built on <see cref="BitOperations.Crc32C(uint, ulong)"/>, which the JIT turns into the SSE4.2
/// or ARMv8 CRC32C instruction, eight bytes per instruction. One dependent chain of those runs
/// at several GB/s, far above what the world codec needs, so the input is not split into
/// interleaved streams (that would need a CRC-combine step for no practical gain).
/// </remarks>
public static class Crc32C
{
    /// <summary>Computes the CRC-32C of <paramref name="data"/> (finalized: ready to store or compare).</summary>
    /// <param name="data">The bytes to hash; may be empty (its CRC is 0).</param>
    /// <returns>The finalized CRC-32C.</returns>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0u, data);

    /// <summary>
    /// Continues a CRC-32C over more bytes. <paramref name="crc"/> is a <em>finalized</em> value,
    /// as returned by <see cref="Compute"/> or an earlier <see cref="Append"/> (start from 0 for
    /// an empty prefix), and the result is finalized too, so
    /// <c>Append(Compute(a), b) == Compute(a + b)</c> for any split of the input.
    /// </summary>
    /// <param name="crc">The finalized CRC-32C of everything before <paramref name="data"/>.</param>
    /// <param name="data">The next bytes.</param>
    /// <returns>The finalized CRC-32C of the prefix followed by <paramref name="data"/>.</returns>
    public static uint Append(uint crc, ReadOnlySpan<byte> data) => ~Update(~crc, data);

    /// <summary>Advances the raw (unfinalized) CRC register over <paramref name="data"/>.</summary>
    private static uint Update(uint register, ReadOnlySpan<byte> data)
    {
        // The loop conditions keep every read inside the span; reading through a ref avoids a
        // bounds check and a slice per 8-byte step.
        ref byte start = ref MemoryMarshal.GetReference(data);
        nuint length = (nuint)data.Length;
        nuint offset = 0;
        for (; length - offset >= 8; offset += 8)
            register = BitOperations.Crc32C(register, ReadUInt64(ref start, offset));
        if (length - offset >= 4)
        {
            register = BitOperations.Crc32C(register, ReadUInt32(ref start, offset));
            offset += 4;
        }
        if (length - offset >= 2)
        {
            register = BitOperations.Crc32C(register, ReadUInt16(ref start, offset));
            offset += 2;
        }
        if (length - offset >= 1)
            register = BitOperations.Crc32C(register, Unsafe.Add(ref start, offset));
        return register;
    }

    // The CRC instructions consume a word's bytes lowest first, so each word must hold the
    // bytes in little-endian order whatever the machine's byte order (the JIT drops the swap
    // on little-endian machines).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadUInt64(ref byte start, nuint offset)
    {
        ulong value = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadUInt32(ref byte start, nuint offset)
    {
        uint value = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort ReadUInt16(ref byte start, nuint offset)
    {
        ushort value = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }
}
