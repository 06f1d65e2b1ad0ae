namespace GrowNet.Ecs.Components.Network;

/// <summary>How a link or source writes its target port (network.md, "Links": write).</summary>
public enum WriteMode : byte
{
    /// <summary>Replace what is staged in the target range.</summary>
    Set,
    /// <summary>Add to what earlier links and sources staged this tick (in the target's element type, saturating).</summary>
    Add,
}
