namespace GrowNet.Ecs.Workloads.Network;

/// <summary>How <see cref="TransmissionPair"/> carries one pool's synapses.</summary>
public enum TransmissionShape
{
    /// <summary>The pool's own synapses (the pool kernel's propagation).</summary>
    Intra,

    /// <summary>An empty pool and a projection onto itself holding exactly the same synapses.</summary>
    Projection,
}
