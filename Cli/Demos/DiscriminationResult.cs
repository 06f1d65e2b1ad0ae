namespace GrowNet.Ecs.Cli.Demos;

/// <summary>What the discrimination demo measured.</summary>
/// <param name="TrainingTrials">Training trials per stimulus.</param>
/// <param name="TestTrials">Test trials per stimulus.</param>
/// <param name="AccuracyA">Fraction of A trials where X spiked more than Y.</param>
/// <param name="AccuracyB">Fraction of B trials where Y spiked more than X.</param>
/// <param name="Ticks">World ticks run.</param>
/// <param name="Projections">The projections' stats after the run.</param>
public sealed record DiscriminationResult(int TrainingTrials, int TestTrials, double AccuracyA, double AccuracyB, ulong Ticks,
    IReadOnlyList<string> Projections)
{
    /// <summary>Both stimuli together.</summary>
    public double Accuracy => (AccuracyA + AccuracyB) / 2;
}
