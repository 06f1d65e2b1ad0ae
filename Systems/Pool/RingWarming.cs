using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// Reads a target range's ring cells and spike flags once, in address order, before a large
/// transmission. The events then touch those lines at random; lines brought in by a sequential
/// read (which the hardware prefetchers stream many at a time) turn what would be one demand miss
/// per line, each waiting in the out-of-order window, into cache hits. It changes no byte: only
/// reads. Worth it when the events clearly outnumber the lines (<see cref="EventsPerLine"/>): the
/// rings of the 16 × 65 536-cell scale network (1 MB each) are evicted by the synapse stream
/// between one pool's passes, and warming them takes about 4 % off its tick (docs/network-performance.md).
/// </summary>
internal static unsafe class RingWarming
{
    /// <summary>Expected events per warmed cache line below which the range is left as it is.</summary>
    public const int EventsPerLine = 4;

    private const int LineBytes = 64;

    /// <summary>
    /// Whether warming targets [start, start + width) of a ring with <paramref name="slots"/> slots
    /// pays off for <paramref name="expectedEvents"/> events into that range.
    /// </summary>
    public static bool IsWorthIt(long expectedEvents, int slots, int width)
        => expectedEvents >= EventsPerLine * ((long)slots * width * sizeof(short) + width) / LineBytes;

    /// <summary>
    /// Reads one value per cache line of every ring slot's cells [start, start + width)
    /// (<paramref name="cells"/> per slot) and of the spike flags of the same cells.
    /// </summary>
    public static void Warm(short* ring, int slots, int cells, byte* spikeOut, int start, int width)
    {
        for (int slot = 0; slot < slots; slot++)
            Touch((byte*)(ring + (long)slot * cells + start), width * sizeof(short));
        Touch(spikeOut + start, width);
    }

    /// <summary>One volatile read per line, so the reads stay although nothing uses their values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Touch(byte* first, long bytes)
    {
        for (long offset = 0; offset < bytes; offset += LineBytes)
            Volatile.Read(ref first[offset]);
    }
}
