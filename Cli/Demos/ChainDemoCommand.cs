using System.Globalization;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary><c>grownet demo chain</c>: the cross-model chain of network.md (region frame → pool currents → topology sensory → graph prediction).</summary>
public sealed class ChainDemoCommand : IDemo
{
    /// <inheritdoc />
    public string Name => "chain";

    /// <inheritdoc />
    public string Description => "Cross-model chain: a region's output frame drives a pool, its spike rate a topology block, whose activation a graph block predicts.";

    /// <inheritdoc />
    public int Run(CliContext context, string? savePath, string? timingsCsvPath = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var saveTarget = WorldFiles.CheckSavePath(savePath);
        TimingsCsv.CheckPath(timingsCsvPath);
        var output = context.Output;
        output.WriteLine($"=== Cross-model chain: region 'retina' frame -> pool 'cortex' currents -> topology 'body' sensory -> graph 'predictor', {ChainDemo.DefaultTicks} ticks ===");
        output.WriteLine($"mean |value| of {string.Join(", ", ChainDemo.Stages)}");
        return ProgressDisplay.Run(context, $"Running {ChainDemo.DefaultTicks} ticks", ChainDemo.DefaultTicks, report => ChainDemo.Run((tick, values) =>
        {
            report(tick);
            if (tick % ChainDemo.Every == 0)
                output.WriteLine($"[tick {tick}] " + string.Join(' ', values.Select((v, i) => $"{ChainDemo.Stages[i]}={v.ToString("F3", CultureInfo.InvariantCulture)}")));
        }, world =>
        {
            TimingsCsv.WriteIfAsked(world, timingsCsvPath, context);
            WorldFiles.SaveIfAsked(world, saveTarget, context);
        }));
    }
}
