using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// The pool's plasticity operations (pool.md, "Plasticity"): three-factor modulation,
/// acetylcholine-gated synaptogenesis and pruning of dead synapses. Each runs to completion
/// on the pool's tables; they are called by the host between ticks, or by a modulator
/// (network.md) during the Modulation phase. The rules themselves are
/// <see cref="SynapseStorePlasticity"/>, shared with projections.
/// </summary>
public static class PoolPlasticity
{
    /// <summary>Most synapses one <see cref="Synaptogenesis(NeuronPool, byte)"/> call creates.</summary>
    public const int MaxCreatedPerCall = SynapseStorePlasticity.MaxCreatedPerCall;

    /// <summary>See <see cref="NeuronPool.ApplyModulation"/>.</summary>
    public static (int Reinforced, int Weakened) ApplyModulation(NeuronPool pool, byte dopamine, byte cortisol, byte acetylcholine)
        => ApplyModulation(pool, dopamine, cortisol, acetylcholine, pool.TickCount);

    /// <summary>
    /// <see cref="ApplyModulation(NeuronPool, byte, byte, byte)"/> with eligibilities brought up to
    /// pool tick <paramref name="tickCount"/>: a modulator in the Modulation phase passes
    /// <c>TickCount + 1</c>, because the tick's eligibility decay (STDP phase) precedes it.
    /// </summary>
    internal static (int Reinforced, int Weakened) ApplyModulation(NeuronPool pool, byte dopamine, byte cortisol, byte acetylcholine,
        ulong tickCount)
    {
        _ = acetylcholine; // Gates synaptogenesis only; ignored here as in the reference.
        if (dopamine <= 128 && cortisol <= 30)
            return (0, 0);
        var view = pool.View();
        PoolEligibility.MaterializeAll(view.Synapses, view.RowStart, view.EligibilityStamp, tickCount, pool.Config.TraceDecay);
        return SynapseStorePlasticity.Modulate(view.Synapses, dopamine, cortisol);
    }

    /// <summary>See <see cref="NeuronPool.Synaptogenesis"/>.</summary>
    public static int Synaptogenesis(NeuronPool pool, byte acetylcholine) => Synaptogenesis(pool, acetylcholine, pool.TickCount);

    /// <summary>Synaptogenesis seeded with pool tick <paramref name="tickCount"/> (see <see cref="ApplyModulation(NeuronPool, byte, byte, byte, ulong)"/>).</summary>
    internal static int Synaptogenesis(NeuronPool pool, byte acetylcholine, ulong tickCount)
    {
        if (acetylcholine < 140)
            return 0;
        var view = pool.View();
        int cells = view.CellCount;
        Span<int> active = cells <= 4096 ? stackalloc int[cells] : new int[cells];
        int activeCount = SynapseStorePlasticity.ActiveCells(view.Trace, active);
        if (activeCount < 2)
            return 0;
        Span<int> newSource = stackalloc int[MaxCreatedPerCall];
        Span<Synapse> newSynapse = stackalloc Synapse[MaxCreatedPerCall];
        var config = pool.Config;
        int created = SynapseStorePlasticity.ChooseNew(view.Synapses, view.RowStart, view.Flags, active[..activeCount], active[..activeCount],
            skipSelf: true, config.MaxSynapsesPerNeuron, config.MaxDelay, Seed(tickCount), newSource, newSynapse);
        if (created == 0)
            return 0;
        int oldCount = pool.SynapseCount;
        pool.World.AddRows(pool.State.Synapses, created);
        var updated = pool.View();
        bool sorted = SynapseStorePlasticity.InsertAtRowEnds(updated.Synapses, updated.RowStart, oldCount, newSource[..created], newSynapse[..created]);
        if (!sorted)
            pool.MutableState.RowsSorted = 0;
        return created;
    }

    /// <summary>The synaptogenesis generator's seed at pool tick <paramref name="tickCount"/>: <c>(tickCount · 0xBEEF) XOR 0xCAFE</c>.</summary>
    public static ulong Seed(ulong tickCount) => unchecked(tickCount * 0xBEEFUL) ^ 0xCAFEUL;

    /// <summary>See <see cref="NeuronPool.PruneDead"/>.</summary>
    public static int PruneDead(NeuronPool pool)
    {
        var view = pool.View();
        int kept = SynapseStorePlasticity.PruneDead(view.Synapses, view.RowStart);
        int pruned = view.Synapses.Length - kept;
        if (pruned > 0)
            pool.World.ResizeTable(pool.State.Synapses, kept);
        return pruned;
    }
}
