using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>The rows <see cref="SynapseEventKernel"/> walks this tick: the spike list and the pinned CSR store.</summary>
internal readonly unsafe struct SpikingRows
{
    public SpikingRows(int* spikeList, int count, uint* rowStart, ulong* stamps, Synapse* synapses, int synapseCount,
        int cellCount, ulong tick, sbyte* decayTable, bool rowsSorted, int* rowCuts, int workers)
    {
        RowCuts = rowCuts;
        Workers = workers;
        SpikeList = spikeList;
        Count = count;
        RowStart = rowStart;
        Stamps = stamps;
        Synapses = synapses;
        SynapseCount = synapseCount;
        CellCount = cellCount;
        Tick = tick;
        DecayTable = decayTable;
        RowsSorted = rowsSorted;
    }

    /// <summary>Spiking cells in ascending order.</summary>
    public int* SpikeList { get; }

    /// <summary>Number of spiking cells.</summary>
    public int Count { get; }

    /// <summary>CSR row starts (one per cell).</summary>
    public uint* RowStart { get; }

    /// <summary>Per-row eligibility stamps (the tick the row's stored values are current for).</summary>
    public ulong* Stamps { get; }

    /// <summary>The synapse store.</summary>
    public Synapse* Synapses { get; }

    /// <summary>Number of synapses (end of the last row).</summary>
    public int SynapseCount { get; }

    /// <summary>Number of cells.</summary>
    public int CellCount { get; }

    /// <summary>The pool tick being propagated.</summary>
    public ulong Tick { get; }

    /// <summary><see cref="PoolEligibility.TableFor"/> of the pool's trace decay.</summary>
    public sbyte* DecayTable { get; }

    /// <summary>Whether every row is in strictly ascending target order.</summary>
    public bool RowsSorted { get; }

    /// <summary><see cref="TargetSplit.RowCuts"/> for this thread count (hints, checked before use), or null.</summary>
    public int* RowCuts { get; }

    /// <summary>Number of target ranges (workers) the tick is split into.</summary>
    public int Workers { get; }
}
