namespace GrowNet.Ecs.Components.Region;

/// <summary>The reference value scalar slot selection measures percent change against.</summary>
public enum SlotAnchor : byte
{
    /// <summary>The first value the neuron ever sees, never moved (default).</summary>
    First,
    /// <summary>The neuron's previous input (the tutorial's behaviour).</summary>
    Last,
}
