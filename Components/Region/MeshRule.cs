using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Components.Region;

/// <summary>A recorded ConnectLayers call, replayed to autowire grown neurons (grownet.md "Growth").</summary>
[StructLayout(LayoutKind.Sequential)]
public struct MeshRule
{
    /// <summary>Source layer index.</summary>
    public int Source;
    /// <summary>Destination layer index.</summary>
    public int Destination;
    /// <summary>Connection probability.</summary>
    public double Probability;
    /// <summary>Feedback flag.</summary>
    public bool Feedback;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding17;
    private short padding18;
#pragma warning restore CS0169
    /// <summary>The tract the rule's edges live in.</summary>
    public int Tract;
}
