namespace GrowNet.Ecs.Components.Region;

/// <summary>The reference position 2D slot selection measures distances against.</summary>
public enum SpatialAnchor : byte
{
    /// <summary>The first (row, col) the neuron sees (default).</summary>
    First,
    /// <summary>The origin (0, 0).</summary>
    Origin,
}
