using System.Globalization;
using GrowNet.Ecs.Cli.Demos.Graph;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// <c>grownet demo two-channel</c>: graph.md's two-channel scenario (a sine and a square wave of
/// different periods), printing each channel's NRMSE against persistence and what each predictor grew.
/// </summary>
public sealed class TwoChannelDemoCommand : IDemo
{
    /// <inheritdoc />
    public string Name => "two-channel";

    /// <inheritdoc />
    public string Description =>
        $"Graph modules on two channels (sine period 24, square period 48), {GraphTwoChannelDemo.Ticks} ticks; prints what each predictor grew.";

    /// <inheritdoc />
    public int Run(CliContext context, string? savePath, string? timingsCsvPath = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var saveTarget = WorldFiles.CheckSavePath(savePath);
        TimingsCsv.CheckPath(timingsCsvPath);
        var result = ProgressDisplay.Run(context, "Two-channel ticks", GraphTwoChannelDemo.Ticks,
            report => GraphTwoChannelDemo.Run(progress: t => report(t), atEnd: world =>
            {
                TimingsCsv.WriteIfAsked(world, timingsCsvPath, context);
                WorldFiles.SaveIfAsked(world, saveTarget, context);
            }));
        var output = context.Output;
        output.WriteLine($"=== Graph modules: two channels, {GraphTwoChannelDemo.Ticks} ticks, NRMSE over the last {GraphTwoChannelDemo.Window} ===");
        for (int c = 0; c < 2; c++)
        {
            output.WriteLine($"channel {c} ({(c == 0 ? "sine" : "square")}): nrmse grown={F(result.Grown[c])} persistence={F(result.Persistence[c])} " +
                             $"taps on the other channel's input={result.CrossTaps[c]}");
        }

        output.WriteLine($"grown: predictors={result.Metrics.Predictors} cstruct={result.Metrics.Cstruct} commits={result.Metrics.Commits} " +
                         $"prunes={result.Metrics.Prunes} splits={result.Metrics.Splits}");
        foreach (string line in result.Structure)
            output.WriteLine("  " + line);
        return ExitCodes.Success;
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
