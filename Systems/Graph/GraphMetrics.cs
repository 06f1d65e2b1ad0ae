namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// A block's metrics (graph.md): structure counters, γscale, and each channel's MSE and NRMSE over
/// the last completed cycle. A snapshot; taking one allocates, ticking does not.
/// </summary>
public sealed record GraphMetrics
{
    /// <summary>Ticks completed.</summary>
    public required long Tick { get; init; }
    /// <summary>Cycles completed.</summary>
    public required long CompletedCycles { get; init; }
    /// <summary>Nodes N.</summary>
    public required int Nodes { get; init; }
    /// <summary>Predictor nodes.</summary>
    public required int Predictors { get; init; }
    /// <summary>Cstruct: learnable taps.</summary>
    public required int Cstruct { get; init; }
    /// <summary>Cactive: learnable taps with |w| &gt; ActiveEpsilon.</summary>
    public required int Cactive { get; init; }
    /// <summary>Warm candidates.</summary>
    public required int WarmCount { get; init; }
    /// <summary>Warm → Hot commits since creation.</summary>
    public required long Commits { get; init; }
    /// <summary>Commits that displaced a tap under the budget.</summary>
    public required long Displacements { get; init; }
    /// <summary>Taps pruned since creation.</summary>
    public required long Prunes { get; init; }
    /// <summary>Clone-and-splits since creation.</summary>
    public required long Splits { get; init; }
    /// <summary>γscale = 1/γ of the last tick.</summary>
    public required float GammaScale { get; init; }
    /// <summary>Per channel: mean e² over the last completed cycle.</summary>
    public required IReadOnlyList<double> CycleMse { get; init; }
    /// <summary>Per channel: sqrt(mean e²) / std u over the last completed cycle.</summary>
    public required IReadOnlyList<double> CycleNrmse { get; init; }
}
