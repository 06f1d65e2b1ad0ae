using System.Buffers.Binary;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// Records every non-zero element of a port range (a pool's <c>spikes</c>) as a (tick, element)
/// pair of little-endian u32: 8 bytes per spike, in an NPY file with the structured dtype
/// <c>[('tick', '&lt;u4'), ('cell', '&lt;u4')]</c>, ordered by tick then element.
/// </summary>
public sealed class SpikeRecorder : IRecorder
{
    /// <summary>The NPY dtype of a spike.</summary>
    public const string Descr = "[('tick', '<u4'), ('cell', '<u4')]";

    private const int MinBufferSpikes = 32768;
    private readonly Population population;
    private readonly int port;
    private readonly int from;
    private readonly int[] spiked;
    private readonly byte[] buffer;
    private readonly NpyFile file;
    private int buffered;
    private bool disposed;

    /// <summary>Records port <paramref name="port"/> elements <c>from .. from + width</c> of <paramref name="population"/>.</summary>
    public SpikeRecorder(string name, RecordingDefinition definition, Population population, int port, int from, int width, string path, long? resumeRows)
    {
        Name = name;
        Definition = definition;
        FilePath = path;
        this.population = population;
        this.port = port;
        this.from = from;
        spiked = new int[width];
        buffer = new byte[Math.Max(MinBufferSpikes, width) * 8];
        file = NpyFile.Open(path, Descr, "", 8, resumeRows);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string FilePath { get; }

    /// <inheritdoc />
    public RecordingDefinition Definition { get; }

    /// <inheritdoc />
    public long Position => file.Rows + buffered;

    /// <inheritdoc />
    public void Sample(long tick)
    {
        int count = population.ReadNonZero(port, from, spiked.Length, spiked);
        if (buffer.Length / 8 - buffered < count)
            Drain();
        if (BitConverter.IsLittleEndian)
        {
            // One 8-byte store per spike: (tick, cell) as two little-endian u32 is the u64 tick | cell << 32.
            var pairs = MemoryMarshal.Cast<byte, ulong>(buffer.AsSpan(buffered * 8, count * 8));
            ulong at = (uint)tick;
            for (int i = 0; i < count; i++)
                pairs[i] = at | (ulong)(uint)spiked[i] << 32;
        }
        else
        {
            var bytes = buffer.AsSpan(buffered * 8, count * 8);
            for (int i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(i * 8, 4), (uint)tick);
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(i * 8 + 4, 4), (uint)spiked[i]);
            }
        }

        buffered += count;
    }

    /// <inheritdoc />
    public void Flush()
    {
        Drain();
        file.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        Drain();
        file.Dispose();
    }

    private void Drain()
    {
        file.Append(buffer.AsSpan(0, buffered * 8));
        buffered = 0;
    }
}
