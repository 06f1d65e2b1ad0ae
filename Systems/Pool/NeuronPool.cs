using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// The host's handle to one pool living in a world (neuropool 0.1's <c>NeuronPool</c> API).
/// Holds no state of its own: everything is in the world's tables, so any number of handles
/// to the same pool agree. Ticks run through <see cref="World.Step"/>; the plasticity calls
/// (<see cref="ApplyModulation"/>, <see cref="Synaptogenesis"/>, <see cref="PruneDead"/>) act
/// at once and are meant for between ticks, as in the reference.
/// </summary>
public sealed partial class NeuronPool : Population
{
    internal NeuronPool(World world, Entity entity) : base(world, entity)
    {
    }

    /// <inheritdoc />
    public override string Family => PoolFamily.FamilyName;

    /// <summary>Creates a pool from its config record; the definition is validated before anything is created.</summary>
    /// <exception cref="ModelConfigException">A field of <paramref name="definition"/> is invalid (the exception names it).</exception>
    public static NeuronPool Create(World world, string name, PoolDefinition definition) => PoolFactory.Create(world, name, definition);

    /// <summary>Finds the pool behind <paramref name="entity"/>.</summary>
    /// <exception cref="ArgumentException">The entity is not a live pool.</exception>
    public static NeuronPool Attach(World world, Entity entity)
    {
        if (!world.IsAlive(entity) || !world.Has<PoolState>(entity) || !world.Has<PoolConfig>(entity))
            throw new ArgumentException($"{entity} is not a live pool.", nameof(entity));
        return new NeuronPool(world, entity);
    }

    /// <summary>Every pool in the world, in entity order.</summary>
    public static IReadOnlyList<NeuronPool> All(World world)
    {
        var pools = new List<NeuronPool>();
        foreach (var table in world.Query(ComponentSet.Of<PoolConfig, PoolState>()))
            foreach (var entity in table.Entities)
                pools.Add(new NeuronPool(world, entity));
        pools.Sort((a, b) => a.Entity.Index.CompareTo(b.Entity.Index));
        return pools;
    }

    /// <summary>The pool's configuration (read-only; fixed at creation).</summary>
    public ref readonly PoolConfig Config => ref World.Get<PoolConfig>(Entity);

    /// <summary>The pool's scalars (read-only; the pool's systems and validating methods change them).</summary>
    public ref readonly PoolState State => ref World.Get<PoolState>(Entity);

    /// <summary>The pool's scalars for the pool model's own code.</summary>
    internal ref PoolState MutableState => ref World.Get<PoolState>(Entity);

    /// <summary>Number of cells.</summary>
    public int CellCount => World.GetTable(State.Cells).Count;

    /// <summary>Number of synapses.</summary>
    public int SynapseCount => World.GetTable(State.Synapses).Count;

    /// <summary>Ticks completed.</summary>
    public ulong TickCount => State.TickCount;

    /// <summary>Spikes on the last tick.</summary>
    public int LastSpikeCount => State.LastSpikeCount;

    /// <summary>The spans of the pool's tables.</summary>
    public PoolView View() => new(World, State);

    /// <summary>
    /// Holds <paramref name="currents"/> as the external input of the coming ticks: cell i gets
    /// currents[i] every tick until the input is changed or cleared. A shorter span drives only
    /// the first cells (as the reference allows); a longer one is an error.
    /// </summary>
    public void SetInput(ReadOnlySpan<short> currents)
    {
        var view = View();
        if (currents.Length > view.CellCount)
            throw new ArgumentException($"Input has {currents.Length} currents but pool '{Name}' has {view.CellCount} cells.", nameof(currents));
        currents.CopyTo(view.Input);
        view.Input[currents.Length..].Clear();
        MutableState.InputLength = currents.Length;
    }

    /// <summary>Sets the held input of cells [start, end) to <paramref name="current"/> (others keep theirs).</summary>
    public void SetInputRange(int start, int end, short current)
    {
        var view = View();
        CheckRange(start, end, view.CellCount);
        view.Input[start..end].Fill(current);
        MutableState.InputLength = Math.Max(State.InputLength, end);
    }

    /// <summary>Removes all external input.</summary>
    public void ClearInput()
    {
        View().Input.Clear();
        MutableState.InputLength = 0;
    }

    /// <summary>Immediately adds <c>polarity * magnitude * 128</c> to the membranes of cells [start, end), saturating.</summary>
    public void Inject(int start, int end, int polarity, int magnitude)
    {
        var view = View();
        CheckRange(start, end, view.CellCount);
        if (polarity is < -1 or > 1)
            throw new ArgumentOutOfRangeException(nameof(polarity), polarity, "Polarity is −1, 0 or +1.");
        if (magnitude is < 0 or > 255)
            throw new ArgumentOutOfRangeException(nameof(magnitude), magnitude, "Magnitude is 0..255.");
        int delta = polarity * magnitude * 128;
        foreach (ref var membrane in view.Membrane[start..end])
            membrane = Saturating.ToInt16(membrane + delta);
    }

    /// <summary>Copies whether each cell in [start, end) spiked on the last tick into <paramref name="destination"/>.</summary>
    public void ReadOutput(int start, int end, Span<bool> destination)
    {
        var view = View();
        CheckRange(start, end, view.CellCount);
        if (destination.Length != end - start)
            throw new ArgumentException($"Destination holds {destination.Length} values; the range has {end - start}.", nameof(destination));
        for (int i = start; i < end; i++)
            destination[i - start] = view.SpikeOut[i] != 0;
    }

    /// <summary>Whether each cell in [start, end) spiked on the last tick.</summary>
    public bool[] ReadOutput(int start, int end)
    {
        var result = new bool[Math.Max(0, end - start)];
        ReadOutput(start, end, result);
        return result;
    }

    /// <summary>Number of cells in [start, end) that spiked on the last tick (allocation-free).</summary>
    public int CountSpikes(int start, int end)
    {
        var view = View();
        CheckRange(start, end, view.CellCount);
        int count = 0;
        foreach (byte spike in view.SpikeOut[start..end])
            count += spike;
        return count;
    }

    /// <summary>Three-factor plasticity: dopamine above 128 reinforces, cortisol above 30 weakens eligible synapses.</summary>
    /// <returns>How many synapses were reinforced and weakened.</returns>
    public (int Reinforced, int Weakened) ApplyModulation(byte dopamine, byte cortisol, byte acetylcholine)
        => PoolPlasticity.ApplyModulation(this, dopamine, cortisol, acetylcholine);

    /// <summary>Acetylcholine-gated creation of up to 16 synapses between active cells.</summary>
    public int Synaptogenesis(byte acetylcholine) => PoolPlasticity.Synaptogenesis(this, acetylcholine);

    /// <summary>Removes every dead synapse (maturity byte 0), keeping the order of the rest.</summary>
    public int PruneDead() => PoolPlasticity.PruneDead(this);

    /// <summary>
    /// Recomputes <see cref="PoolState.RowsSorted"/> from the rows. Call after editing the synapse
    /// table directly; the pool's own operations keep the flag right.
    /// </summary>
    public void RefreshRowOrder()
    {
        var view = View();
        bool sorted = true;
        for (int cell = 0; cell < view.CellCount && sorted; cell++)
            sorted = RowIsSorted(view, cell);
        MutableState.RowsSorted = sorted ? (byte)1 : (byte)0;
    }

    /// <summary>Whether row <paramref name="cell"/> is in strictly ascending target order.</summary>
    public static bool RowIsSorted(PoolView view, int cell) => SynapseStorePlasticity.RowIsSorted(view.Synapses, view.RowStart, cell);

    /// <summary>Brings every stored eligibility up to date (the lazy decay made explicit); values do not change meaning.</summary>
    public void MaterializeEligibility()
    {
        var view = View();
        PoolEligibility.MaterializeAll(view.Synapses, view.RowStart, view.EligibilityStamp, State.TickCount, Config.TraceDecay);
    }

    /// <summary>The synapses of <paramref name="source"/>'s row, with eligibility up to date.</summary>
    public ReadOnlySpan<Synapse> Row(int source)
    {
        var view = View();
        CheckRange(source, source + 1, view.CellCount);
        var row = view.Synapses[(int)view.RowStart[source]..view.RowEnd(source)];
        PoolEligibility.MaterializeRow(row, ref view.EligibilityStamp[source], State.TickCount, PoolEligibility.TableFor(Config.TraceDecay));
        return row;
    }

    /// <summary>Every synapse with eligibility up to date, row after row.</summary>
    public ReadOnlySpan<Synapse> Synapses()
    {
        MaterializeEligibility();
        return View().Synapses;
    }

    /// <summary>The pool's summary.</summary>
    public PoolStats Stats()
    {
        var synapses = Synapses();
        var (meanWeight, meanEligibility) = SynapseStorePlasticity.Means(synapses);
        var state = State;
        int cells = CellCount;
        return new PoolStats(Name, cells, state.ExcitatoryCount, cells - state.ExcitatoryCount, synapses.Length, state.TickCount,
            state.LastSpikeCount, Thermal(), meanWeight, meanEligibility);
    }

    /// <summary>Thermal counts only (cheaper than <see cref="Stats"/>: eligibility is not touched).</summary>
    public ThermalCounts Thermal() => SynapseStorePlasticity.Thermal(View().Synapses);

    private void CheckRange(int start, int end, int cells)
    {
        if (start < 0 || end > cells || start > end)
            throw new ArgumentOutOfRangeException(nameof(start), $"Range {start}..{end} is outside pool '{Name}' (cells 0..{cells}).");
    }
}
