using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Serialization.Checksums;

/// <summary>
/// CRC-32C with the processor's CRC32C instruction (<see cref="BitOperations.Crc32C(uint, ulong)"/>,
/// SSE4.2 or ARMv8, eight bytes per instruction). <see cref="Crc32C"/> uses it wherever the
/// instruction exists (it is 2.2× faster than System.IO.Hashing's CRC-32C here) and on .NET 8
/// always (that build of the library has no CRC-32C); the .NET 10 tests check it against the library.
/// </summary>
/// <remarks>
/// One chain is limited by the instruction's latency, so long inputs run as three interleaved
/// chains joined with <see cref="Crc32C.Combine"/>.
/// </remarks>
internal static class Crc32CInstruction
{
    /// <summary>Whether the processor computes CRC32C in hardware (otherwise <see cref="BitOperations.Crc32C(uint, ulong)"/> falls back to software).</summary>
    public static bool IsHardwareAccelerated
        => System.Runtime.Intrinsics.X86.Sse42.X64.IsSupported || System.Runtime.Intrinsics.Arm.Crc32.Arm64.IsSupported;

    /// <summary>Inputs at least this long run as three interleaved chains (the CRC instruction's latency, not its throughput, limits one chain).</summary>
    private const int InterleaveThreshold = 3 * 8192;

    /// <summary>Advances the raw (unfinalized) CRC register over <paramref name="data"/>.</summary>
    public static uint Update(uint register, ReadOnlySpan<byte> data)
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

        uint joined = Crc32C.Combine(Crc32C.Combine(~a, ~b, lane), ~c, lane);
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
