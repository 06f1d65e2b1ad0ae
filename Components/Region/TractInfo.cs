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
    /// <summary>Connection probability (gated tracts).</summary>
    public double Probability;
    /// <summary>
    /// Windowed into a layer other than an OutputLayer2D: every participating source pixel reaches
    /// every destination neuron, stored as one participation flag per source, not as edges.
    /// </summary>
    public bool Broadcast;
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
    /// <summary>Gaussian σ of a topographic tract.</summary>
    public double Sigma;
    /// <summary>Whether each center's incoming topographic weights sum to 1.</summary>
    public bool Normalize;
}
