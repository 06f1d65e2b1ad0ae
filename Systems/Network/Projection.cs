using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// The host's handle to one projection (network.md, "Projections"): a synapse store from pool A's
/// cells to pool B's, transmitted in the Propagate phase after every pool. Holds no state of its
/// own. The plasticity calls act at once (between ticks, or from a modulator in the Modulation phase).
/// </summary>
public sealed class Projection
{
    internal Projection(World world, Entity entity)
    {
        World = world;
        Entity = entity;
    }

    /// <summary>The world holding the projection.</summary>
    public World World { get; }

    /// <summary>The projection entity.</summary>
    public Entity Entity { get; }

    /// <summary>Whether the projection still exists (it is removed with either pool).</summary>
    public bool IsAlive => World.IsAlive(Entity) && World.Has<ProjectionState>(Entity);

    /// <summary>The projection's name (unique among projections and populations).</summary>
    public string Name => World.Names.Get(Entity);

    /// <summary>The projection's scalars.</summary>
    public ref readonly ProjectionState State => ref World.Get<ProjectionState>(Entity);

    internal ref ProjectionState MutableState => ref World.Get<ProjectionState>(Entity);

    /// <summary>Plasticity parameters.</summary>
    public ref readonly ProjectionConfig Config => ref World.Get<ProjectionConfig>(Entity);

    /// <summary>Source pool A.</summary>
    public NeuronPool Source => NeuronPool.Attach(World, State.Source);

    /// <summary>Target pool B.</summary>
    public NeuronPool Target => NeuronPool.Attach(World, State.Target);

    /// <summary>Projection index (creation order; the synaptogenesis seed uses index + 1).</summary>
    public int Index => State.Index;

    /// <summary>Ticks transmitted.</summary>
    public ulong TickCount => State.TickCount;

    /// <summary>Number of synapses.</summary>
    public int SynapseCount => World.GetTable(State.Synapses).Count;

    /// <summary>Row starts, one per cell of A (the last row ends at <see cref="SynapseCount"/>).</summary>
    public Span<uint> RowStart => World.GetTable(State.Rows).Span(NetworkColumns.RowStart);

    internal Span<ulong> Stamps => World.GetTable(State.Rows).Span(NetworkColumns.EligibilityStamp);

    internal Span<Synapse> RawSynapses => World.GetTable(State.Synapses).Span(NetworkColumns.Synapses);

    /// <summary>Every projection in the world, in creation order.</summary>
    public static IReadOnlyList<Projection> All(World world)
    {
        var found = new List<(ulong Order, Projection Projection)>();
        foreach (var table in world.Query(ComponentSet.Of<ProjectionState>()))
        {
            var states = table.Span<ProjectionState>();
            for (int row = 0; row < table.Count; row++)
                found.Add((states[row].Order, new Projection(world, table.Entities[row])));
        }

        found.Sort((a, b) => a.Order.CompareTo(b.Order));
        return found.Select(p => p.Projection).ToList();
    }

    /// <summary>The projection named <paramref name="name"/>, or null.</summary>
    public static Projection? Find(World world, string name)
        => All(world).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>Brings every stored eligibility up to date (the lazy decay made explicit).</summary>
    public void MaterializeEligibility()
        => PoolEligibility.MaterializeAll(RawSynapses, RowStart, Stamps, TickCount, Config.TraceDecay);

    /// <summary>The synapses of source cell <paramref name="source"/>'s row, with eligibility up to date.</summary>
    public ReadOnlySpan<Synapse> Row(int source)
    {
        var rowStart = RowStart;
        if ((uint)source >= (uint)rowStart.Length)
            throw new ArgumentOutOfRangeException(nameof(source), source, $"Projection '{Name}' has rows 0..{rowStart.Length - 1}.");
        var synapses = RawSynapses;
        int end = source + 1 < rowStart.Length ? (int)rowStart[source + 1] : synapses.Length;
        var row = synapses[(int)rowStart[source]..end];
        PoolEligibility.MaterializeRow(row, ref Stamps[source], TickCount, PoolEligibility.TableFor(Config.TraceDecay));
        return row;
    }

    /// <summary>Every synapse with eligibility up to date, row after row.</summary>
    public ReadOnlySpan<Synapse> Synapses()
    {
        MaterializeEligibility();
        return RawSynapses;
    }

    /// <summary>Three-factor plasticity with the pool rule (dopamine above 128 reinforces, cortisol above 30 weakens).</summary>
    public (int Reinforced, int Weakened) ApplyModulation(byte dopamine, byte cortisol)
    {
        if (dopamine <= 128 && cortisol <= 30)
            return (0, 0);
        MaterializeEligibility();
        return SynapseStorePlasticity.Modulate(RawSynapses, dopamine, cortisol);
    }

    /// <summary>Removes every dead synapse, keeping the order of the rest.</summary>
    public int PruneDead()
    {
        var synapses = RawSynapses;
        int kept = SynapseStorePlasticity.PruneDead(synapses, RowStart);
        int pruned = synapses.Length - kept;
        if (pruned > 0)
            World.ResizeTable(State.Synapses, kept);
        return pruned;
    }

    /// <summary>
    /// Acetylcholine-gated creation of up to 16 synapses with the pool rule: A's active cells as
    /// sources, B's as targets (a cell skips itself only when A = B), the generator seeded with
    /// the pool rule's seed at the projection's tick XOR (index + 1).
    /// </summary>
    public int Synaptogenesis(byte acetylcholine)
    {
        if (acetylcholine < 140)
            return 0;
        var source = Source.View();
        var target = Target.View();
        int total = source.CellCount + target.CellCount;
        Span<int> active = total <= 8192 ? stackalloc int[total] : new int[total];
        int sources = SynapseStorePlasticity.ActiveCells(source.Trace, active);
        int targets = SynapseStorePlasticity.ActiveCells(target.Trace, active[sources..]);
        bool same = State.Source == State.Target;
        if (same ? sources < 2 : sources == 0 || targets == 0)
            return 0;
        Span<int> newSource = stackalloc int[SynapseStorePlasticity.MaxCreatedPerCall];
        Span<Synapse> newSynapse = stackalloc Synapse[SynapseStorePlasticity.MaxCreatedPerCall];
        var config = Config;
        ulong seed = PoolPlasticity.Seed(TickCount) ^ (ulong)(Index + 1);
        int created = SynapseStorePlasticity.ChooseNew(RawSynapses, RowStart, source.Flags, active[..sources],
            active.Slice(sources, targets), same, config.MaxSynapsesPerNeuron, config.MaxDelay, seed, newSource, newSynapse);
        if (created == 0)
            return 0;
        int oldCount = SynapseCount;
        World.AddRows(State.Synapses, created);
        if (!SynapseStorePlasticity.InsertAtRowEnds(RawSynapses, RowStart, oldCount, newSource[..created], newSynapse[..created]))
            MutableState.RowsSorted = 0;
        return created;
    }

    /// <summary>Thermal counts.</summary>
    public ThermalCounts Thermal() => SynapseStorePlasticity.Thermal(RawSynapses);

    /// <summary>The projection's summary.</summary>
    public ProjectionStats Stats()
    {
        var synapses = Synapses();
        var (weight, eligibility) = SynapseStorePlasticity.Means(synapses);
        return new ProjectionStats(Name, Source.Name, Target.Name, synapses.Length, TickCount, Thermal(), weight, eligibility);
    }

    /// <summary>Recomputes <see cref="ProjectionState.RowsSorted"/> after direct edits of the synapses.</summary>
    public void RefreshRowOrder()
    {
        var synapses = RawSynapses;
        var rowStart = RowStart;
        bool sorted = true;
        for (int row = 0; row < rowStart.Length && sorted; row++)
            sorted = SynapseStorePlasticity.RowIsSorted(synapses, rowStart, row);
        MutableState.RowsSorted = sorted ? (byte)1 : (byte)0;
    }

    /// <inheritdoc />
    public override string ToString() => $"projection '{Name}'";
}
