using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>The software prefetches of the synapse-event kernel's row loop (vector paths).</summary>
internal static unsafe partial class SynapseEventKernel
{
    /// <summary>Rows ahead whose first synapses are prefetched (spiking rows are scattered over the store).</summary>
    private const int PrefetchDistance = 16;

    /// <summary>
    /// Rows ahead whose bounds (row start, row cuts) are prefetched: the row prefetch reads them, and
    /// a miss there (the bounds of a large store are cold by the time it transmits) would hold up
    /// the whole loop.
    /// </summary>
    private const int BoundsPrefetchDistance = 4 * PrefetchDistance;

    /// <summary>Most cache lines of one row part that are prefetched.</summary>
    private const int PrefetchedLines = 32;

    /// <summary>
    /// Prefetches this worker's part of a row (its own cuts when there are cuts; at most
    /// <see cref="PrefetchedLines"/> lines) and the row's stamp. Spiking rows lie scattered over
    /// a store larger than the caches, and a group's loads wait on them otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefetch(in SpikingRows rows, int source, int worker)
    {
        long start = rows.RowStart[source];
        long end = source + 1 < rows.CellCount ? rows.RowStart[source + 1] : rows.SynapseCount;
        if (rows.RowCuts != null && worker < rows.Workers && rows.Workers > 1)
        {
            int* cuts = rows.RowCuts + (long)source * (rows.Workers - 1);
            if (worker > 0)
                start = cuts[worker - 1];
            if (worker < rows.Workers - 1)
                end = cuts[worker];
        }

        byte* line = (byte*)(rows.Synapses + start);
        byte* last = (byte*)(rows.Synapses + Math.Min(end, start + PrefetchedLines * 8));
        for (; line < last; line += 64)
            Sse.Prefetch0(line);
        Sse.Prefetch0(rows.Stamps + source);
    }

    /// <summary>Prefetches what <see cref="Prefetch"/> will read of a row: its start (and end) and its cuts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchBounds(in SpikingRows rows, int source)
    {
        Sse.Prefetch0(rows.RowStart + source);
        if (rows.RowCuts != null && rows.Workers > 1)
            Sse.Prefetch0(rows.RowCuts + (long)source * (rows.Workers - 1));
    }
}
