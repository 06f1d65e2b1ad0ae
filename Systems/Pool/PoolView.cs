using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// The spans of one pool's tables, gathered once per pool per system run so the kernels work
/// on plain spans.
/// </summary>
public readonly ref struct PoolView
{
    /// <summary>Gathers the spans of the pool whose state is <paramref name="state"/>.</summary>
    public PoolView(World world, in PoolState state)
    {
        var cells = world.GetTable(state.Cells);
        Membrane = cells.Span(PoolColumns.Membrane);
        Threshold = cells.Span(PoolColumns.Threshold);
        Leak = cells.Span(PoolColumns.Leak);
        Refract = cells.Span(PoolColumns.Refract);
        Flags = cells.Span(PoolColumns.Flags);
        Trace = cells.Span(PoolColumns.Trace);
        SpikeOut = cells.Span(PoolColumns.SpikeOut);
        SynapticCurrent = cells.Span(PoolColumns.SynapticCurrent);
        SpikeRate = cells.Span(PoolColumns.SpikeRate);
        Input = cells.Span(PoolColumns.Input);
        RowStart = cells.Span(PoolColumns.RowStart);
        EligibilityStamp = cells.Span(PoolColumns.EligibilityStamp);
        SpikeList = cells.Span(PoolColumns.SpikeList);
        Synapses = world.GetTable(state.Synapses).Span(PoolColumns.Synapses);
        DelayRing = world.GetTable(state.DelayRing).Span(PoolColumns.DelaySlot);
    }

    /// <summary>Number of cells.</summary>
    public int CellCount => Membrane.Length;

    /// <summary>Membrane potentials.</summary>
    public Span<short> Membrane { get; }
    /// <summary>Thresholds.</summary>
    public Span<short> Threshold { get; }
    /// <summary>Leak rates.</summary>
    public Span<byte> Leak { get; }
    /// <summary>Refractory countdowns.</summary>
    public Span<byte> Refract { get; }
    /// <summary>Flags.</summary>
    public Span<byte> Flags { get; }
    /// <summary>Traces.</summary>
    public Span<sbyte> Trace { get; }
    /// <summary>Spike outputs of the last tick (0/1).</summary>
    public Span<byte> SpikeOut { get; }
    /// <summary>Drained synaptic current.</summary>
    public Span<short> SynapticCurrent { get; }
    /// <summary>Homeostatic rate averages.</summary>
    public Span<ushort> SpikeRate { get; }
    /// <summary>Held input currents.</summary>
    public Span<short> Input { get; }
    /// <summary>CSR row starts.</summary>
    public Span<uint> RowStart { get; }
    /// <summary>Lazy eligibility stamps per row.</summary>
    public Span<ulong> EligibilityStamp { get; }
    /// <summary>Scratch list of this tick's spiking cells.</summary>
    public Span<int> SpikeList { get; }
    /// <summary>All synapses, row after row.</summary>
    public Span<Synapse> Synapses { get; }
    /// <summary>The delay ring, slot-major.</summary>
    public Span<short> DelayRing { get; }

    /// <summary>End (exclusive) of row <paramref name="cell"/> in <see cref="Synapses"/>.</summary>
    public int RowEnd(int cell) => cell + 1 < RowStart.Length ? (int)RowStart[cell + 1] : Synapses.Length;
}
