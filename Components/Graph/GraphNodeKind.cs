namespace GrowNet.Ecs.Components.Graph;

/// <summary>
/// The kind of a graph node. At construction the kinds appear in this row order; clones of
/// predictors are appended, so the predictors always occupy the last rows of the node table.
/// </summary>
public enum GraphNodeKind : byte
{
    /// <summary>One per channel: <c>next = u_c(t)</c>.</summary>
    Input,
    /// <summary>Level-0 reservoir node: <c>next = act(bias + Σ w · lag)</c> over fixed taps.</summary>
    Hidden,
    /// <summary>A module of two children (levels ≥ 1): <c>next = (a + b) / 2</c>.</summary>
    Summary,
    /// <summary>Linear learner of one channel: <c>next = bias + Σ w · lag</c> over learnable taps.</summary>
    Predictor,
}
