namespace GrowNet.Ecs.Cli.Bench.Running;

/// <summary>
/// A built workload, ready to be timed: <see cref="Prepare"/> (untimed) before each iteration, then
/// <see cref="Run"/> (timed) performs the workload's operations for one iteration.
/// </summary>
public interface IBenchCase : IDisposable
{
    /// <summary>Untimed work before an iteration (e.g. rewinding to a checkpoint so every iteration times the same ticks).</summary>
    void Prepare();

    /// <summary>One timed iteration: <see cref="BenchWorkload.OperationsPerIteration"/> operations.</summary>
    void Run();
}
