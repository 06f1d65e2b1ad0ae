using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Network;

/// <summary>A projection's plasticity parameters (network.md, "Projections"); each defaults to the target pool's.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ProjectionConfig : IComponent
{
    /// <inheritdoc />
    public static string StableName => "network.projection.config";

    /// <summary>STDP mark when the target did not spike this tick.</summary>
    public sbyte StdpPositive;
    /// <summary>STDP mark when the target spiked this tick.</summary>
    public sbyte StdpNegative;
    /// <summary>Eligibility decay factor, in 1/256 per tick.</summary>
    public byte TraceDecay;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding3;
#pragma warning restore CS0169
    /// <summary>Most synapses one source row may hold (caps synaptogenesis).</summary>
    public ushort MaxSynapsesPerNeuron;
    /// <summary>Largest delay of the projection's synapses (at most the target pool's ring length).</summary>
    public byte MaxDelay;

    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding7;
#pragma warning restore CS0169
}
