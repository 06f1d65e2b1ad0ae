namespace GrowNet.Ecs.Components.Network;

/// <summary>How a link maps its source range onto its target range (network.md, "Links").</summary>
public enum LinkMap : byte
{
    /// <summary>Element i of the source range drives element i of the target range (equal lengths).</summary>
    Elementwise,
    /// <summary>The source range is reduced to one value, which is broadcast to the whole target range.</summary>
    PoolBroadcast,
}
