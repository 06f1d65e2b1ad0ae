using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Region;

/// <summary>What a tract connects and how it was wired; a component of every tract entity.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct TractInfo : IComponent
{
    /// <inheritdoc />
    public static string StableName => "region.tract";

    /// <summary>The region entity.</summary>
    public Entity Region;
    /// <summary>The tract's index in creation order.</summary>
    public int Index;
    /// <summary>Source layer index.</summary>
    public int Source;
    /// <summary>Destination layer index.</summary>
    public int Destination;
    /// <summary>Gated (random, with gates) or windowed (fixed).</summary>
    public TractKind Kind;
    /// <summary>Recorded feedback flag.</summary>
    public bool Feedback;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private short padding22;
#pragma warning restore CS0169
    /// <summary>Connection probability (gated tracts).</summary>
    public double Probability;
    /// <summary>
    /// Windowed into a layer other than an OutputLayer2D: every participating source pixel reaches
    /// every destination neuron, stored as one participation flag per source, not as edges.
    /// </summary>
    public bool Broadcast;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding33;
    private short padding34;
#pragma warning restore CS0169
    /// <summary>Window height.</summary>
    public int KernelHeight;
    /// <summary>Window width.</summary>
    public int KernelWidth;
    /// <summary>Vertical stride.</summary>
    public int StrideHeight;
    /// <summary>Horizontal stride.</summary>
    public int StrideWidth;
    /// <summary>Window placement.</summary>
    public WindowPadding Padding;
    /// <summary>Whether edge weights are the topographic Gaussian.</summary>
    public bool Topographic;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private short padding54;
#pragma warning restore CS0169
    /// <summary>Gaussian σ of a topographic tract.</summary>
    public double Sigma;
    /// <summary>Whether each center's incoming topographic weights sum to 1.</summary>
    public bool Normalize;

    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding65;
    private short padding66;
    private int padding68;
#pragma warning restore CS0169
}
