using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// <c>grownet demo pool</c> (the default demo): neuropool 0.1's learning demo, a 32-cell compat
/// pool trained for <see cref="PoolLearningDemo.EpochCount"/> epochs with reward for output
/// activity, then the seed's summary.
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
    public int Run(CliContext context, string? savePath)
    {
        ArgumentNullException.ThrowIfNull(context);
        var saveTarget = WorldFiles.CheckSavePath(savePath);
        using var world = Pipeline.CreateWorld();
        var result = ProgressDisplay.Run(context, "Training epochs", PoolLearningDemo.EpochCount,
            report => PoolLearningDemo.Run(world, epoch => report(epoch + 1)));
        context.Output.WriteLine("=== Pool learning demo ===");
        foreach (string line in result.SummaryLines())
            context.Output.WriteLine(line);
        WorldFiles.SaveIfAsked(world, saveTarget, context);
        return ExitCodes.Success;
    }
}
