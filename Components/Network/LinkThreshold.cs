using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Network;

/// <summary>
/// The optional threshold step of a link (docs/network.md, "Decisions where the spec is silent"):
/// each mapped value becomes 1 when it is above <see cref="Value"/>, else 0, before the EMA. Only
/// links that have a threshold carry this component, so links without one keep their layout.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct LinkThreshold : IComponent
{
    /// <inheritdoc />
    public static string StableName => "network.link.threshold";

    /// <summary>The value a mapped element must exceed to count as 1.</summary>
    public double Value;
}
