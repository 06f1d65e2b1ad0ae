using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// <c>grownet demo pool</c> (the default demo): neuropool 0.1's learning demo, a 32-cell compat
/// pool trained for <see cref="PoolLearningDemo.EpochCount"/> epochs with reward for output
/// activity, then the seed's summary. The pool and its input are <c>scenarios/pool.json</c>, run
/// through the scenario runner; the presentation protocol is <see cref="PoolLearningProtocol"/>.
/// </summary>
public sealed class PoolLearningDemoCommand : IDemo
{
    /// <inheritdoc />
    public string Name => "pool";

    /// <inheritdoc />
    public string Description =>
        $"Pool learning demo: {PoolLearningDemo.Cells}-cell compat pool, inputs 0..{PoolLearningDemo.InputEnd} driven, " +
        $"output activity rewarded with dopamine for {PoolLearningDemo.EpochCount} epochs.";

    /// <inheritdoc />
    public int Run(CliContext context, string? savePath, string? timingsCsvPath = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var saveTarget = WorldFiles.CheckSavePath(savePath);
        TimingsCsv.CheckPath(timingsCsvPath);
        var result = ProgressDisplay.Run(context, "Training epochs", PoolLearningDemo.EpochCount, report =>
        {
            PoolLearningProtocol? protocol = null;
            DemoScenarios.Run(DemoScenarios.Load(PoolLearningDemo.ScenarioName),
                atStart: world => protocol = new PoolLearningProtocol((NeuronPool)ModelFamilies.Catalog.Get(world, PoolLearningDemo.PoolName)),
                afterTick: (_, tick) => protocol!.AfterTick(tick, epoch => report(epoch + 1)),
                atEnd: world =>
                {
                    TimingsCsv.WriteIfAsked(world, timingsCsvPath, context);
                    WorldFiles.SaveIfAsked(world, saveTarget, context);
                });
            return protocol!.Result();
        });
        context.Output.WriteLine("=== Pool learning demo ===");
        foreach (string line in result.SummaryLines())
            context.Output.WriteLine(line);
        return ExitCodes.Success;
    }
}
