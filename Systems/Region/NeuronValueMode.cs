namespace GrowNet.Ecs.Systems.Region;

/// <summary>One-number summaries of a neuron (grownet.md "Neuron", <c>NeuronValue</c>).</summary>
public enum NeuronValueMode
{
    /// <summary>Max over slots of (strength − threshold).</summary>
    Readiness,
    /// <summary>Mean EMA firing rate over slots.</summary>
    FiringRate,
    /// <summary>Sum of |strength| over slots.</summary>
    Memory,
}
