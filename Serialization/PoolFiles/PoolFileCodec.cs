using System.Buffers.Binary;
using CommunityToolkit.HighPerformance.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Serialization.Checksums;

namespace GrowNet.Ecs.Serialization.PoolFiles;

/// <summary>
/// Reads and writes neuropool 0.1 <c>.pool</c> files (spec: pool.md, "<c>.pool</c> files").
/// </summary>
/// <remarks>
/// <para>Layout, little-endian throughout. Header, 16 bytes: ASCII <c>POOL</c>, version u16 = 1,
/// flags u16 = 0, N u32, IEEE CRC-32 of the body (bytes 16..end). Body: name (u16 byte length +
/// UTF-8), N u32, nExc u32, nInh u32, tickCount u64, config (14 bytes: resting i16,
/// spikeThreshold i16, reset i16, refractory u8, traceDecay u8, homeostaticRate u8,
/// maxSynapses u16, stdpPositive i8, stdpNegative i8, maxDelay u8), then the cell arrays whole
/// in turn (membrane i16×N, threshold i16×N, leak, refract, flags u8×N, trace i8×N, spikeOut
/// u8×N), N u32 again, rowPtr u32×(N+1), synapse count u32, synapses 8 bytes each.</para>
/// <para>Reading never trusts the bytes: every length is checked against the bytes actually
/// present before anything is allocated, and every failure is a <see cref="PoolFormatException"/>
/// naming the problem. Beyond what neuropool itself checks (magic, version, CRC, N), it also
/// checks the CSR structure, synapse targets and delays, so a loaded image is safe to run.</para>
/// </remarks>
public static partial class PoolFileCodec
{
    private const int HeaderSize = 16;
    private const int VersionOffset = 4;
    private const int FlagsOffset = 6;
    private const int CellCountOffset = 8;
    private const int CrcOffset = 12;
    private const ushort SupportedVersion = 1;
    private const int MaxCellCount = 65536;
    private const int MaxNameBytes = ushort.MaxValue;
    private const int ConfigSize = 14;

    // nameLength u16 is followed by the name, then N, nExc, nInh (u32), tickCount (u64), config.
    private const int CountsTickAndConfigSize = sizeof(uint) * 3 + sizeof(ulong) + ConfigSize;
    private const int SynapseSize = 8;

    // Everything a stream may hold past the end of a pool file is an error; this much of it is
    // read so that the reported error is the same as for the whole file in memory, and no more,
    // so an endless stream cannot exhaust memory.
    private const int MaxTrailingBytesRead = 1 << 20;

    private static ReadOnlySpan<byte> Magic => "POOL"u8;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Writes <paramref name="image"/> as a <c>.pool</c> file to <paramref name="destination"/>,
    /// starting at its current position. The body is streamed twice (once for the CRC, once to
    /// write it), so no file-sized buffer is allocated.
    /// </summary>
    /// <param name="image">The pool to write; checked first, nothing is written if it is invalid.</param>
    /// <param name="destination">A writable stream.</param>
    /// <exception cref="ArgumentException">The image's arrays do not fit together (the message names the field).</exception>
    public static void Write(PoolFileImage image, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        byte[] bodyPrefix = ValidateAndEncodeBodyPrefix(image);

        var crc = new CrcSink();
        EmitBody(image, bodyPrefix, ref crc);

        Span<byte> header = stackalloc byte[HeaderSize];
        WriteHeader(header, image.CellCount, crc.Crc);
        destination.Write(header);
        var sink = new StreamSink(destination);
        EmitBody(image, bodyPrefix, ref sink);
    }

    /// <summary>Encodes <paramref name="image"/> as the bytes of a <c>.pool</c> file.</summary>
    /// <param name="image">The pool to encode.</param>
    /// <returns>The whole file.</returns>
    /// <exception cref="ArgumentException">The image is invalid, or too large for one array (use <see cref="Write"/>).</exception>
    public static byte[] ToBytes(PoolFileImage image)
    {
        byte[] bodyPrefix = ValidateAndEncodeBodyPrefix(image);
        long fileLength = FileLengthBeforeSynapses(bodyPrefix.Length - sizeof(ushort) - CountsTickAndConfigSize, image.CellCount)
            + (long)image.Synapses.Length * SynapseSize;
        if (fileLength > Array.MaxLength)
        {
            throw new ArgumentException(
                $"The pool file would be {fileLength} bytes, more than one array holds; write it to a stream instead.",
                nameof(image));
        }

        var bytes = new byte[fileLength];
        var sink = new ArraySink(bytes, HeaderSize);
        EmitBody(image, bodyPrefix, ref sink);
        WriteHeader(bytes, image.CellCount, Crc32.Compute(bytes.AsSpan(HeaderSize)));
        return bytes;
    }

    /// <summary>
    /// Reads a <c>.pool</c> file from <paramref name="source"/>, from its current position to its
    /// end (a pool file has no room for anything after it).
    /// </summary>
    /// <param name="source">A readable stream.</param>
    /// <returns>The pool, fully checked.</returns>
    /// <exception cref="PoolFormatException">The bytes are not a valid pool file.</exception>
    /// <remarks>
    /// Memory grows with the bytes that actually arrive, never straight to a size a length field
    /// claims; the result and every error are the same as for <see cref="Read(ReadOnlySpan{byte})"/>
    /// on the stream's whole content.
    /// </remarks>
    public static PoolFileImage Read(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        long? available = source.CanSeek ? Math.Max(0L, source.Length - source.Position) : null;
        using var buffer = new StreamPrefix(available);

        // Each step reads just enough to learn how long the file must be; when the stream ends
        // early, the in-memory reader reports exactly where and what was cut off.
        if (buffer.FillTo(source, HeaderSize + sizeof(ushort)) < HeaderSize + sizeof(ushort))
            return Read(buffer.Span);
        int cellCount = ReadHeader(buffer.Span, out _);
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(buffer.Span[HeaderSize..]);

        long synapsesOffset = FileLengthBeforeSynapses(nameLength, cellCount);
        if (buffer.FillTo(source, synapsesOffset) < synapsesOffset)
            return Read(buffer.Span);
        int synapseCountOffset = (int)synapsesOffset - sizeof(uint);
        uint synapseCount = BinaryPrimitives.ReadUInt32LittleEndian(buffer.Span[synapseCountOffset..]);
        long fileLength = synapsesOffset + (long)synapseCount * SynapseSize;
        if (fileLength > Array.MaxLength)
        {
            throw new PoolFormatException(
                $"Synapse count {synapseCount} at offset {synapseCountOffset} implies a {fileLength}-byte file, "
                + $"more than the {Array.MaxLength} bytes this reader accepts.",
                synapseCountOffset);
        }

        if (buffer.FillTo(source, fileLength) == fileLength)
        {
            long trailingLimit = Math.Min(fileLength + MaxTrailingBytesRead, Array.MaxLength);
            if (buffer.FillTo(source, trailingLimit) == trailingLimit && source.ReadByte() >= 0)
            {
                throw new PoolFormatException(
                    $"More than {trailingLimit - fileLength} trailing bytes after the synapses at offset {fileLength}.",
                    fileLength);
            }
        }

        return Read(buffer.Span);
    }

    /// <summary>Reads a <c>.pool</c> file held whole in memory.</summary>
    /// <param name="bytes">The whole file, nothing before or after it.</param>
    /// <returns>The pool, fully checked.</returns>
    /// <exception cref="PoolFormatException">The bytes are not a valid pool file.</exception>
    public static PoolFileImage Read(ReadOnlySpan<byte> bytes)
    {
        int cellCount = ReadHeader(bytes, out uint storedCrc);
        uint actualCrc = Crc32.Compute(bytes[HeaderSize..]);
        if (actualCrc != storedCrc)
        {
            throw new PoolFormatException(
                $"Body CRC-32 mismatch: the header stores 0x{storedCrc:X8}, but the body (bytes {HeaderSize}..{bytes.Length}) "
                + $"hashes to 0x{actualCrc:X8}; the file is damaged or truncated.",
                CrcOffset);
        }

        var reader = new FieldReader(bytes, HeaderSize);
        int nameLength = reader.ReadUInt16("the name length");
        int nameOffset = reader.Position;
        ReadOnlySpan<byte> nameBytes = reader.Take(nameLength, "the name");
        if (!Utf8.IsValid(nameBytes))
            throw new PoolFormatException($"The pool name at offset {nameOffset} is not valid UTF-8.", nameOffset);

        ReadBodyCellCount(ref reader, cellCount, "the body cell count");
        int excitatoryOffset = reader.Position;
        uint excitatoryCount = reader.ReadUInt32("the excitatory count");
        uint inhibitoryCount = reader.ReadUInt32("the inhibitory count");
        if ((ulong)excitatoryCount + inhibitoryCount != (ulong)cellCount)
        {
            throw new PoolFormatException(
                $"Excitatory + inhibitory counts at offset {excitatoryOffset} ({excitatoryCount} + {inhibitoryCount}) "
                + $"do not add up to N = {cellCount}.",
                excitatoryOffset);
        }

        ulong tickCount = reader.ReadUInt64("the tick count");
        int configOffset = reader.Position;
        PoolConfig config = DecodeConfig(reader.Take(ConfigSize, "the config"));
        if (config.MaxDelay == 0)
        {
            throw new PoolFormatException(
                $"Config maxDelay at offset {configOffset + ConfigSize - 1} is 0; delays lie in 1..maxDelay.",
                configOffset + ConfigSize - 1);
        }

        var image = new PoolFileImage
        {
            Name = Encoding.UTF8.GetString(nameBytes),
            CellCount = cellCount,
            ExcitatoryCount = excitatoryCount,
            InhibitoryCount = inhibitoryCount,
            TickCount = tickCount,
            Config = config,
            Membrane = FromLittleEndian(ReadArray<short>(ref reader, cellCount, "membrane (i16 × N)")),
            Threshold = FromLittleEndian(ReadArray<short>(ref reader, cellCount, "threshold (i16 × N)")),
            Leak = ReadArray<byte>(ref reader, cellCount, "leak (u8 × N)"),
            Refract = ReadArray<byte>(ref reader, cellCount, "refract (u8 × N)"),
            Flags = ReadArray<byte>(ref reader, cellCount, "flags (u8 × N)"),
            Trace = ReadArray<sbyte>(ref reader, cellCount, "trace (i8 × N)"),
            SpikeOut = ReadArray<byte>(ref reader, cellCount, "spikeOut (u8 × N)"),
        };

        ReadBodyCellCount(ref reader, cellCount, "the cell count before rowPtr");
        int rowPointerOffset = reader.Position;
        image.RowPointer = FromLittleEndian(ReadArray<uint>(ref reader, cellCount + 1L, "rowPtr (u32 × (N + 1))"));
        uint synapseCount = reader.ReadUInt32("the synapse count");
        int synapsesOffset = reader.Position;
        image.Synapses = FromLittleEndian(ReadArray<Synapse>(ref reader, synapseCount, $"{synapseCount} synapses (8 bytes each)"));
        if (reader.Remaining != 0)
        {
            throw new PoolFormatException(
                $"{reader.Remaining} trailing bytes after the synapses at offset {reader.Position}.", reader.Position);
        }

        string? violation = DescribeCsrViolation(
            image.RowPointer, image.Synapses, cellCount, config.MaxDelay, out int badRow, out int badSynapse);
        if (violation is not null)
        {
            long offset = badRow >= 0
                ? rowPointerOffset + (long)badRow * sizeof(uint)
                : synapsesOffset + (long)badSynapse * SynapseSize;
            throw new PoolFormatException($"{violation} (offset {offset})", offset);
        }

        return image;
    }

    /// <summary>Checks the 16-byte header and returns N; the CRC is returned, not checked.</summary>
    private static int ReadHeader(ReadOnlySpan<byte> bytes, out uint storedCrc)
    {
        if (bytes.Length < HeaderSize)
        {
            throw new PoolFormatException(
                $"Truncated at offset {bytes.Length} while reading the {HeaderSize}-byte header: the file is only {bytes.Length} bytes.",
                bytes.Length);
        }

        if (!bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw new PoolFormatException(
                $"Bad magic {Convert.ToHexString(bytes[..Magic.Length])}: not a .pool file (expected 504F4F4C, \"POOL\").", 0);
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[VersionOffset..]);
        if (version != SupportedVersion)
            throw new PoolFormatException($"Unsupported .pool version {version}; only version {SupportedVersion} is supported.", VersionOffset);

        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(bytes[FlagsOffset..]);
        if (flags != 0)
            throw new PoolFormatException($"Nonzero header flags 0x{flags:X4}; version 1 defines none.", FlagsOffset);

        uint cellCount = BinaryPrimitives.ReadUInt32LittleEndian(bytes[CellCountOffset..]);
        if (cellCount is 0 or > MaxCellCount)
            throw new PoolFormatException($"Header cell count N = {cellCount} is outside 1..{MaxCellCount}.", CellCountOffset);

        storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(bytes[CrcOffset..]);
        return (int)cellCount;
    }

    private static void ReadBodyCellCount(ref FieldReader reader, int headerCellCount, string what)
    {
        int offset = reader.Position;
        uint bodyCellCount = reader.ReadUInt32(what);
        if (bodyCellCount != (uint)headerCellCount)
        {
            throw new PoolFormatException(
                $"N mismatch: the header says N = {headerCellCount}, but {what} at offset {offset} is {bodyCellCount}.", offset);
        }
    }

    /// <summary>Reads <paramref name="count"/> raw elements; the length is checked before the array is allocated.</summary>
    private static T[] ReadArray<T>(ref FieldReader reader, long count, string what)
        where T : unmanaged
    {
        ReadOnlySpan<byte> source = reader.Take(count * Unsafe.SizeOf<T>(), what);
        var values = new T[count];
        source.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static PoolConfig DecodeConfig(ReadOnlySpan<byte> bytes) => new()
    {
        Resting = BinaryPrimitives.ReadInt16LittleEndian(bytes),
        SpikeThreshold = BinaryPrimitives.ReadInt16LittleEndian(bytes[2..]),
        Reset = BinaryPrimitives.ReadInt16LittleEndian(bytes[4..]),
        RefractoryTicks = bytes[6],
        TraceDecay = bytes[7],
        HomeostaticRate = bytes[8],
        MaxSynapsesPerNeuron = BinaryPrimitives.ReadUInt16LittleEndian(bytes[9..]),
        StdpPositive = (sbyte)bytes[11],
        StdpNegative = (sbyte)bytes[12],
        MaxDelay = bytes[13],
    };

    private static void EncodeConfig(PoolConfig config, Span<byte> bytes)
    {
        BinaryPrimitives.WriteInt16LittleEndian(bytes, config.Resting);
        BinaryPrimitives.WriteInt16LittleEndian(bytes[2..], config.SpikeThreshold);
        BinaryPrimitives.WriteInt16LittleEndian(bytes[4..], config.Reset);
        bytes[6] = config.RefractoryTicks;
        bytes[7] = config.TraceDecay;
        bytes[8] = config.HomeostaticRate;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[9..], config.MaxSynapsesPerNeuron);
        bytes[11] = (byte)config.StdpPositive;
        bytes[12] = (byte)config.StdpNegative;
        bytes[13] = config.MaxDelay;
    }

    /// <summary>File offset of the first synapse: the header and every body field before the synapses.</summary>
    private static long FileLengthBeforeSynapses(int nameLength, int cellCount) =>
        HeaderSize
        + sizeof(ushort) + nameLength
        + CountsTickAndConfigSize
        + cellCount * (2L + 2 + 1 + 1 + 1 + 1 + 1)
        + sizeof(uint)
        + (cellCount + 1L) * sizeof(uint)
        + sizeof(uint);

    private static void WriteHeader(Span<byte> header, int cellCount, uint bodyCrc)
    {
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[VersionOffset..], SupportedVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(header[FlagsOffset..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[CellCountOffset..], (uint)cellCount);
        BinaryPrimitives.WriteUInt32LittleEndian(header[CrcOffset..], bodyCrc);
    }

    /// <summary>Passes every body byte, in file order, to <paramref name="sink"/>.</summary>
    private static void EmitBody<TSink>(PoolFileImage image, ReadOnlySpan<byte> bodyPrefix, ref TSink sink)
        where TSink : struct, IByteSink
    {
        Span<byte> word = stackalloc byte[sizeof(uint)];
        sink.Put(bodyPrefix);
        sink.Put(LittleEndianBytes(image.Membrane));
        sink.Put(LittleEndianBytes(image.Threshold));
        sink.Put(image.Leak);
        sink.Put(image.Refract);
        sink.Put(image.Flags);
        sink.Put(MemoryMarshal.AsBytes(image.Trace.AsSpan()));
        sink.Put(image.SpikeOut);
        BinaryPrimitives.WriteUInt32LittleEndian(word, (uint)image.CellCount);
        sink.Put(word);
        sink.Put(LittleEndianBytes(image.RowPointer));
        BinaryPrimitives.WriteUInt32LittleEndian(word, (uint)image.Synapses.Length);
        sink.Put(word);
        sink.Put(LittleEndianBytes(image.Synapses));
    }
}
