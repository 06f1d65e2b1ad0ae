using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// Where propagation cuts a pool's targets between workers: ranges holding about equal numbers
/// of incoming synapses, so the workers get about equal shares of the events (compat pools put
/// most synapses on low targets; equal target ranges left one worker with two thirds of the work).
/// </summary>
/// <remarks>
/// Any cut gives the same bytes (each worker owns its targets' ring cells and synapses), so the
/// cut may follow the structure without touching determinism. It is recomputed when the synapse
/// count or thread count changes and every <see cref="RefreshTicks"/> ticks otherwise, an
/// O(synapses) pass; in between it may lag behind edits that keep the count, which costs balance only.
/// </remarks>
internal sealed class TargetSplit
{
    /// <summary>Ticks after which the cut is recomputed even if the synapse count did not change.</summary>
    public const ulong RefreshTicks = 4096;

    private int[] boundaries = [];
    private int[] inDegree = [];
    private int[] rowCuts = [];
    private int threads, synapseCount = -1, cellCount, rowCount;
    private bool rowsSorted;
    private ulong computedAt;
    // Cheapest cost per event (Stopwatch ticks) of each way in the current probe window.
    private double serialBest = double.NaN, parallelBest = double.NaN;
    private bool preferParallel;

    /// <summary>Every this many parallel-eligible ticks, <see cref="ProbeTicks"/> of them re-measure both ways.</summary>
    public const int ProbeInterval = 256;

    /// <summary>Ticks at the start of each interval that alternate serial and parallel to measure both.</summary>
    public const int ProbeTicks = 4;

    private long eligibleTicks;

    /// <summary>
    /// Whether this tick should propagate on the workers. Both ways give the same bytes; which is
    /// faster depends on the machine and the pool (long rows make the two cores trade cache
    /// lines; a busy machine may have no core for the helper), so the choice is measured: the
    /// first <see cref="ProbeTicks"/> eligible ticks of every <see cref="ProbeInterval"/> alternate
    /// serial and parallel, and the rest of the interval takes the way whose cheapest probe cost
    /// less per event. The cheapest, because a probe can only be slowed by chance (the first tick
    /// after a host restores a checkpoint runs on cold caches; a helper may be preempted), and
    /// one unlucky probe should not decide a whole interval.
    /// </summary>
    public bool ChooseParallel()
    {
        long phase = eligibleTicks++ % ProbeInterval;
        return phase < ProbeTicks ? (phase & 1) == 1 : preferParallel;
    }

    /// <summary>Records what the tick just chosen cost (Stopwatch ticks) for <paramref name="events"/> expected events.</summary>
    public void Record(bool parallel, long elapsed, long events)
    {
        long phase = (eligibleTicks - 1) % ProbeInterval;
        if (phase >= ProbeTicks)
            return;
        if (phase == 0)
            serialBest = parallelBest = double.NaN;
        double cost = (double)elapsed / Math.Max(events, 1);
        ref double best = ref parallel ? ref parallelBest : ref serialBest;
        best = double.IsNaN(best) ? cost : Math.Min(best, cost);
        if (phase == ProbeTicks - 1)
            preferParallel = parallelBest < serialBest; // a tie keeps the helper free
    }

    /// <summary>
    /// For rows in target order: where each row crosses each inner boundary, <c>workers − 1</c>
    /// synapse indices per row (row r's cut before worker w at <c>[r * (workers − 1) + w − 1]</c>).
    /// Empty when the rows are not sorted. A hint only: edits that keep the synapse count can make
    /// it stale until the next refresh, so readers check a cut against the targets beside it.
    /// </summary>
    public ReadOnlySpan<int> RowCuts => rowCuts.AsSpan(0, rowsSorted ? rowCount * (threads - 1) : 0);

    /// <summary>The array behind <see cref="RowCuts"/> for the kernel to pin, or null when there are none.</summary>
    public int[]? RowCutArray => rowsSorted && threads > 1 ? rowCuts : null;

    /// <summary>
    /// The cut for <paramref name="workers"/> workers: <c>workers + 1</c> ascending target
    /// boundaries from 0 to the target count; worker w owns targets [b[w], b[w + 1]). Targets
    /// are the rows' own cells (a pool) unless <paramref name="targetCount"/> says otherwise (a
    /// projection's rows are source cells of one pool, its targets cells of another).
    /// </summary>
    public ReadOnlySpan<int> Boundaries(ReadOnlySpan<Synapse> synapses, ReadOnlySpan<uint> rowStart, bool sorted, int workers, ulong tick,
        int targetCount = -1)
    {
        int cells = targetCount < 0 ? rowStart.Length : targetCount;
        if (workers != threads || synapses.Length != synapseCount || cells != cellCount || rowStart.Length != rowCount
            || sorted != rowsSorted || tick - computedAt >= RefreshTicks)
        {
            Compute(synapses, cells, workers, tick);
            rowCount = rowStart.Length;
            rowsSorted = sorted;
            if (sorted)
                ComputeRowCuts(synapses, rowStart, workers);
        }

        return boundaries.AsSpan(0, workers + 1);
    }

    private void ComputeRowCuts(ReadOnlySpan<Synapse> synapses, ReadOnlySpan<uint> rowStart, int workers)
    {
        int cells = rowStart.Length;
        if (rowCuts.Length < cells * (workers - 1))
            rowCuts = new int[cells * (workers - 1)];
        for (int row = 0; row < cells; row++)
        {
            int first = (int)rowStart[row];
            int last = row + 1 < cells ? (int)rowStart[row + 1] : synapses.Length;
            for (int w = 1; w < workers; w++)
            {
                // First synapse of the row whose target is at or past the boundary.
                int cut = first;
                while (cut < last && synapses[cut].Target < boundaries[w])
                    cut++;
                rowCuts[row * (workers - 1) + w - 1] = cut;
                first = cut;
            }
        }
    }

    private void Compute(ReadOnlySpan<Synapse> synapses, int cells, int workers, ulong tick)
    {
        if (inDegree.Length < cells)
            inDegree = new int[cells];
        if (boundaries.Length < workers + 1)
            boundaries = new int[workers + 1];
        var degree = inDegree.AsSpan(0, cells);
        degree.Clear();
        long inside = 0;
        foreach (ref readonly var synapse in synapses)
        {
            if (synapse.Target < cells)
            {
                degree[synapse.Target]++;
                inside++;
            }
        }

        boundaries[0] = 0;
        if (inside == 0)
        {
            // Nothing to balance: equal target ranges.
            for (int w = 1; w <= workers; w++)
                boundaries[w] = (int)((long)cells * w / workers);
        }

        // Cut after the target where the running count first reaches w/workers of the total.
        int worker = inside == 0 ? workers + 1 : 1;
        long running = 0;
        for (int target = 0; target < cells && worker < workers; target++)
        {
            running += degree[target];
            while (worker < workers && running * workers >= inside * worker)
                boundaries[worker++] = target + 1;
        }

        while (worker <= workers)
            boundaries[worker++] = cells;
        threads = workers;
        synapseCount = synapses.Length;
        cellCount = cells;
        computedAt = tick;
    }
}
