namespace GrowNet.Ecs.Components.Graph;

/// <summary>What happened to a tap or predictor in the last cycle-end structural step (the block's event rows).</summary>
public enum GraphEventKind : byte
{
    /// <summary>A Warm candidate's probe result: weight δ, value Gain_R.</summary>
    Probed,
    /// <summary>A candidate became a tap: weight δ (the warm start), value Gain_R.</summary>
    Committed,
    /// <summary>A candidate met its predictor at MaxInDegree (the predictor is blocked): value Gain_R.</summary>
    Blocked,
    /// <summary>A candidate lost the displacement test under a full budget: value Gain_R.</summary>
    Skipped,
    /// <summary>A tap was removed to make room under the budget: weight w, value its score (|w| · rms v)².</summary>
    Displaced,
    /// <summary>A tap was pruned (|w| &lt; PruneEpsilon): weight w.</summary>
    Pruned,
    /// <summary>A predictor split: Source is the clone's index.</summary>
    Split,
}
