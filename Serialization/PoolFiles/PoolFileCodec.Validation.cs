using System.Buffers.Binary;
using CommunityToolkit.HighPerformance.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Serialization.Checksums;

namespace GrowNet.Ecs.Serialization.PoolFiles;

// The checks a pool image passes before any byte is written (lengths, CSR rows, names), with the body prefix they produce.
public static partial class PoolFileCodec
{
    /// <summary>
    /// Checks everything the reader would reject, so that no file is written that cannot be read
    /// back, and returns the body bytes up to the cell arrays (name, counts, tick count, config).
    /// </summary>
    private static byte[] ValidateAndEncodeBodyPrefix(PoolFileImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Name is null)
            throw new ArgumentException("PoolFileImage.Name is null.", nameof(image));

        int cellCount = image.CellCount;
        if (cellCount is < 1 or > MaxCellCount)
            throw new ArgumentException($"PoolFileImage.CellCount is {cellCount}; a .pool file holds 1..{MaxCellCount} cells.", nameof(image));
        if ((long)image.ExcitatoryCount + image.InhibitoryCount != cellCount)
        {
            throw new ArgumentException(
                $"PoolFileImage.ExcitatoryCount + InhibitoryCount ({image.ExcitatoryCount} + {image.InhibitoryCount}) "
                + $"must equal CellCount {cellCount}.",
                nameof(image));
        }

        if (image.Config.MaxDelay == 0)
            throw new ArgumentException("PoolFileImage.Config.MaxDelay is 0; delays lie in 1..MaxDelay.", nameof(image));

        RequireLength(image.Membrane, cellCount, nameof(PoolFileImage.Membrane));
        RequireLength(image.Threshold, cellCount, nameof(PoolFileImage.Threshold));
        RequireLength(image.Leak, cellCount, nameof(PoolFileImage.Leak));
        RequireLength(image.Refract, cellCount, nameof(PoolFileImage.Refract));
        RequireLength(image.Flags, cellCount, nameof(PoolFileImage.Flags));
        RequireLength(image.Trace, cellCount, nameof(PoolFileImage.Trace));
        RequireLength(image.SpikeOut, cellCount, nameof(PoolFileImage.SpikeOut));
        RequireLength(image.RowPointer, cellCount + 1, nameof(PoolFileImage.RowPointer));
        if (image.Synapses is null)
            throw new ArgumentException("PoolFileImage.Synapses is null.", nameof(image));

        string? violation = DescribeCsrViolation(
            image.RowPointer, image.Synapses, cellCount, image.Config.MaxDelay, out _, out _);
        if (violation is not null)
            throw new ArgumentException($"PoolFileImage: {violation}.", nameof(image));

        byte[] name;
        try
        {
            name = StrictUtf8.GetBytes(image.Name);
        }
        catch (EncoderFallbackException exception)
        {
            throw new ArgumentException("PoolFileImage.Name is not valid Unicode (it holds a lone surrogate).", nameof(image), exception);
        }

        if (name.Length > MaxNameBytes)
            throw new ArgumentException($"PoolFileImage.Name is {name.Length} bytes in UTF-8; at most {MaxNameBytes} fit.", nameof(image));

        var prefix = new byte[sizeof(ushort) + name.Length + CountsTickAndConfigSize];
        Span<byte> cursor = prefix;
        BinaryPrimitives.WriteUInt16LittleEndian(cursor, (ushort)name.Length);
        name.CopyTo(cursor[sizeof(ushort)..]);
        cursor = cursor[(sizeof(ushort) + name.Length)..];
        BinaryPrimitives.WriteUInt32LittleEndian(cursor, (uint)cellCount);
        BinaryPrimitives.WriteUInt32LittleEndian(cursor[4..], image.ExcitatoryCount);
        BinaryPrimitives.WriteUInt32LittleEndian(cursor[8..], image.InhibitoryCount);
        BinaryPrimitives.WriteUInt64LittleEndian(cursor[12..], image.TickCount);
        EncodeConfig(image.Config, cursor[20..]);
        return prefix;
    }

    private static void RequireLength<T>(T[]? values, int expected, string field)
    {
        if (values is null)
            throw new ArgumentException($"PoolFileImage.{field} is null.", "image");
        if (values.Length != expected)
            throw new ArgumentException($"PoolFileImage.{field} has length {values.Length}; expected {expected}.", "image");
    }

    /// <summary>
    /// Checks the CSR structure and every synapse; returns null when all is well, otherwise a
    /// description and the index of the offending rowPtr entry or synapse (the other is −1).
    /// </summary>
    private static string? DescribeCsrViolation(
        ReadOnlySpan<uint> rowPointer, ReadOnlySpan<Synapse> synapses, int cellCount, byte maxDelay,
        out int badRow, out int badSynapse)
    {
        badRow = -1;
        badSynapse = -1;
        if (rowPointer[0] != 0)
        {
            badRow = 0;
            return $"rowPtr[0] is {rowPointer[0]}; the first row must start at 0";
        }

        for (int row = 0; row < cellCount; row++)
        {
            if (rowPointer[row] > rowPointer[row + 1])
            {
                badRow = row + 1;
                return $"rowPtr is not monotone: rowPtr[{row}] = {rowPointer[row]} > rowPtr[{row + 1}] = {rowPointer[row + 1]}";
            }
        }

        if (rowPointer[cellCount] != (uint)synapses.Length)
        {
            badRow = cellCount;
            return $"rowPtr[{cellCount}] = {rowPointer[cellCount]} does not end at the synapse count {synapses.Length}";
        }

        for (int source = 0; source < cellCount; source++)
        {
            for (int index = (int)rowPointer[source]; index < (int)rowPointer[source + 1]; index++)
            {
                Synapse synapse = synapses[index];
                if (synapse.Target >= cellCount)
                {
                    badSynapse = index;
                    return $"synapse {index} (source cell {source}) targets cell {synapse.Target}, but N = {cellCount}";
                }

                if (synapse.Delay == 0 || synapse.Delay > maxDelay)
                {
                    badSynapse = index;
                    return synapse.Delay == 0
                        ? $"synapse {index} (source cell {source}) has delay 0; delays lie in 1..{maxDelay}"
                        : $"synapse {index} (source cell {source}) has delay {synapse.Delay}, above maxDelay {maxDelay}";
                }
            }
        }

        return null;
    }
}
