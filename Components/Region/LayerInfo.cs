using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Region;

/// <summary>What a layer is; a component of every layer entity, fixed at creation except the neuron limit.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct LayerInfo : IComponent
{
    /// <inheritdoc />
    public static string StableName => "region.layer";

    /// <summary>The region entity.</summary>
    public Entity Region;
    /// <summary>The layer's index in its region.</summary>
    public int Index;
    /// <summary>Slot neurons, image input or image output.</summary>
    public LayerKind Kind;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding13;
    private short padding14;
#pragma warning restore CS0169
    /// <summary>Excitatory neurons at creation.</summary>
    public int Excitatory;
    /// <summary>Inhibitory neurons at creation.</summary>
    public int Inhibitory;
    /// <summary>Modulatory neurons at creation.</summary>
    public int Modulatory;
    /// <summary>Image height (2D layers; 0 otherwise).</summary>
    public int Height;
    /// <summary>Image width (2D layers; 0 otherwise).</summary>
    public int Width;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private int padding36;
#pragma warning restore CS0169
    /// <summary>InputLayer2D gain.</summary>
    public double Gain;
    /// <summary>InputLayer2D fire threshold on <c>|gain * pixel|</c>.</summary>
    public double EpsilonFire;
    /// <summary>OutputLayer2D smoothing.</summary>
    public double Smoothing;
    /// <summary>Most neurons the layer may hold; −1 = none.</summary>
    public int NeuronLimit;

    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private int padding68;
#pragma warning restore CS0169
}
