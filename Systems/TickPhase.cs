namespace GrowNet.Ecs.Systems;

/// <summary>The nine phases of one tick, in order (architecture.md, "The tick: ordered systems").</summary>
public enum TickPhase
{
    /// <summary>Stage external values: ports, frames, pool currents, sensory vectors, reward.</summary>
    Input,
    /// <summary>Deliver events: tract flush, pool delay ring and LIF integration, dense W·x.</summary>
    Propagate,
    /// <summary>Slot and synapse-gate reinforcement.</summary>
    Reinforce,
    /// <summary>Threshold imprint and homeostasis (GrowNet T0/T2, pool thresholds).</summary>
    Threshold,
    /// <summary>Eligibility marks and trace decay.</summary>
    Stdp,
    /// <summary>Three-factor and reward-modulated weight change, bus pulses.</summary>
    Modulation,
    /// <summary>Queued structural growth.</summary>
    Growth,
    /// <summary>Queued pruning.</summary>
    Prune,
    /// <summary>Bus decay, step counters, end-of-tick bookkeeping.</summary>
    Decay,
}
