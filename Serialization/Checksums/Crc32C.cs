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
/// or ARMv8 CRC32C instruction, eight bytes per instruction. One chain is limited by the
/// instruction's latency, so long inputs run as three interleaved chains joined with
/// <see cref="Combine"/> (GF(2) multiplication by x^(8n) mod P).
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

    /// <summary>
    /// The CRC-32C of A followed by B from the CRCs of A and B and the length of B (all CRCs
    /// finalized), without touching the bytes: multiplies CRC(A) by x^(8·|B|) modulo the
    /// polynomial in GF(2). Lets the world codec keep a whole-file CRC from per-section CRCs.
    /// </summary>
    public static uint Combine(uint crcFirst, uint crcSecond, long secondLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(secondLength);
        return MultiplyModP(PowerOfXModP(secondLength, 3), crcFirst) ^ crcSecond;
    }

    private const uint Polynomial = 0x82F63B78u;

    /// <summary>x^(2^k) mod P for k = 0..31 (reflected), the squares used by <see cref="PowerOfXModP"/>.</summary>
    private static readonly uint[] PowersOfTwoOfX = BuildPowersOfTwoOfX();

    private static uint[] BuildPowersOfTwoOfX()
    {
        var table = new uint[32];
        uint power = 1u << 30; // x^1 in the reflected representation
        table[0] = power;
        for (int k = 1; k < 32; k++)
            table[k] = power = MultiplyModP(power, power);
        return table;
    }

    /// <summary>a·b mod P in the reflected representation.</summary>
    private static uint MultiplyModP(uint a, uint b)
    {
        uint product = 0;
        for (uint mask = 1u << 31; mask != 0; mask >>= 1)
        {
            if ((a & mask) != 0)
                product ^= b;
            b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
        }

        return product;
    }

    /// <summary>x^(n·2^k) mod P.</summary>
    private static uint PowerOfXModP(long n, int k)
    {
        uint result = 1u << 31; // x^0
        while (n != 0)
        {
            if ((n & 1) != 0)
                result = MultiplyModP(PowersOfTwoOfX[k & 31], result);
            n >>= 1;
            k++;
        }

        return result;
    }

    /// <summary>Inputs at least this long run as three interleaved chains (the CRC instruction's latency, not its throughput, limits one chain).</summary>
    private const int InterleaveThreshold = 3 * 8192;

    /// <summary>Advances the raw (unfinalized) CRC register over <paramref name="data"/>.</summary>
    private static uint Update(uint register, ReadOnlySpan<byte> data)
    {
        if (data.Length < InterleaveThreshold)
            return UpdateSerial(register, data);
        // Three lanes of equal length, computed in one loop, joined with Combine.
        int lane = data.Length / 3 & ~7;
        ref byte start = ref MemoryMarshal.GetReference(data);
        uint a = register, b = 0xFFFFFFFFu, c = 0xFFFFFFFFu;
        for (nuint offset = 0; offset < (nuint)lane; offset += 8)
        {
            a = BitOperations.Crc32C(a, ReadUInt64(ref start, offset));
            b = BitOperations.Crc32C(b, ReadUInt64(ref start, offset + (nuint)lane));
            c = BitOperations.Crc32C(c, ReadUInt64(ref start, offset + (nuint)(2 * lane)));
        }

        uint joined = Combine(Combine(~a, ~b, lane), ~c, lane);
        return UpdateSerial(~joined, data[(3 * lane)..]);
    }

    private static uint UpdateSerial(uint register, ReadOnlySpan<byte> data)
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
