using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// The pool's plasticity rules (pool.md, "Plasticity") over any CSR store of pool synapses: a
/// pool's own store and a projection's (network.md, "Projections") run the same code. The store
/// is given as spans; callers grow or shrink its table around these calls.
/// </summary>
public static class SynapseStorePlasticity
{
    /// <summary>Most synapses one synaptogenesis call creates.</summary>
    public const int MaxCreatedPerCall = 16;

    /// <summary>
    /// Three-factor change of every eligible synapse in storage order: <c>r = max(0, da − 128)</c>,
    /// <c>w = max(0, cortisol − 30)</c>, <c>delta = (e·r)/64 − (e·w)/64</c>, Dale clamp, maturity step.
    /// Eligibilities must be current.
    /// </summary>
    public static (int Reinforced, int Weakened) Modulate(Span<Synapse> synapses, byte dopamine, byte cortisol)
    {
        int reward = Math.Max(0, dopamine - 128);
        int punishment = Math.Max(0, cortisol - 30);
        if (reward == 0 && punishment == 0)
            return (0, 0);
        int reinforced = 0, weakened = 0;
        foreach (ref var synapse in synapses)
        {
            int eligibility = synapse.Eligibility;
            if (eligibility == 0 || Maturity.State(synapse.Maturity) == Maturity.Cold)
                continue;
            // Each quotient truncates toward zero on its own.
            int delta = eligibility * reward / 64 - eligibility * punishment / 64;
            if (delta == 0)
                continue;
            int old = synapse.Weight;
            int updated = Math.Clamp(old + delta, -127, 127);
            if ((old > 0 && updated < 0) || (old < 0 && updated > 0))
                updated = 0; // Dale: a synapse never changes sign.
            synapse.Weight = (sbyte)updated;
            if (delta > 0)
            {
                synapse.Maturity = Maturity.Increment(synapse.Maturity);
                reinforced++;
            }
            else
            {
                synapse.Maturity = Maturity.Decrement(synapse.Maturity);
                weakened++;
            }
        }

        return (reinforced, weakened);
    }

    /// <summary>Drops every dead synapse (maturity 0) keeping relative order; returns the new synapse count.</summary>
    public static int PruneDead(Span<Synapse> synapses, Span<uint> rowStart)
    {
        int write = 0;
        int rows = rowStart.Length;
        for (int source = 0; source < rows; source++)
        {
            int start = (int)rowStart[source];
            int end = source + 1 < rows ? (int)rowStart[source + 1] : synapses.Length;
            rowStart[source] = (uint)write;
            for (int s = start; s < end; s++)
            {
                if (synapses[s].Maturity != Maturity.Dead)
                    synapses[write++] = synapses[s];
            }
        }

        return write;
    }

    /// <summary>
    /// The indices whose trace magnitude exceeds 5 (the active set), ascending, into
    /// <paramref name="active"/>; returns how many.
    /// </summary>
    public static int ActiveCells(ReadOnlySpan<sbyte> trace, Span<int> active)
    {
        int count = 0;
        for (int i = 0; i < trace.Length; i++)
        {
            if (Math.Abs((int)trace[i]) > 5)
                active[count++] = i;
        }

        return count;
    }

    /// <summary>
    /// Chooses the synapses one synaptogenesis call creates (pool rule): for each active source
    /// while fewer than 16 exist, skip a full row (checked once), then for each active target
    /// (not the source itself when <paramref name="skipSelf"/>) it is not yet connected to, draw
    /// magnitude <c>next % 20 + 5</c> then delay <c>next % maxDelay + 1</c>, Dale sign from the
    /// source's flag bit 0. Returns how many were chosen into <paramref name="newSource"/> and
    /// <paramref name="newSynapse"/> (16 entries each).
    /// </summary>
    public static int ChooseNew(ReadOnlySpan<Synapse> synapses, ReadOnlySpan<uint> rowStart, ReadOnlySpan<byte> sourceFlags,
        ReadOnlySpan<int> activeSources, ReadOnlySpan<int> activeTargets, bool skipSelf, int maxSynapsesPerNeuron,
        byte maxDelay, ulong seed, Span<int> newSource, Span<Synapse> newSynapse)
    {
        var random = new PoolLcg(seed);
        int created = 0;
        for (int a = 0; a < activeSources.Length && created < MaxCreatedPerCall; a++)
        {
            int source = activeSources[a];
            int end = source + 1 < rowStart.Length ? (int)rowStart[source + 1] : synapses.Length;
            var row = synapses[(int)rowStart[source]..end];
            if (row.Length >= maxSynapsesPerNeuron)
                continue;
            bool inhibitory = (sourceFlags[source] & 1) != 0;
            int firstOfSource = created;
            for (int b = 0; b < activeTargets.Length && created < MaxCreatedPerCall; b++)
            {
                int target = activeTargets[b];
                if ((skipSelf && target == source) || Connected(row, newSynapse[firstOfSource..created], target))
                    continue;
                int magnitude = (int)(random.Next() % 20) + 5;
                byte delay = (byte)(random.Next() % maxDelay + 1);
                newSource[created] = source;
                newSynapse[created] = new Synapse((ushort)target, (sbyte)(inhibitory ? -magnitude : magnitude), delay, 0, Maturity.New);
                created++;
            }
        }

        return created;
    }

    /// <summary>
    /// Appends new synapses at the end of their source rows (sources ascending, as chosen). The
    /// store has already grown by <c>added.Length</c> rows past <paramref name="oldCount"/>.
    /// Returns false when a new synapse broke its row's ascending target order.
    /// </summary>
    public static bool InsertAtRowEnds(Span<Synapse> synapses, Span<uint> rowStart, int oldCount, ReadOnlySpan<int> sources,
        ReadOnlySpan<Synapse> added)
    {
        int cells = rowStart.Length;
        // Walk rows from the last down, moving each row up by the number of insertions before it
        // and writing its own insertions after it; no temporary copy of the store.
        int pending = added.Length;
        int end = oldCount;
        for (int source = cells - 1; source >= 0 && pending > 0; source--)
        {
            int start = (int)rowStart[source];
            int mine = 0;
            while (mine < pending && sources[pending - 1 - mine] == source)
                mine++;
            int shiftBefore = pending - mine;
            // New layout: row at start + shiftBefore, its insertions right after it.
            synapses[start..end].CopyTo(synapses[(start + shiftBefore)..]);
            for (int k = 0; k < mine; k++)
                synapses[end + shiftBefore + k] = added[pending - mine + k];
            rowStart[source] = (uint)(start + shiftBefore);
            pending -= mine;
            end = start;
        }

        bool sorted = true;
        for (int k = 0; k < sources.Length && sorted; k++)
            sorted = RowIsSorted(synapses, rowStart, sources[k]);
        return sorted;
    }

    /// <summary>Whether row <paramref name="source"/> is in strictly ascending target order.</summary>
    public static bool RowIsSorted(ReadOnlySpan<Synapse> synapses, ReadOnlySpan<uint> rowStart, int source)
    {
        int start = (int)rowStart[source];
        int end = source + 1 < rowStart.Length ? (int)rowStart[source + 1] : synapses.Length;
        for (int s = start + 1; s < end; s++)
        {
            if (synapses[s].Target <= synapses[s - 1].Target)
                return false;
        }

        return true;
    }

    /// <summary>Counts per maturity state (dead = byte 0 apart from Hot).</summary>
    public static ThermalCounts Thermal(ReadOnlySpan<Synapse> synapses)
    {
        int hot = 0, warm = 0, cool = 0, cold = 0, dead = 0;
        foreach (ref readonly var synapse in synapses)
        {
            if (synapse.Maturity == Maturity.Dead) { dead++; continue; }
            switch (Maturity.State(synapse.Maturity))
            {
                case Maturity.Hot: hot++; break;
                case Maturity.Warm: warm++; break;
                case Maturity.Cool: cool++; break;
                default: cold++; break;
            }
        }

        return new ThermalCounts(hot, warm, cool, cold, dead);
    }

    /// <summary>Mean |weight| and mean |eligibility| (0 for an empty store).</summary>
    public static (double MeanAbsWeight, double MeanAbsEligibility) Means(ReadOnlySpan<Synapse> synapses)
    {
        long weightSum = 0, eligibilitySum = 0;
        foreach (ref readonly var synapse in synapses)
        {
            weightSum += Math.Abs((int)synapse.Weight);
            eligibilitySum += Math.Abs((int)synapse.Eligibility);
        }

        int count = synapses.Length;
        return count == 0 ? (0, 0) : ((double)weightSum / count, (double)eligibilitySum / count);
    }

    private static bool Connected(ReadOnlySpan<Synapse> row, ReadOnlySpan<Synapse> added, int target)
    {
        foreach (ref readonly var synapse in row)
            if (synapse.Target == target)
                return true;
        foreach (ref readonly var synapse in added)
            if (synapse.Target == target)
                return true;
        return false;
    }
}
