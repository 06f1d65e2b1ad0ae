namespace GrowNet.Ecs.Components.Region;

/// <summary>How a frame is staged on an InputLayer2D for the coming tick.</summary>
public enum FrameStaging : byte
{
    /// <summary>No frame is staged.</summary>
    None,
    /// <summary>
    /// The layer has no outgoing edges, so a frame's whole effect on the tick is its fire count:
    /// only that count is staged (the pixels are not copied).
    /// </summary>
    FireCountOnly,
    /// <summary>The pixels are staged in the layer's pixel table.</summary>
    Pixels,
}
