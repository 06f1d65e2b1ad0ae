using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace GrowNet.Ecs.Serialization.Worlds;

/// <summary>Reads the fields of a small section payload; every read is bounds-checked and names what it read.</summary>
internal ref struct PayloadReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private readonly ReadOnlySpan<byte> payload;
    private readonly string section;
    private int position;

    public PayloadReader(ReadOnlySpan<byte> payload, string section)
    {
        this.payload = payload;
        this.section = section;
        position = 0;
    }

    public readonly int Remaining => payload.Length - position;

    public byte Byte(string what) => Take(1, what)[0];

    public int Int32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));

    public ulong UInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, what));

    /// <summary>A non-negative count whose elements of <paramref name="elementSize"/> bytes must fit in the rest of the payload.</summary>
    public int Count(string what, int elementSize)
    {
        int count = Int32(what);
        if (count < 0 || (long)count * elementSize > Remaining)
            throw new WorldFormatException($"Section {section}: {what} {count} does not fit in the remaining {Remaining} bytes.");
        return count;
    }

    public int[] Int32s(string what)
    {
        int count = Count(what, 4);
        return MemoryMarshal.Cast<byte, int>(Take(count * 4, what)).ToArray();
    }

    public ReadOnlySpan<byte> Raw(int length, string what) => Take(length, what);

    public string String(string what)
    {
        int length = Count(what + " length", 1);
        try
        {
            return StrictUtf8.GetString(Take(length, what));
        }
        catch (DecoderFallbackException error)
        {
            throw new WorldFormatException($"Section {section}: {what} is not valid UTF-8.", error);
        }
    }

    public readonly void End()
    {
        if (Remaining != 0)
            throw new WorldFormatException($"Section {section}: {Remaining} unexpected bytes after its fields.");
    }

    private ReadOnlySpan<byte> Take(int length, string what)
    {
        if (length < 0 || length > Remaining)
            throw new WorldFormatException($"Section {section}: truncated while reading {what}.");
        var span = payload.Slice(position, length);
        position += length;
        return span;
    }
}
