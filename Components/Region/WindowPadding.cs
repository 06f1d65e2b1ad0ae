namespace GrowNet.Ecs.Components.Region;

/// <summary>Window placement of windowed wiring.</summary>
public enum WindowPadding : byte
{
    /// <summary>Windows lie entirely inside the image.</summary>
    Valid,
    /// <summary>Windows may hang over the border by (k − 1) / 2 on each side and are clipped.</summary>
    Same,
}
