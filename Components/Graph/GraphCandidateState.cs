namespace GrowNet.Ecs.Components.Graph;

/// <summary>Heat state of a row of a predictor's candidate table (graph.md, "Heat states").</summary>
public enum GraphCandidateState : byte
{
    /// <summary>An empty row, or a candidate that went back to Cold.</summary>
    Cold,
    /// <summary>On the shortlist: its prospective gradient is being summed (first half of the cycle).</summary>
    Shortlisted,
    /// <summary>Warm: its shadow weight is being probed (second half of the cycle).</summary>
    Warm,
}
