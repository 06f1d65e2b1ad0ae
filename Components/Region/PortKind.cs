namespace GrowNet.Ecs.Components.Region;

/// <summary>What a port carries.</summary>
public enum PortKind : byte
{
    /// <summary>A scalar input delivered to every neuron of the bound layers.</summary>
    Input,
    /// <summary>An image frame delivered to the bound InputLayer2D layers.</summary>
    Input2D,
    /// <summary>An output binding (read by the host).</summary>
    Output,
}
