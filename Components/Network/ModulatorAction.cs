namespace GrowNet.Ecs.Components.Network;

/// <summary>The model event a modulator triggers (network.md, "Modulators").</summary>
public enum ModulatorAction : byte
{
    /// <summary>Pool or projection <c>ApplyModulation(da, cortisol)</c>: level 0 is dopamine, level 1 cortisol.</summary>
    Modulate,
    /// <summary>Pool or projection <c>Synaptogenesis(ach)</c>: level 0 is acetylcholine.</summary>
    Synaptogenesis,
    /// <summary>Pool or projection <c>PruneDead()</c> (no levels).</summary>
    PruneDead,
    /// <summary>
    /// Level 0 written (broadcast, in double, then converted) to an input port: a topology block's
    /// <c>reward</c>, a region's bus <c>inhibition</c>/<c>modulation</c> pulse.
    /// </summary>
    WritePort,
}
