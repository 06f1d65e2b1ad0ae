namespace GrowNet.Ecs.Cli.Demos;

/// <summary>One epoch of the pool learning demo.</summary>
public readonly record struct LearningDemoEpoch(int OutputSpikes, int TotalSpikes, int Reinforced, int Weakened, int Pruned);
