using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Sizing of the per-neuron slot ranges. A neuron with an effective limit in 1..<see cref="MaxPreallocated"/>
/// gets a range of exactly that many rows up front, so it never outgrows it and layers of such
/// neurons run in parallel. A neuron with no limit (or a larger one) starts with
/// <see cref="DefaultCapacity"/> rows and relocates its range to the end of the table with twice
/// the room when full; a layer holding such a neuron runs serially.
/// </summary>
public static class SlotRanges
{
    /// <summary>Initial rows of a growable range (the default slot limit).</summary>
    public const int DefaultCapacity = 16;

    /// <summary>Largest limit whose range is reserved in full at creation.</summary>
    public const int MaxPreallocated = 64;

    /// <summary>The range rows reserved for a neuron whose effective limit is <paramref name="limit"/>.</summary>
    public static int CapacityFor(int limit) => limit is > 0 and <= MaxPreallocated ? limit : DefaultCapacity;

    /// <summary>
    /// Rows the slot column arrays always hold beyond the table's rows, so the key lookup may load
    /// 16 keys from any range start with vector instructions (lanes past a range's count are masked).
    /// </summary>
    public const int GuardRows = 16;

    /// <summary>Keeps <see cref="GuardRows"/> spare rows of array behind the slot table's last row.</summary>
    internal static void EnsureGuard(World world, TableHandle slots)
        => world.ReserveRows(slots, world.GetTable(slots).Count + GuardRows);

    /// <summary>Whether a neuron with this limit may outgrow a range of <paramref name="capacity"/> rows.</summary>
    public static bool IsGrowable(int limit, int capacity) => limit <= 0 || limit > capacity;

    /// <summary>
    /// Makes every range of a layer big enough for its neuron's effective limit (relocating
    /// ranges whose limit grew) and recounts the growable neurons. Host time or Growth phase only.
    /// </summary>
    internal static void Refit(World world, Entity layer)
    {
        ref var state = ref world.Get<LayerState>(layer);
        var config = world.Get<SlotConfig>(layer);
        var neurons = new NeuronColumns(world.GetTable(state.Neurons));
        int growable = 0;
        for (int row = 0; row < neurons.Count; row++)
        {
            int limit = (neurons.Flags[row] & NeuronFlags.HasSlotLimit) != 0 ? neurons.SlotLimit[row] : config.SlotLimit;
            int wanted = CapacityFor(limit);
            if (limit is > 0 and <= MaxPreallocated && neurons.SlotCapacity[row] < wanted)
            {
                int start = world.AddRows(state.Slots, wanted);
                var slots = world.GetTable(state.Slots);
                slots.MoveRows(neurons.SlotStart[row], start, neurons.SlotCount[row]);
                slots.ClearRows(neurons.SlotStart[row], neurons.SlotCapacity[row]);
                neurons.SlotStart[row] = start;
                neurons.SlotCapacity[row] = wanted;
            }

            if (IsGrowable(limit, neurons.SlotCapacity[row]))
                growable++;
        }

        state.GrowableNeurons = growable;
        EnsureGuard(world, state.Slots);
    }
}
