namespace GrowNet.Ecs.Components.Region;

/// <summary>What a layer's rows are.</summary>
public enum LayerKind : byte
{
    /// <summary>Slot neurons (E, I, M).</summary>
    Standard,
    /// <summary>Pixel neurons of an image input: <c>e = gain * pixel</c>, fire iff <c>|e| ≥ epsilonFire</c>.</summary>
    Input2D,
    /// <summary>Sink pixels of an image output frame.</summary>
    Output2D,
}
