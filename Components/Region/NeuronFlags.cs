namespace GrowNet.Ecs.Components.Region;

/// <summary>The boolean state of a slot neuron, one column of bits.</summary>
[Flags]
public enum NeuronFlags : ushort
{
    /// <summary>Nothing set.</summary>
    None = 0,
    /// <summary>The scalar anchor has been set.</summary>
    HasAnchor = 1 << 0,
    /// <summary>The 2D anchor has been set.</summary>
    HasAnchor2D = 1 << 1,
    /// <summary>The neuron has received at least one input.</summary>
    HaveLastInput = 1 << 2,
    /// <summary>The last input made the neuron fire.</summary>
    FiredLast = 1 << 3,
    /// <summary>The last selection fell back (out of domain, or at capacity without the desired slot).</summary>
    LastSlotUsedFallback = 1 << 4,
    /// <summary>A slot has been selected at least once (the last slot key is valid).</summary>
    HasLastSlot = 1 << 5,
    /// <summary>The next input reuses the last slot once (set by unfreeze).</summary>
    PreferLastSlotOnce = 1 << 6,
    /// <summary>The neuron overrides the layer's slot limit.</summary>
    HasSlotLimit = 1 << 7,
    /// <summary>The neuron has asked for growth at least once (its last growth step is valid).</summary>
    HasGrown = 1 << 8,
}
