using System.Buffers.Binary;
using GrowNet.Ecs.Serialization.Checksums;

namespace GrowNet.Ecs.Tests.Serialization.Worlds;

/// <summary>
/// Test-side editor of .gnw bytes written from the documented layout (docs/world-format.md):
/// splits a file into sections and re-emits it with fresh checksums, so tests can craft files
/// that are valid except for one deliberate problem.
/// </summary>
internal sealed class WorldFileSurgeon
{
    public const int HeaderSize = 32, SectionHeaderSize = 28, TrailerSize = 16;

    public sealed class Section
    {
        public ushort Kind;
        public ushort Flags;
        public uint Id;
        public uint SubId;
        public byte[] Payload = [];
        public long HeaderOffset;
    }

    public byte[] Header = new byte[HeaderSize];
    public List<Section> Sections { get; } = new();

    public static WorldFileSurgeon Parse(byte[] file)
    {
        var surgeon = new WorldFileSurgeon { Header = file[..HeaderSize] };
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(16));
        long at = HeaderSize;
        for (int i = 0; i < count; i++)
        {
            var span = file.AsSpan((int)at);
            var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(span[12..]);
            surgeon.Sections.Add(new Section
            {
                Kind = BinaryPrimitives.ReadUInt16LittleEndian(span),
                Flags = BinaryPrimitives.ReadUInt16LittleEndian(span[2..]),
                Id = BinaryPrimitives.ReadUInt32LittleEndian(span[4..]),
                SubId = BinaryPrimitives.ReadUInt32LittleEndian(span[8..]),
                Payload = span.Slice(SectionHeaderSize, length).ToArray(),
                HeaderOffset = at,
            });
            at += SectionHeaderSize + length;
        }

        return surgeon;
    }

    public byte[] Emit(ushort? major = null)
    {
        using var stream = new MemoryStream();
        var header = (byte[])Header.Clone();
        if (major is { } value)
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), value);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), (uint)Sections.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(28), Crc32C.Compute(header.AsSpan(0, 28)));
        stream.Write(header);
        foreach (var section in Sections)
        {
            var sectionHeader = new byte[SectionHeaderSize];
            BinaryPrimitives.WriteUInt16LittleEndian(sectionHeader, section.Kind);
            BinaryPrimitives.WriteUInt16LittleEndian(sectionHeader.AsSpan(2), section.Flags);
            BinaryPrimitives.WriteUInt32LittleEndian(sectionHeader.AsSpan(4), section.Id);
            BinaryPrimitives.WriteUInt32LittleEndian(sectionHeader.AsSpan(8), section.SubId);
            BinaryPrimitives.WriteUInt64LittleEndian(sectionHeader.AsSpan(12), (ulong)section.Payload.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(sectionHeader.AsSpan(20), Crc32C.Compute(section.Payload));
            BinaryPrimitives.WriteUInt32LittleEndian(sectionHeader.AsSpan(24), Crc32C.Compute(sectionHeader.AsSpan(0, 24)));
            stream.Write(sectionHeader);
            stream.Write(section.Payload);
        }

        uint crc = Crc32C.Compute(stream.ToArray());
        var trailer = new byte[TrailerSize];
        "GNWTRAIL"u8.CopyTo(trailer);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(8), crc);
        stream.Write(trailer);
        return stream.ToArray();
    }
}
