using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>A readable copy of one slot neuron's scalars.</summary>
/// <param name="Kind">E, I or M.</param>
/// <param name="SlotCount">Slots the neuron holds.</param>
/// <param name="SlotLimit">Effective slot limit (≤ 0: unlimited).</param>
/// <param name="LastInput">Value of the last input.</param>
/// <param name="FiredLast">Whether the last input made it fire.</param>
/// <param name="LastSlotUsedFallback">Whether the last selection fell back.</param>
/// <param name="LastSlotKey">Key of the last selected slot (see <see cref="SlotKey"/>); null before the first input.</param>
/// <param name="FallbackStreak">Consecutive at-capacity fallbacks.</param>
public readonly record struct NeuronSnapshot(
    NeuronKind Kind,
    int SlotCount,
    int SlotLimit,
    double LastInput,
    bool FiredLast,
    bool LastSlotUsedFallback,
    long? LastSlotKey,
    int FallbackStreak);
