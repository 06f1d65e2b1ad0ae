namespace GrowNet.Ecs.Cli.Runner;

/// <summary>One run of a sweep: its folder name and the <c>PATH=VALUE</c> overrides it runs with.</summary>
/// <param name="Name">Folder name inside the sweep's output folder.</param>
/// <param name="Sets">Overrides passed to <c>grownet run --set</c>.</param>
public sealed record SweepCombination(string Name, IReadOnlyList<string> Sets);
