using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Graph;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Systems.Region;
using GrowNet.Ecs.Systems.Topology;

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
        // The network systems of one world share their ordered object lists.
        var network = new NetworkRuntime();
        // 1. Input: network — links and modulator terms read last tick's outputs, written ports reset to 0,
        //    then sources and links write in creation order (before any population reads its inputs).
        scheduler.Add((int)TickPhase.Input, new NetworkInputSystem(network));
        // 1. Input: pool currents are held in the pool's input column (set by the host), nothing to stage.
        // 1. Input: region phase A — staged ports feed their bound layers; the fused OnInput
        //    (select slot, reinforce, threshold, fire) runs here, fires queue tract events.
        scheduler.Add((int)TickPhase.Input, new RegionEntrySystem());
        // 2. Propagate: pool drain + LIF integration + spike propagation with STDP marks (one fused kernel per pool).
        scheduler.Add((int)TickPhase.Propagate, new PoolSpikeSystem());
        // 2. Propagate: projections in creation order, after every pool drained, integrated and propagated its own synapses.
        scheduler.Add((int)TickPhase.Propagate, new ProjectionSystem(network));
        // 2. Propagate: topology dynamics z = W·x + s∘u + b, x ← (1 − λ) x + λ σ(z).
        scheduler.Add((int)TickPhase.Propagate, new TopologyDynamicsSystem());
        // 2. Propagate: graph gather — every node's next and update gate from the rings at the start of the tick.
        scheduler.Add((int)TickPhase.Propagate, new GraphGatherSystem());
        // 2. Propagate: region phase B — every tract delivers the events queued before the flush (one hop per tick).
        scheduler.Add((int)TickPhase.Propagate, new RegionFlushSystem());
        // 3. Reinforce / 4. Threshold: region slot and gate reinforcement and T0/T2 run fused inside OnInput (phases A and B).
        // 4. Threshold: pool homeostasis every 100 pool ticks.
        scheduler.Add((int)TickPhase.Threshold, new PoolHomeostasisSystem());
        // 5. STDP: pool eligibility decay is exact and lazy (see PoolEligibility); marks ran in Propagate.
        // 6. Modulation: modulators in creation order (pool/projection plasticity, port pulses such as topology reward);
        //    otherwise pool three-factor change is a host call (NeuronPool.ApplyModulation) between ticks.
        scheduler.Add((int)TickPhase.Modulation, new ModulatorSystem(network));
        // 6. Modulation: topology Hebbian–Oja (mask, clip) fused with the prune decision of weak edges (step 3).
        scheduler.Add((int)TickPhase.Modulation, new TopologyPlasticitySystem());
        // 6. Modulation: graph error ŷ/e, NLMS (+ prox-L1), shortlist gradients / shadow probes, then the ring commit,
        //    the Δ-log and the tick's statistics (the structure below runs after the tick).
        scheduler.Add((int)TickPhase.Modulation, new GraphErrorSystem());
        scheduler.Add((int)TickPhase.Modulation, new GraphLearnSystem());
        scheduler.Add((int)TickPhase.Modulation, new GraphProbeSystem());
        scheduler.Add((int)TickPhase.Modulation, new GraphRingCommitSystem());
        // 7. Growth / 8. Prune: pool synaptogenesis and PruneDead are host calls between ticks.
        // 7. Growth: region neuron growth (≤ 1 per layer per tick) with autowiring, spillover layers, growth policy.
        scheduler.Add((int)TickPhase.Growth, new RegionGrowthSystem());
        // 7. Growth: topology sprouting (free capacity, then the duel) on the pruned skeleton, recorded as changes.
        scheduler.Add((int)TickPhase.Growth, new TopologySproutSystem());
        // 7. Growth: graph mid-cycle Warm selection; cycle-end Warm → Hot commits (with budget displacement).
        scheduler.Add((int)TickPhase.Growth, new GraphWarmSelectionSystem());
        scheduler.Add((int)TickPhase.Growth, new GraphTapCommitSystem());
        // 8. Prune: topology duel removals + sprout insertion + sparse compaction, then the dense/sparse crossover.
        scheduler.Add((int)TickPhase.Prune, new TopologyPruneSystem());
        scheduler.Add((int)TickPhase.Prune, new TopologyRepresentationSystem());
        // 8. Prune: optional scheduled region pruning (hosts may call Region.Prune between ticks).
        scheduler.Add((int)TickPhase.Prune, new RegionPruneSystem());
        // 8. Prune: graph cycle end — cool and prune, clone-and-split, then close the cycle and draw the next shortlists.
        scheduler.Add((int)TickPhase.Prune, new GraphPruneSystem());
        scheduler.Add((int)TickPhase.Prune, new GraphSplitSystem());
        scheduler.Add((int)TickPhase.Prune, new GraphCycleSystem());
        // 9. Decay: pool tick counters.
        scheduler.Add((int)TickPhase.Decay, new PoolClockSystem());
        // 9. Decay: topology tick and cooldown counters.
        scheduler.Add((int)TickPhase.Decay, new TopologyClockSystem());
        // 9. Decay: region and layer buses decay, then the region tick's metrics are completed.
        scheduler.Add((int)TickPhase.Decay, new RegionBusDecaySystem());
        scheduler.Add((int)TickPhase.Decay, new RegionMetricsSystem());
    }
}
