using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// network.md, "Two-pool discrimination" (seed 003), built entirely as world state: stimulus
/// sources A and B drive two groups of an input pool in alternating trials; the input pool
/// projects to output pools X and Y; one modulator per projection gives dopamine when its output
/// pool answers the stimulus it should (A → X, B → Y) and cortisol when it answers the other one;
/// dead synapses are pruned. After training, the modulators stop and test trials count, per
/// trial, whether the right output pool spiked more.
/// </summary>
public static class DiscriminationDemo
{
    /// <summary>Ticks a stimulus is on; each is followed by as many quiet ticks.</summary>
    public const int TrialTicks = 10;

    /// <summary>Ticks of one A-then-B cycle (two trials).</summary>
    public const int CycleTicks = 4 * TrialTicks;

    /// <summary>Input current of a stimulated cell.</summary>
    public const double Drive = 12000;

    /// <summary>Reward gain: dopamine = 128 + gain · stimulus · mean output spikes (cortisol = 30 + …).</summary>
    public const double Gain = 400;

    /// <summary>Builds the network in <paramref name="world"/>; the modulators stop after <paramref name="trainingTrials"/> trials per stimulus.</summary>
    public static void Build(World world, int trainingTrials)
    {
        NeuronPool.Create(world, "in", PoolDefinition.Empty(40));
        NeuronPool.Create(world, "X", PoolDefinition.Empty(20));
        NeuronPool.Create(world, "Y", PoolDefinition.Empty(20));
        NetworkBuilder.Connect(world, "in->X", "in", "X", ProjectionDefinition.Bernoulli(0.3));
        NetworkBuilder.Connect(world, "in->Y", "in", "Y", ProjectionDefinition.Bernoulli(0.3));
        double[] on = Enumerable.Repeat(Drive, 10).ToArray(), off = new double[10];
        NetworkBuilder.AddSource(world, "stimA", SourceDefinition.Sequence("in/current[0..10]", [on, off, off, off], TrialTicks));
        NetworkBuilder.AddSource(world, "stimB", SourceDefinition.Sequence("in/current[10..20]", [off, off, on, off], TrialTicks));
        if (trainingTrials == 0)
            return; // an untrained network, for comparison
        ulong stop = (ulong)(trainingTrials * CycleTicks);
        // Stimulus values are Drive or 0: the coefficient turns them into 0/1 factors.
        double c = Gain / (Drive * 10);
        Reward(world, "in->X", "stimA", "stimB", "X", c, stop);
        Reward(world, "in->Y", "stimB", "stimA", "Y", c, stop);
        foreach (string projection in new[] { "in->X", "in->Y" })
            NetworkBuilder.AddModulator(world, new ModulatorDefinition { Action = ModulatorAction.PruneDead, Target = projection, Every = CycleTicks, Stop = stop + 1 });
    }

    private static void Reward(World world, string projection, string right, string wrong, string output, double c, ulong stop)
        => NetworkBuilder.AddModulator(world, new ModulatorDefinition
        {
            Target = projection, Constant0 = 128, Constant1 = 30, Stop = stop,
            Terms =
            [
                new(0, c, $"{right}/value", Reduction.Sum, $"{output}/spikes", Reduction.Mean),
                new(1, c, $"{wrong}/value", Reduction.Sum, $"{output}/spikes", Reduction.Mean),
            ],
        });

    /// <summary>Trains, then tests <paramref name="testTrials"/> trials per stimulus; returns the fractions routed correctly.</summary>
    public static DiscriminationResult Run(World world, int trainingTrials = 150, int testTrials = 100, Action<int>? onCycle = null)
    {
        Build(world, trainingTrials);
        var x = (NeuronPool)ModelFamilies.Catalog.Get(world, "X");
        var y = (NeuronPool)ModelFamilies.Catalog.Get(world, "Y");
        for (int cycle = 0; cycle < trainingTrials; cycle++)
        {
            for (int t = 0; t < CycleTicks; t++)
                world.Step();
            onCycle?.Invoke(cycle);
        }

        int rightA = 0, rightB = 0;
        for (int cycle = 0; cycle < testTrials; cycle++)
        {
            // Count each trial's answer over its stimulus ticks and the quiet ticks after (delays up to 8).
            var (xa, ya) = Count(world, x, y, 2 * TrialTicks);
            var (xb, yb) = Count(world, x, y, 2 * TrialTicks);
            rightA += xa > ya ? 1 : 0;
            rightB += yb > xb ? 1 : 0;
        }

        return new DiscriminationResult(trainingTrials, testTrials, (double)rightA / testTrials, (double)rightB / testTrials, world.Tick,
            NetworkBuilder.Projections(world).Select(p => p.Stats().ToString()).ToList());
    }

    private static (int X, int Y) Count(World world, NeuronPool x, NeuronPool y, int ticks)
    {
        int sx = 0, sy = 0;
        for (int t = 0; t < ticks; t++)
        {
            world.Step();
            sx += x.LastSpikeCount;
            sy += y.LastSpikeCount;
        }

        return (sx, sy);
    }
}
