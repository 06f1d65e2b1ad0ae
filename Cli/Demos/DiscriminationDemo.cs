using GrowNet.Ecs.Cli.Runner;
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
/// trial, whether the right output pool spiked more. The run is the scenario file
/// <c>scenarios/discrimination.json</c> (150 training and 100 test trials); the score is read from
/// the world after every test tick.
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

    /// <summary>Seed of the scenario file.</summary>
    public const ulong Seed = 3;

    /// <summary>Training trials per stimulus of the scenario file.</summary>
    public const int DefaultTrainingTrials = 150;

    /// <summary>Test trials per stimulus of the scenario file.</summary>
    public const int DefaultTestTrials = 100;

    /// <summary>Name of the built-in scenario file (<c>scenarios/discrimination.json</c>).</summary>
    public const string ScenarioName = "discrimination";

    /// <summary>
    /// The demo's scenario: <paramref name="trainingTrials"/> rewarded cycles, then
    /// <paramref name="testTrials"/> cycles without modulators (0 training trials: an untrained
    /// network, for comparison). For the defaults this is <c>scenarios/discrimination.json</c>.
    /// </summary>
    public static ScenarioDocument Scenario(int trainingTrials = DefaultTrainingTrials, int testTrials = DefaultTestTrials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trainingTrials);
        ArgumentOutOfRangeException.ThrowIfNegative(testTrials);
        double[] on = Enumerable.Repeat(Drive, 10).ToArray(), off = new double[10];
        var document = new ScenarioDocument((long)(trainingTrials + testTrials) * CycleTicks, Seed, "out/discrimination")
            .Population("in", PoolDefinition.Empty(40))
            .Population("X", PoolDefinition.Empty(20))
            .Population("Y", PoolDefinition.Empty(20))
            .Projection("in->X", "in", "X", ProjectionDefinition.Bernoulli(0.3))
            .Projection("in->Y", "in", "Y", ProjectionDefinition.Bernoulli(0.3))
            .Source("stimA", SourceDefinition.Sequence("in/current[0..10]", [on, off, off, off], TrialTicks))
            .Source("stimB", SourceDefinition.Sequence("in/current[10..20]", [off, off, on, off], TrialTicks));
        if (trainingTrials == 0)
            return document;
        ulong stop = (ulong)(trainingTrials * CycleTicks);
        // Stimulus values are Drive or 0: the coefficient turns them into 0/1 factors.
        double c = Gain / (Drive * 10);
        document.Modulator("reward-X", Reward("in->X", "stimA", "stimB", "X", c, stop));
        document.Modulator("reward-Y", Reward("in->Y", "stimB", "stimA", "Y", c, stop));
        foreach (string projection in new[] { "in->X", "in->Y" })
            document.Modulator($"prune-{projection}", new ModulatorDefinition { Action = ModulatorAction.PruneDead, Target = projection, Every = CycleTicks, Stop = stop + 1 });
        return document;
    }

    /// <summary>Builds the demo's network into <paramref name="world"/> (<see cref="Scenario"/> of <paramref name="trainingTrials"/>).</summary>
    public static void Build(World world, int trainingTrials)
    {
        ArgumentNullException.ThrowIfNull(world);
        ScenarioRunner.Populate(world, ScenarioReader.Parse(Scenario(trainingTrials).ToJson()));
    }

    /// <summary>Runs the scenario (the file for the defaults) through the scenario runner; <paramref name="atEnd"/> sees the final world.</summary>
    public static DiscriminationResult Run(int trainingTrials = DefaultTrainingTrials, int testTrials = DefaultTestTrials, Action<int>? onCycle = null,
        Action<World>? atEnd = null)
    {
        var scenario = trainingTrials == DefaultTrainingTrials && testTrials == DefaultTestTrials
            ? DemoScenarios.Load(ScenarioName)
            : ScenarioReader.Parse(Scenario(trainingTrials, testTrials).ToJson());
        var score = new Score(trainingTrials, onCycle);
        DiscriminationResult? result = null;
        DemoScenarios.Run(scenario, score.Observe, world =>
        {
            result = score.Result(world, testTrials);
            atEnd?.Invoke(world);
        });
        return result!;
    }

    /// <summary>Builds the network into <paramref name="world"/> and steps it there (training, then the test trials).</summary>
    public static DiscriminationResult Run(World world, int trainingTrials = DefaultTrainingTrials, int testTrials = DefaultTestTrials, Action<int>? onCycle = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        Build(world, trainingTrials);
        var score = new Score(trainingTrials, onCycle);
        ulong end = world.Tick + (ulong)((trainingTrials + testTrials) * CycleTicks);
        while (world.Tick < end)
        {
            world.Step();
            score.Observe(world, (long)world.Tick);
        }

        return score.Result(world, testTrials);
    }

    private static ModulatorDefinition Reward(string projection, string right, string wrong, string output, double c, ulong stop) => new()
    {
        Target = projection, Constant0 = 128, Constant1 = 30, Stop = stop,
        Terms =
        [
            new(0, c, $"{right}/value", Reduction.Sum, $"{output}/spikes", Reduction.Mean),
            new(1, c, $"{wrong}/value", Reduction.Sum, $"{output}/spikes", Reduction.Mean),
        ],
    };

    /// <summary>
    /// Reads the world after each tick: training cycles for <c>onCycle</c>, then per test trial
    /// (its stimulus ticks and the quiet ticks after, delays up to 8) the spikes of X and Y.
    /// </summary>
    private sealed class Score(int trainingTrials, Action<int>? onCycle)
    {
        private readonly long trainingTicks = (long)trainingTrials * CycleTicks;
        private int sx, sy, rightA, rightB;

        public void Observe(World world, long tick)
        {
            if (tick <= trainingTicks)
            {
                if (tick % CycleTicks == 0)
                    onCycle?.Invoke((int)(tick / CycleTicks) - 1);
                return;
            }

            sx += ((NeuronPool)ModelFamilies.Catalog.Get(world, "X")).LastSpikeCount;
            sy += ((NeuronPool)ModelFamilies.Catalog.Get(world, "Y")).LastSpikeCount;
            long position = (tick - trainingTicks - 1) % CycleTicks;
            if (position == 2 * TrialTicks - 1)
                rightA += sx > sy ? 1 : 0;
            else if (position == CycleTicks - 1)
                rightB += sy > sx ? 1 : 0;
            else
                return;
            sx = sy = 0;
        }

        public DiscriminationResult Result(World world, int testTrials)
            => new(trainingTrials, testTrials, (double)rightA / testTrials, (double)rightB / testTrials, world.Tick,
                NetworkBuilder.Projections(world).Select(p => p.Stats().ToString()).ToList());
    }
}
