namespace GrowNet.Ecs.Distributed.Network;

/// <summary>What one exported item of a rank's per-tick message carries.</summary>
public enum ExportKind
{
    /// <summary>A pool's spikes of this tick: a 4-byte count, then each spiking cell as a u16 (2 bytes per spike).</summary>
    Spikes,
    /// <summary>A pool's traces after this tick: one i8 per cell.</summary>
    Trace,
    /// <summary>A source's <c>value</c> of this tick: one f64 per element.</summary>
    SourceValue,
    /// <summary>
    /// A range of any other port (a region's frame, a topology block's activation, a graph block's
    /// prediction, …) as it is at the start of the next tick, before links read: one f64 per element.
    /// </summary>
    Port,
}
