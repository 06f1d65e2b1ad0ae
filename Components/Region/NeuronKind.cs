namespace GrowNet.Ecs.Components.Region;

/// <summary>The kind of a slot neuron; a layer's rows are created E, then I, then M.</summary>
public enum NeuronKind : byte
{
    /// <summary>Excitatory: a fire is emitted on the neuron's outgoing tract edges.</summary>
    Excitatory,
    /// <summary>Inhibitory: a fire pulses the layer bus inhibition.</summary>
    Inhibitory,
    /// <summary>Modulatory: a fire pulses the layer bus modulation.</summary>
    Modulatory,
}
