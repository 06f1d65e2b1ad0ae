using GrowNet.Ecs.Systems.Graph;

namespace GrowNet.Ecs.Cli.Demos.Graph;

/// <summary>What a graph demo measured: its NRMSE figures (NaN where not measured) and one line per predictor.</summary>
/// <param name="Grown">One-step NRMSE of the growing block over the evaluation window.</param>
/// <param name="Frozen">The same block with growth off and as many random learnable taps placed at the start.</param>
/// <param name="Persistence">ŷ = u(t − 1).</param>
/// <param name="LeastSquares">Offline least squares on the grown block's final taps over the same window.</param>
/// <param name="Metrics">The grown block's metrics at the end.</param>
/// <param name="Structure">What each predictor grew, one line each.</param>
public sealed record GraphDemoResult(double Grown, double Frozen, double Persistence, double LeastSquares, GraphMetrics Metrics,
    IReadOnlyList<string> Structure);
