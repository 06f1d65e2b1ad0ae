
namespace GrowNet.Ecs.Cli.Demos;

/// <summary><c>grownet demo discrimination</c>: the two-pool discrimination scenario of network.md.</summary>
public sealed class DiscriminationDemoCommand : IDemo
{
    /// <inheritdoc />
    public string Name => "discrimination";

    /// <inheritdoc />
    public string Description => "Two-pool discrimination (seed 003): stimulus A or B routed to output pool X or Y by rewarded projections.";

    /// <inheritdoc />
    public int Run(CliContext context, string? savePath, string? timingsCsvPath = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var saveTarget = WorldFiles.CheckSavePath(savePath);
        TimingsCsv.CheckPath(timingsCsvPath);
        const int training = DiscriminationDemo.DefaultTrainingTrials;
        var result = ProgressDisplay.Run(context, "Training cycles", training,
            report => DiscriminationDemo.Run(training, DiscriminationDemo.DefaultTestTrials, cycle => report(cycle + 1), world =>
            {
                TimingsCsv.WriteIfAsked(world, timingsCsvPath, context);
                WorldFiles.SaveIfAsked(world, saveTarget, context);
            }));
        context.Output.WriteLine("=== Two-pool discrimination ===");
        context.Output.WriteLine($"training: {result.TrainingTrials} trials per stimulus; test: {result.TestTrials} per stimulus; {result.Ticks} ticks");
        foreach (string line in result.Projections)
            context.Output.WriteLine(line);
        context.Output.WriteLine($"A → X: {result.AccuracyA:F2}  B → Y: {result.AccuracyB:F2}  accuracy={result.Accuracy:F2}");
        return ExitCodes.Success;
    }
}
