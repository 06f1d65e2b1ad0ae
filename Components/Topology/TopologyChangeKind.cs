namespace GrowNet.Ecs.Components.Topology;

/// <summary>What a row of a block's pending-change table asks for.</summary>
public enum TopologyChangeKind : byte
{
    /// <summary>Instantiate the edge with the recorded weight (the potentiality that justified it).</summary>
    Sprout,

    /// <summary>Remove the edge (a duel victim).</summary>
    Remove,
}
