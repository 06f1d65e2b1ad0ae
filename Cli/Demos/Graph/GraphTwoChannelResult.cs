using GrowNet.Ecs.Systems.Graph;

namespace GrowNet.Ecs.Cli.Demos.Graph;

/// <summary>What the two-channel demo measured, per channel, and what each predictor grew.</summary>
/// <param name="Grown">One-step NRMSE of each channel over the last window.</param>
/// <param name="Persistence">NRMSE of ŷ = u(t − 1) per channel over the same window.</param>
/// <param name="CrossTaps">Per channel: taps its predictors hold on the other channel's Input node.</param>
/// <param name="Metrics">The block's metrics at the end.</param>
/// <param name="Structure">What each predictor grew, one line each.</param>
public sealed record GraphTwoChannelResult(double[] Grown, double[] Persistence, int[] CrossTaps, GraphMetrics Metrics, IReadOnlyList<string> Structure);
