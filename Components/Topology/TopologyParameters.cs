using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Components.Topology;

/// <summary>
/// Parameters of a dynamic-topology block (topology.md, "Parameters"); a component of the block
/// entity, so it is blittable. Values are float32 where the tick computes with them.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct TopologyParameters : IComponent
{
    /// <inheritdoc />
    public static string StableName => "topology.parameters";

    /// <summary>Leak λ in [0, 1]: <c>x ← (1 − λ) x + λ σ(z)</c>. Default 0.3.</summary>
    public float LeakRate;
    /// <summary>Learning rate η ≥ 0. Default 0.05.</summary>
    public float LearningRate;
    /// <summary>θ_survival ≥ 0: an edge with |W| below it is pruned. Default 0.005.</summary>
    public float SurvivalThreshold;
    /// <summary>θ_sprout ≥ 0: a non-edge with potentiality above it is a sprouting candidate. Default 0.1.</summary>
    public float SproutThreshold;
    /// <summary>Target density ρmax in [0, 1]; the edge budget is <c>E_max = ceil(ρmax · N²)</c>. Default 0.5.</summary>
    public double MaxDensity;
    /// <summary>The activation σ. Default <see cref="ActivationKind.Tanh"/>.</summary>
    public ActivationKind Activation;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding25;
    private short padding26;
#pragma warning restore CS0169
    /// <summary>Most sprouting candidates considered per tick; 0 means N (the vertex count, tracking growth). Default 0.</summary>
    public int MaxSproutsPerTick;
    /// <summary>How the representation is chosen. Default <see cref="RepresentationPolicy.Auto"/>.</summary>
    public RepresentationPolicy Representation;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding33;
    private short padding34;
#pragma warning restore CS0169
    /// <summary>Least number of ticks between two automatic representation switches. Default 32.</summary>
    public int SwitchCooldownTicks;

    /// <summary>The defaults of topology.md.</summary>
    public static TopologyParameters Default => new()
    {
        LeakRate = 0.3f,
        LearningRate = 0.05f,
        SurvivalThreshold = 0.005f,
        SproutThreshold = 0.1f,
        MaxDensity = 0.5,
        Activation = ActivationKind.Tanh,
        MaxSproutsPerTick = 0,
        Representation = RepresentationPolicy.Auto,
        SwitchCooldownTicks = 32,
    };

    /// <summary>Throws when a field is outside its range, naming the field (<c>parameters.leakRate</c>, …).</summary>
    /// <exception cref="ModelConfigException">A value is NaN, infinite or out of range.</exception>
    public readonly void Validate()
    {
        if (!(LeakRate >= 0f && LeakRate <= 1f))
            Fail("leakRate", LeakRate, "LeakRate (λ) must be a number in [0, 1].");
        if (!(float.IsFinite(LearningRate) && LearningRate >= 0f))
            Fail("learningRate", LearningRate, "LearningRate (η) must be a finite number ≥ 0.");
        if (!(float.IsFinite(SurvivalThreshold) && SurvivalThreshold >= 0f))
            Fail("survivalThreshold", SurvivalThreshold, "SurvivalThreshold (θ_survival) must be a finite number ≥ 0.");
        if (!(float.IsFinite(SproutThreshold) && SproutThreshold >= 0f))
            Fail("sproutThreshold", SproutThreshold, "SproutThreshold (θ_sprout) must be a finite number ≥ 0.");
        if (!(MaxDensity >= 0.0 && MaxDensity <= 1.0))
            Fail("maxDensity", MaxDensity, "MaxDensity (ρmax) must be a number in [0, 1].");
        if (!Enum.IsDefined(Activation))
            Fail("activation", Activation, "Activation must be Tanh, Sigmoid, Relu or Identity.");
        if (MaxSproutsPerTick < 0)
            Fail("maxSproutsPerTick", MaxSproutsPerTick, "MaxSproutsPerTick must be ≥ 0 (0 means N).");
        if (!Enum.IsDefined(Representation))
            Fail("representation", Representation, "Representation must be Auto, Dense or Sparse.");
        if (SwitchCooldownTicks < 0)
            Fail("switchCooldownTicks", SwitchCooldownTicks, "SwitchCooldownTicks must be ≥ 0.");
    }

    private static void Fail(string field, object value, string rule)
        => throw new ModelConfigException("parameters." + field, $"is {value}; {rule}");

    /// <summary>The edge budget <c>E_max = ceil(ρmax · N²)</c> of a block of <paramref name="vertices"/> vertices.</summary>
    public readonly int EdgeBudget(int vertices)
    {
        // Double, not float: ρmax = 0.1 must give E_max = 10 for N = 10, which 0.1f would not.
        double budget = Math.Ceiling(MaxDensity * vertices * (double)vertices);
        return (int)Math.Min(budget, int.MaxValue);
    }

    /// <summary>The sprouting candidate limit K for a block of <paramref name="vertices"/> vertices.</summary>
    public readonly int SproutLimit(int vertices) => MaxSproutsPerTick == 0 ? vertices : MaxSproutsPerTick;
}
