namespace GrowNet.Ecs.Serialization.Worlds;

/// <summary>One section as found in a file (for <c>grownet inspect</c>).</summary>
/// <param name="Kind">Section kind number (see <see cref="WorldSectionKind"/>).</param>
/// <param name="Id">Section id (the table slot for tables and columns).</param>
/// <param name="SubId">Sub-id (the column's catalog index for columns).</param>
/// <param name="Offset">Byte offset of the section header.</param>
/// <param name="Length">Payload length in bytes.</param>
/// <param name="Checksum">Stored CRC-32C of the payload.</param>
/// <param name="Optional">Whether a reader may skip the section when it does not know its kind.</param>
/// <param name="Description">What the section holds, in words.</param>
public sealed record WorldSectionInfo(ushort Kind, uint Id, uint SubId, long Offset, ulong Length, uint Checksum, bool Optional, string Description);
