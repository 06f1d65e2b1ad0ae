namespace GrowNet.Ecs.Components.Region;

/// <summary>Pulses written to a layer bus during a phase, applied at the next phase boundary.</summary>
[Flags]
public enum BusPulses : byte
{
    /// <summary>No pulse pending.</summary>
    None = 0,
    /// <summary>An inhibitory neuron fired: inhibition becomes the configured pulse value.</summary>
    Inhibition = 1,
    /// <summary>A modulatory neuron fired: modulation becomes the configured pulse value.</summary>
    Modulation = 2,
}
