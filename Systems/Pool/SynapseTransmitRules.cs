using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// What one tick's transmission of a synapse store needs besides its arrays: the store's tick
/// count (eligibility stamps), whether its rows are in ascending target order, the receiving
/// ring's write head (already advanced by this tick's drain) and slot count, and the store's
/// eligibility rules (trace decay and the two STDP marks).
/// </summary>
internal readonly record struct SynapseTransmitRules(
    ulong Tick,
    bool RowsSorted,
    int WriteHead,
    int MaxDelay,
    byte TraceDecay,
    int StdpPositive,
    int StdpNegative)
{
    /// <summary>A pool's own rules this tick (after the drain advanced its write head).</summary>
    public static SynapseTransmitRules OfPool(in PoolConfig config, in PoolState state)
        => new(state.TickCount, state.RowsSorted != 0, state.WriteHead, config.MaxDelay, config.TraceDecay, config.StdpPositive, config.StdpNegative);
}
