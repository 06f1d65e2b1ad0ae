using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// What every gate update of a phase shares: the weight constants, the region bus values as they
/// were at the phase start (so the reinforcement step is one precomputed product, the same
/// product <see cref="WeightRule.Reinforce"/> forms) and the step stamped on passing edges.
/// </summary>
internal readonly struct GateContext(in WeightConfig weight, double modulation, double inhibition, long step)
{
    public readonly WeightConfig Weight = weight;
    public readonly double Modulation = modulation;
    public readonly double Inhibition = inhibition;
    public readonly double Delta = weight.Step * modulation * (1 - inhibition);
    public readonly long Step = step;
}
