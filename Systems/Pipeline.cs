using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Systems;

/// <summary>
/// The whole tick at a glance: every system of every model, in the order it runs. A world made
/// by <see cref="CreateWorld"/> runs exactly this list on each <see cref="World.Step"/>.
/// </summary>
public static class Pipeline
{
    /// <summary>The phase names, in tick order.</summary>
    public static IReadOnlyList<string> PhaseNames { get; } = Enum.GetNames<TickPhase>();

    /// <summary>Creates a world with the full pipeline registered.</summary>
    /// <param name="seed">Root of the world's random streams.</param>
    public static World CreateWorld(ulong seed = 0)
    {
        var world = new World(seed, PhaseNames);
        Register(world.Scheduler);
        return world;
    }

    /// <summary>Registers every system of the tick, in order.</summary>
    public static void Register(Scheduler scheduler)
    {
        // 1. Input: pool currents are held in the pool's input column (set by the host), nothing to stage.
        // 2. Propagate: pool drain + LIF integration + spike propagation with STDP marks (one fused kernel per pool).
        scheduler.Add((int)TickPhase.Propagate, new PoolSpikeSystem());
        // 3. Reinforce: (GrowNet regions, later).
        // 4. Threshold: pool homeostasis every 100 pool ticks.
        scheduler.Add((int)TickPhase.Threshold, new PoolHomeostasisSystem());
        // 5. STDP: pool eligibility decay is exact and lazy (see PoolEligibility); marks ran in Propagate.
        // 6. Modulation: pool three-factor change is a host call (NeuronPool.ApplyModulation) between ticks.
        // 7. Growth / 8. Prune: pool synaptogenesis and PruneDead are host calls between ticks.
        // 9. Decay: pool tick counters.
        scheduler.Add((int)TickPhase.Decay, new PoolClockSystem());
    }
}
