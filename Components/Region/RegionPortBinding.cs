using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Region;

/// <summary>
/// A named port of a region (its name is the entity's name in <see cref="World.Names"/>); a
/// component of every port entity. The bound layer indices are rows of <see cref="Bindings"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct RegionPortBinding : IComponent
{
    /// <inheritdoc />
    public static string StableName => "region.port";

    /// <summary>The region entity.</summary>
    public Entity Region;
    /// <summary>Scalar input, image input or output.</summary>
    public PortKind Kind;
    /// <summary>Whether an input is staged for the coming tick.</summary>
    public bool Staged;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private short padding10;
    private int padding12;
#pragma warning restore CS0169
    /// <summary>The staged scalar value.</summary>
    public double StagedValue;
    /// <summary>Bound layer indices in binding order (<see cref="RegionColumns.PortLayer"/>).</summary>
    public TableHandle Bindings;
}
