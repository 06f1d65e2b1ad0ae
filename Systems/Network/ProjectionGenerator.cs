namespace GrowNet.Ecs.Systems.Network;

/// <summary>How a projection's synapses are made (network.md, "Projections": Build).</summary>
public enum ProjectionGenerator
{
    /// <summary>No synapses (synaptogenesis may add some).</summary>
    Empty,
    /// <summary>Each (source, target) pair independently with probability <c>density</c>.</summary>
    Bernoulli,
    /// <summary>Exactly <c>degree</c> distinct sources per target cell.</summary>
    FixedInDegree,
    /// <summary>Exactly <c>degree</c> distinct targets per source cell.</summary>
    FixedOutDegree,
    /// <summary>The synapses listed in <c>Synapses</c> (for tests).</summary>
    Explicit,
}
