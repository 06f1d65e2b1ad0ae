using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// One named port binding of a <see cref="RegionDefinition"/>: a scalar input bound to slot
/// layers, an image input bound to InputLayer2D layers of one shape, or an output.
/// </summary>
/// <param name="Name">The port name (input and output names are separate namespaces).</param>
/// <param name="Kind">What the port carries.</param>
/// <param name="Layers">The bound layer indices, in binding order (the order inputs are fed).</param>
public sealed record PortBindingDefinition(string Name, PortKind Kind, IReadOnlyList<int> Layers)
{
    /// <summary>A scalar input bound to slot layers.</summary>
    public static PortBindingDefinition Input(string name, params int[] layers) => new(name, PortKind.Input, layers);

    /// <summary>An image input bound to InputLayer2D layers of one shape.</summary>
    public static PortBindingDefinition Input2D(string name, params int[] layers) => new(name, PortKind.Input2D, layers);

    /// <summary>An output bound to layers.</summary>
    public static PortBindingDefinition Output(string name, params int[] layers) => new(name, PortKind.Output, layers);
}
