using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// One slot's rule state packed in one 32-byte record: the binned kernel copies a neuron's range
/// (at most 16 slots) into these while it runs its inputs, so a slot update is one base
/// register and one cache line instead of five column arrays, addressed by a byte offset.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 1 << SizeShift)]
internal struct SlotState
{
    /// <summary>log2 of the record size in bytes.</summary>
    public const int SizeShift = 5;

    public double Strength;
    public double Threshold;
    public double EmaRate;
    public int Hits;
    public byte Flags;

    /// <summary>Copies <paramref name="count"/> slots from <paramref name="from"/> onward into <paramref name="states"/>.</summary>
    public static void Load(in SlotColumns slots, int from, int count, Span<SlotState> states)
    {
        for (int j = 0; j < count; j++)
        {
            ref var state = ref states[j];
            state.Strength = slots.Strength[from + j];
            state.Threshold = slots.Threshold[from + j];
            state.EmaRate = slots.EmaRate[from + j];
            state.Hits = slots.Hits[from + j];
            state.Flags = slots.Flags[from + j];
        }
    }

    /// <summary>Writes <paramref name="count"/> slots back to the columns from <paramref name="from"/> onward.</summary>
    public static void Store(ReadOnlySpan<SlotState> states, in SlotColumns slots, int from, int count)
    {
        for (int j = 0; j < count; j++)
        {
            var state = states[j];
            slots.Strength[from + j] = state.Strength;
            slots.Threshold[from + j] = state.Threshold;
            slots.EmaRate[from + j] = state.EmaRate;
            slots.Hits[from + j] = state.Hits;
            slots.Flags[from + j] = state.Flags;
        }
    }
}
