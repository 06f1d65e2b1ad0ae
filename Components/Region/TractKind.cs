namespace GrowNet.Ecs.Components.Region;

/// <summary>How a tract's edges pass events.</summary>
public enum TractKind : byte
{
    /// <summary>Random edges each with a gate weight (ConnectLayers).</summary>
    Gated,
    /// <summary>Fixed windowed edges from an image input (ConnectLayersWindowed, topographic preset).</summary>
    Windowed,
}
