using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Serialization.PoolFiles;

/// <summary>
/// Everything a neuropool 0.1 <c>.pool</c> file carries, as plain arrays: the bridge between the
/// file bytes (<see cref="PoolFileCodec"/>) and a pool in a world. Cells are indexed 0..N−1,
/// excitatory cells first (Dale split). The delay ring, synaptic currents and spike-rate
/// averages are not part of the file; a loaded pool starts them at zero.
/// </summary>
/// <remarks>
/// A plain mutable holder: it does not check itself. <see cref="PoolFileCodec.Write"/> checks
/// that the arrays fit together before writing anything, and <see cref="PoolFileCodec.Read(ReadOnlySpan{byte})"/>
/// only returns images that pass the same checks.
/// </remarks>
public sealed class PoolFileImage
{
    /// <summary>Pool name (at most 65 535 bytes once encoded as UTF-8).</summary>
    public string Name { get; set; } = "";

    /// <summary>Number of cells N, 1..65 536; every per-cell array has this length.</summary>
    public int CellCount { get; set; }

    /// <summary>Number of excitatory cells (rows 0..ExcitatoryCount−1).</summary>
    public uint ExcitatoryCount { get; set; }

    /// <summary>Number of inhibitory cells (the remaining rows); ExcitatoryCount + InhibitoryCount = N.</summary>
    public uint InhibitoryCount { get; set; }

    /// <summary>Ticks the pool has run.</summary>
    public ulong TickCount { get; set; }

    /// <summary>The pool's parameters.</summary>
    public PoolConfig Config { get; set; }

    /// <summary>Membrane potential per cell (Q8.8), length N.</summary>
    public short[] Membrane { get; set; } = [];

    /// <summary>Current spike threshold per cell (Q8.8), length N.</summary>
    public short[] Threshold { get; set; } = [];

    /// <summary>Leak per cell, length N.</summary>
    public byte[] Leak { get; set; } = [];

    /// <summary>Remaining refractory ticks per cell, length N.</summary>
    public byte[] Refract { get; set; } = [];

    /// <summary>Cell flags (bit 0 inhibitory, bits 1–2 firing profile), length N.</summary>
    public byte[] Flags { get; set; } = [];

    /// <summary>Spike trace per cell, length N.</summary>
    public sbyte[] Trace { get; set; } = [];

    /// <summary>Whether each cell spiked on the last tick (0 or 1 in files written by neuropool), length N.</summary>
    public byte[] SpikeOut { get; set; } = [];

    /// <summary>
    /// CSR row starts, length N + 1: source cell i owns <c>Synapses[RowPointer[i]..RowPointer[i + 1]]</c>.
    /// Starts at 0, never decreases, ends at <c>Synapses.Length</c>.
    /// </summary>
    public uint[] RowPointer { get; set; } = [];

    /// <summary>All synapses, grouped by source row in generation order.</summary>
    public Synapse[] Synapses { get; set; } = [];
}
