using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The hot scalars of one neuron held in locals while it works through its inputs of a phase (a
/// neuron of a 512-neuron layer fed by a 64×64 image handles ~4000 inputs per tick), written back
/// once at the end. Cold fields (kind, slot limit, 2D anchor, last growth step, range capacity)
/// stay in their columns and are read by row on the rare paths that need them.
/// </summary>
internal struct NeuronLocal
{
    public NeuronFlags Flags;
    public double Anchor;
    public double LastInput;
    public long LastSlotKey;
    public int Streak;
    public int SlotStart;
    public int SlotCount;
    /// <summary>Canonical position of this neuron's first growth request this phase (long.MaxValue: none).</summary>
    public long GrowthOrdinal;

    /// <summary>Loads row <paramref name="row"/> (&lt; the table's row count, so inside every column array).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NeuronLocal Load(in NeuronColumns a, int row) => new()
    {
        Flags = At(a.Flags, row),
        Anchor = At(a.Anchor, row),
        LastInput = At(a.LastInput, row),
        LastSlotKey = At(a.LastSlotKey, row),
        Streak = At(a.FallbackStreak, row),
        SlotStart = At(a.SlotStart, row),
        SlotCount = At(a.SlotCount, row),
        GrowthOrdinal = long.MaxValue,
    };

    /// <summary>Writes the hot fields back to row <paramref name="row"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Store(in NeuronColumns a, int row)
    {
        At(a.Flags, row) = Flags;
        At(a.Anchor, row) = Anchor;
        At(a.LastInput, row) = LastInput;
        At(a.LastSlotKey, row) = LastSlotKey;
        At(a.FallbackStreak, row) = Streak;
        At(a.SlotStart, row) = SlotStart;
        At(a.SlotCount, row) = SlotCount;
    }

    /// <summary>The limit in force for the neuron at <paramref name="row"/>: its override, else the layer's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int Limit(in NeuronColumns a, int row, int layerLimit)
        => (Flags & NeuronFlags.HasSlotLimit) != 0 ? At(a.SlotLimit, row) : layerLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T At<T>(T[] array, int row) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), row);
}
