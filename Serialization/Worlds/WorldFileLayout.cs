using System.Buffers.Binary;
using GrowNet.Ecs.Serialization.Checksums;

namespace GrowNet.Ecs.Serialization.Worlds;

/// <summary>Constants and fixed-size records of the <c>.gnw</c> layout (docs/world-format.md).</summary>
internal static class WorldFileLayout
{
    /// <summary>2.0: columns and components under declared stable names. 1.0 stored components under CLR type names (read through former names).</summary>
    public const ushort MajorVersion = 2;
    public const ushort OldestMajorVersion = 1;
    public const ushort MinorVersion = 0;
    public const int HeaderSize = 32;
    public const int SectionHeaderSize = 28;
    public const int TrailerSize = 16;
    public const ushort OptionalFlag = 1;

    public static ReadOnlySpan<byte> Magic => "GROWNETW"u8;
    public static ReadOnlySpan<byte> TrailerMagic => "GNWTRAIL"u8;

    /// <summary>Header: magic[8], major u16, minor u16, flags u32, sections u32, reserved u32 ×2, CRC-32C of bytes 0..27.</summary>
    public static void WriteHeader(Span<byte> header, uint sectionCount)
    {
        header.Clear();
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], MajorVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], MinorVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], sectionCount);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], Crc32C.Compute(header[..28]));
    }

    /// <summary>Section header: kind u16, flags u16, id u32, subId u32, length u64, payload CRC u32, header CRC u32.</summary>
    public static void WriteSectionHeader(Span<byte> header, ushort kind, ushort flags, uint id, uint subId, ulong length, uint payloadCrc)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(header, kind);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], id);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], subId);
        BinaryPrimitives.WriteUInt64LittleEndian(header[12..], length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], payloadCrc);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], Crc32C.Compute(header[..24]));
    }

    public static string Describe(ushort kind) => Enum.IsDefined(typeof(WorldSectionKind), kind)
        ? ((WorldSectionKind)kind).ToString()
        : $"unknown kind {kind}";
}
