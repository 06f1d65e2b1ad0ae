using System.Buffers.Binary;
using CommunityToolkit.HighPerformance.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Serialization.Checksums;

namespace GrowNet.Ecs.Serialization.PoolFiles;

// The byte plumbing of reading and writing: a bounds-checked field reader, a stream prefix buffer and the body sinks (CRC, stream).
public static partial class PoolFileCodec
{
    /// <summary>Consumes the file front to back, checking each length against the bytes left.</summary>
    private ref struct FieldReader
    {
        private readonly ReadOnlySpan<byte> _file;

        public FieldReader(ReadOnlySpan<byte> file, int position)
        {
            _file = file;
            Position = position;
        }

        public int Position { get; private set; }

        public readonly int Remaining => _file.Length - Position;

        public ReadOnlySpan<byte> Take(long length, string what)
        {
            if (length > Remaining)
            {
                throw new PoolFormatException(
                    $"Truncated at offset {Position} while reading {what}: {length} bytes needed, {Remaining} left.", Position);
            }

            ReadOnlySpan<byte> field = _file.Slice(Position, (int)length);
            Position += (int)length;
            return field;
        }

        public ushort ReadUInt16(string what) => BinaryPrimitives.ReadUInt16LittleEndian(Take(sizeof(ushort), what));

        public uint ReadUInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Take(sizeof(uint), what));

        public ulong ReadUInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Take(sizeof(ulong), what));
    }

    /// <summary>
    /// Holds what has been read from a stream in a pooled <see cref="ArrayPoolBufferWriter{T}"/>;
    /// capacity follows the bytes that really arrive.
    /// </summary>
    private sealed class StreamPrefix : IDisposable
    {
        private const int FirstCapacity = 4096;

        // The stream's real remaining length when it can tell (a fact, unlike length fields in
        // the file), so a seekable file is read into one right-sized buffer.
        private readonly long? _available;
        private readonly ArrayPoolBufferWriter<byte> _bytes;

        public StreamPrefix(long? available)
        {
            _available = available;
            _bytes = new ArrayPoolBufferWriter<byte>((int)Math.Min(available ?? FirstCapacity, FirstCapacity));
        }

        public ReadOnlySpan<byte> Span => _bytes.WrittenSpan;

        /// <summary>Reads until <paramref name="target"/> bytes are held or the stream ends; returns the count held.</summary>
        public long FillTo(Stream source, long target)
        {
            target = Math.Min(target, Array.MaxLength);
            while (_bytes.WrittenCount < target)
            {
                long held = _bytes.WrittenCount;
                // Ask for the rest of a seekable stream, or double what is held; never more than
                // the target, so a length field alone cannot make the buffer grow.
                long wanted = Math.Min(target - held, Math.Max(_available is long available ? available - held : held, FirstCapacity));
                Span<byte> free = _bytes.GetSpan((int)wanted);
                int read = source.Read(free[..(int)Math.Min(free.Length, target - held)]);
                if (read == 0)
                    break;
                _bytes.Advance(read);
            }

            return _bytes.WrittenCount;
        }

        public void Dispose() => _bytes.Dispose();
    }

    private interface IByteSink
    {
        void Put(ReadOnlySpan<byte> bytes);
    }

    /// <summary>Hashes the body as it streams past, with the library's incremental IEEE CRC-32 (the same value as <see cref="Crc32"/>).</summary>
    private readonly struct CrcSink() : IByteSink
    {
        private readonly System.IO.Hashing.Crc32 _hasher = new();

        public uint Crc => _hasher.GetCurrentHashAsUInt32();

        public void Put(ReadOnlySpan<byte> bytes) => _hasher.Append(bytes);
    }

    private readonly struct StreamSink(Stream destination) : IByteSink
    {
        public void Put(ReadOnlySpan<byte> bytes) => destination.Write(bytes);
    }

    private struct ArraySink(byte[] destination, int position) : IByteSink
    {
        private int _position = position;

        public void Put(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(destination.AsSpan(_position));
            _position += bytes.Length;
        }
    }
}
