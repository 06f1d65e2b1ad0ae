using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Cli.Demos.Graph;
using GrowNet.Ecs.Systems.Graph;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// <c>grownet demo mackey-glass</c>: the Mackey–Glass scenario of graph.md — a growing graph block
/// predicting the chaotic series one tick ahead — printing the NRMSEs of the grown block, the frozen
/// control, persistence and least squares, then the structure it grew. The block and the series
/// are <c>scenarios/mackey-glass.json</c>; the controls are computed after the run.
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
        var result = ProgressDisplay.Run(context, "Mackey-Glass ticks", GraphMackeyGlassDemo.Ticks,
            report => GraphMackeyGlassDemo.RunScenario(DemoScenarios.Load(GraphMackeyGlassDemo.ScenarioName), t => report(t), world =>
            {
                TimingsCsv.WriteIfAsked(world, timingsCsvPath, context);
                WorldFiles.SaveIfAsked(world, saveTarget, context);
            }));
        context.Output.WriteLine($"=== Graph modules: Mackey-Glass, {GraphMackeyGlassDemo.Ticks} ticks, NRMSE over the last {GraphMackeyGlassDemo.Window} ===");
        context.Output.WriteLine(GraphDemoLines.Nrmse(result));
        foreach (string line in GraphDemoLines.Grown(result))
            context.Output.WriteLine(line);
        return ExitCodes.Success;
    }
}
