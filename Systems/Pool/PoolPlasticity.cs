using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// The pool's plasticity operations (pool.md, "Plasticity"): three-factor modulation,
/// acetylcholine-gated synaptogenesis and pruning of dead synapses. Each runs to completion
/// on the pool's tables; they are called by the host between ticks.
/// </summary>
public static class PoolPlasticity
{
    /// <summary>Most synapses one <see cref="Synaptogenesis"/> call creates.</summary>
    public const int MaxCreatedPerCall = 16;

    /// <summary>See <see cref="NeuronPool.ApplyModulation"/>.</summary>
    public static (int Reinforced, int Weakened) ApplyModulation(NeuronPool pool, byte dopamine, byte cortisol, byte acetylcholine)
    {
        _ = acetylcholine; // Gates synaptogenesis only; ignored here as in the reference.
        int reward = Math.Max(0, dopamine - 128);
        int punishment = Math.Max(0, cortisol - 30);
        if (reward == 0 && punishment == 0)
            return (0, 0);
        pool.MaterializeEligibility();
        int reinforced = 0, weakened = 0;
        foreach (ref var synapse in pool.View().Synapses)
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

    /// <summary>See <see cref="NeuronPool.Synaptogenesis"/>.</summary>
    public static int Synaptogenesis(NeuronPool pool, byte acetylcholine)
    {
        if (acetylcholine < 140)
            return 0;
        var view = pool.View();
        var config = pool.Config;
        int cells = view.CellCount;
        Span<int> active = cells <= 4096 ? stackalloc int[cells] : new int[cells];
        int activeCount = 0;
        for (int i = 0; i < cells; i++)
        {
            if (Math.Abs((int)view.Trace[i]) > 5)
                active[activeCount++] = i;
        }

        if (activeCount < 2)
            return 0;
        var random = new PoolLcg(unchecked(pool.TickCount * 0xBEEFUL) ^ 0xCAFEUL);
        Span<int> newSource = stackalloc int[MaxCreatedPerCall];
        Span<Synapse> newSynapse = stackalloc Synapse[MaxCreatedPerCall];
        int created = 0;
        for (int a = 0; a < activeCount && created < MaxCreatedPerCall; a++)
        {
            int source = active[a];
            var row = view.Synapses[(int)view.RowStart[source]..view.RowEnd(source)];
            if (row.Length >= config.MaxSynapsesPerNeuron)
                continue;
            bool inhibitory = (view.Flags[source] & 1) != 0;
            int firstOfSource = created;
            for (int b = 0; b < activeCount && created < MaxCreatedPerCall; b++)
            {
                int target = active[b];
                if (target == source || Connected(row, newSynapse[firstOfSource..created], target))
                    continue;
                int magnitude = (int)(random.Next() % 20) + 5;
                byte delay = (byte)(random.Next() % config.MaxDelay + 1);
                newSource[created] = source;
                newSynapse[created] = new Synapse((ushort)target, (sbyte)(inhibitory ? -magnitude : magnitude), delay, 0, Maturity.New);
                created++;
            }
        }

        if (created > 0)
        {
            InsertAtRowEnds(pool, newSource[..created], newSynapse[..created]);
            if (pool.State.RowsSorted != 0)
            {
                var updated = pool.View();
                for (int k = 0; k < created; k++)
                {
                    if (!NeuronPool.RowIsSorted(updated, newSource[k]))
                    {
                        pool.MutableState.RowsSorted = 0;
                        break;
                    }
                }
            }
        }

        return created;
    }

    /// <summary>See <see cref="NeuronPool.PruneDead"/>.</summary>
    public static int PruneDead(NeuronPool pool)
    {
        var view = pool.View();
        var synapses = view.Synapses;
        int write = 0;
        int cells = view.CellCount;
        for (int source = 0; source < cells; source++)
        {
            int start = (int)view.RowStart[source];
            int end = view.RowEnd(source);
            view.RowStart[source] = (uint)write;
            for (int s = start; s < end; s++)
            {
                if (synapses[s].Maturity != Maturity.Dead)
                    synapses[write++] = synapses[s];
            }
        }

        int pruned = synapses.Length - write;
        if (pruned > 0)
            pool.World.ResizeTable(pool.State.Synapses, write);
        return pruned;
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

    /// <summary>Appends new synapses at the end of their source rows (sources ascending, as created).</summary>
    private static void InsertAtRowEnds(NeuronPool pool, ReadOnlySpan<int> sources, ReadOnlySpan<Synapse> added)
    {
        int oldCount = pool.SynapseCount;
        pool.World.AddRows(pool.State.Synapses, added.Length);
        var view = pool.View();
        var synapses = view.Synapses;
        var rowStart = view.RowStart;
        int cells = view.CellCount;
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
    }
}
