namespace GrowNet.Ecs.Cli.Bench.Running;

/// <summary>One entry of the workload registry (<see cref="BenchWorkloads"/>).</summary>
/// <param name="Name">Stable name, used by <c>--filter</c> and in reports (lower case, dash-separated).</param>
/// <param name="Description">One line: what one operation does.</param>
/// <param name="Unit">What one operation is (<c>tick</c>, <c>frame</c>, <c>save</c>, ...).</param>
/// <param name="OperationsPerIteration">Operations timed per iteration (fixed, so every run times the same work).</param>
/// <param name="Create">Builds the workload with the given number of world worker threads.</param>
public sealed record BenchWorkload(string Name, string Description, string Unit, int OperationsPerIteration, Func<int, IBenchCase> Create);
