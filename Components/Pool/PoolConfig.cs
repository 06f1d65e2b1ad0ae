using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Components.Pool;

/// <summary>
/// Parameters of an integer LIF neuron pool (neuropool 0.1 <c>PoolConfig</c>). Membrane values are
/// Q8.8 fixed point: 1 mV = 256. Stored as a component of the pool entity, so it is blittable.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct PoolConfig : IComponent
{
    /// <inheritdoc />
    public static string StableName => "pool.config";

    /// <summary>Resting potential (Q8.8). Default −17920 (−70 mV).</summary>
    public short Resting;
    /// <summary>Initial spike threshold of every cell (Q8.8). Default −14080 (−55 mV).</summary>
    public short SpikeThreshold;
    /// <summary>Membrane value after a spike (Q8.8). Default −16640.</summary>
    public short Reset;
    /// <summary>Ticks a cell ignores input after a spike. Default 2.</summary>
    public byte RefractoryTicks;
    /// <summary>Trace and eligibility decay factor, in 1/256. Default 230.</summary>
    public byte TraceDecay;
    /// <summary>Threshold step of homeostasis (0 disables it). Default 1.</summary>
    public byte HomeostaticRate;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding9;
#pragma warning restore CS0169
    /// <summary>Most synapses one source row may hold. Default 128.</summary>
    public ushort MaxSynapsesPerNeuron;
    /// <summary>STDP mark for a causal (pre before post) pairing, and the trace bump on a spike. Default +20.</summary>
    public sbyte StdpPositive;
    /// <summary>STDP mark for an anti-causal pairing. Default −10.</summary>
    public sbyte StdpNegative;
    /// <summary>Number of delay-ring slots; synapse delays lie in 1..MaxDelay. Default 8.</summary>
    public byte MaxDelay;

    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding15;
#pragma warning restore CS0169

    /// <summary>The neuropool 0.1 defaults.</summary>
    public static PoolConfig Default => new()
    {
        Resting = -17920,
        SpikeThreshold = -14080,
        Reset = -16640,
        RefractoryTicks = 2,
        TraceDecay = 230,
        HomeostaticRate = 1,
        MaxSynapsesPerNeuron = 128,
        StdpPositive = 20,
        StdpNegative = -10,
        MaxDelay = 8,
    };

    /// <summary>Throws when a field makes the pool unusable (MaxDelay 0).</summary>
    /// <exception cref="ModelConfigException">The exception names the field (e.g. <c>config.maxDelay</c>).</exception>
    public readonly void Validate()
    {
        if (MaxDelay == 0)
            throw new ModelConfigException("config.maxDelay", "must be at least 1 (delays lie in 1..maxDelay).");
    }
}
