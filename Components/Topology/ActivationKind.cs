namespace GrowNet.Ecs.Components.Topology;

/// <summary>
/// The activation function σ of a topology block (topology.md, "Parameters"). Every choice maps
/// into [−1, 1] so the invariant |x| ≤ 1 holds for any input: ReLU is capped at 1 and the
/// identity is clipped to [−1, 1].
/// </summary>
public enum ActivationKind : byte
{
    /// <summary>Hyperbolic tangent (the default).</summary>
    Tanh,

    /// <summary>Logistic sigmoid 1 / (1 + e^−z), in (0, 1).</summary>
    Sigmoid,

    /// <summary>Rectifier capped at 1: min(max(z, 0), 1).</summary>
    Relu,

    /// <summary>Identity clipped to [−1, 1].</summary>
    Identity,
}
