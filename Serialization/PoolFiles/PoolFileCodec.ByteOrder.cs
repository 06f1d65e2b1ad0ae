using System.Buffers.Binary;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Serialization.PoolFiles;

// The byte order of the file's arrays: little-endian on every machine.
public static partial class PoolFileCodec
{
    // Arrays are written and read as raw memory; on a big-endian machine (the JIT removes these
    // branches elsewhere) multi-byte fields are swapped through a copy so the file stays little-endian.
    private static ReadOnlySpan<byte> LittleEndianBytes(short[] values)
    {
        if (BitConverter.IsLittleEndian)
            return MemoryMarshal.AsBytes(values.AsSpan());
        var swapped = new short[values.Length];
        BinaryPrimitives.ReverseEndianness(values, swapped);
        return MemoryMarshal.AsBytes(swapped.AsSpan());
    }

    private static ReadOnlySpan<byte> LittleEndianBytes(uint[] values)
    {
        if (BitConverter.IsLittleEndian)
            return MemoryMarshal.AsBytes(values.AsSpan());
        var swapped = new uint[values.Length];
        BinaryPrimitives.ReverseEndianness(values, swapped);
        return MemoryMarshal.AsBytes(swapped.AsSpan());
    }

    private static ReadOnlySpan<byte> LittleEndianBytes(Synapse[] values)
    {
        if (BitConverter.IsLittleEndian)
            return MemoryMarshal.AsBytes(values.AsSpan());
        return MemoryMarshal.AsBytes(FromLittleEndian((Synapse[])values.Clone()).AsSpan());
    }

    private static short[] FromLittleEndian(short[] values)
    {
        if (!BitConverter.IsLittleEndian)
            BinaryPrimitives.ReverseEndianness(values, values);
        return values;
    }

    private static uint[] FromLittleEndian(uint[] values)
    {
        if (!BitConverter.IsLittleEndian)
            BinaryPrimitives.ReverseEndianness(values, values);
        return values;
    }

    /// <summary>Swaps the two multi-byte synapse fields in place (the swap is its own inverse).</summary>
    private static Synapse[] FromLittleEndian(Synapse[] values)
    {
        if (!BitConverter.IsLittleEndian)
        {
            foreach (ref Synapse synapse in values.AsSpan())
            {
                synapse.Target = BinaryPrimitives.ReverseEndianness(synapse.Target);
                synapse.Reserved = BinaryPrimitives.ReverseEndianness(synapse.Reserved);
            }
        }

        return values;
    }
}
