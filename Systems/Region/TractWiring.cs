namespace GrowNet.Ecs.Systems.Region;

/// <summary>How a <see cref="TractDefinition"/> is wired (the builder call it stands for).</summary>
public enum TractWiring : byte
{
    /// <summary>Random gated edges (<see cref="Region.ConnectLayers"/>).</summary>
    Gated,
    /// <summary>Fixed windowed edges from an InputLayer2D (<see cref="Region.ConnectLayersWindowed"/>).</summary>
    Windowed,
    /// <summary>The topographic preset into an OutputLayer2D (<see cref="Region.ConnectLayersTopographic"/>).</summary>
    Topographic,
}
