using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Cli.Demos.Graph;
using GrowNet.Ecs.Systems.Graph;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// <c>grownet demo mackey-glass</c>: the Mackey–Glass scenario of graph.md — a growing graph block
/// predicting the chaotic series one tick ahead — printing the NRMSEs of the grown block, the frozen
/// control, persistence and least squares, then the structure it grew.
/// </summary>
public sealed class MackeyGlassDemoCommand : IDemo
{
    /// <inheritdoc />
    public string Name => "mackey-glass";

    /// <inheritdoc />
    public string Description =>
        $"Graph modules on Mackey-Glass (tau 17): {GraphMackeyGlassDemo.Ticks} ticks, one-step NRMSE over the last {GraphMackeyGlassDemo.Window} " +
        "against the frozen control, persistence and least squares; prints the structure grown.";

    /// <inheritdoc />
    public int Run(CliContext context, string? savePath, string? timingsCsvPath = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var saveTarget = WorldFiles.CheckSavePath(savePath);
        TimingsCsv.CheckPath(timingsCsvPath);
        using var world = Pipeline.CreateWorld(1);
        var result = ProgressDisplay.Run(context, "Mackey-Glass ticks", GraphMackeyGlassDemo.Ticks,
            report => GraphMackeyGlassDemo.Run(world, progress: t => report(t)));
        context.Output.WriteLine($"=== Graph modules: Mackey-Glass, {GraphMackeyGlassDemo.Ticks} ticks, NRMSE over the last {GraphMackeyGlassDemo.Window} ===");
        context.Output.WriteLine(GraphDemoLines.Nrmse(result));
        foreach (string line in GraphDemoLines.Grown(result))
            context.Output.WriteLine(line);
        TimingsCsv.WriteIfAsked(world, timingsCsvPath, context);
        WorldFiles.SaveIfAsked(world, saveTarget, context);
        return ExitCodes.Success;
    }
}
