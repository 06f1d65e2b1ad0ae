using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Cli.Runner;
using GrowNet.Ecs.Systems.Network;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// neuropool 0.1's <c>learning_demo</c> (pool.md, "Learning demo"): a 32-cell compat pool whose
/// input cells 0..7 are driven while output activity (cells 24..31) is rewarded with dopamine.
/// </summary>
public static class PoolLearningDemo
{
    /// <summary>Cells in the demo pool.</summary>
    public const int Cells = 32;
    /// <summary>Connection density requested from the compat generator.</summary>
    public const float Density = 0.25f;
    /// <summary>Ticks per presentation.</summary>
    public const int TicksPerPresentation = 40;
    /// <summary>Training epochs.</summary>
    public const int EpochCount = 200;
    /// <summary>Current given to each input cell every tick.</summary>
    public const short InputCurrent = 10000;
    /// <summary>Input cells [0, InputEnd).</summary>
    public const int InputEnd = 8;
    /// <summary>Output cells [OutputStart, Cells).</summary>
    public const int OutputStart = 24;

    /// <summary>The demo's configuration: stdp +30/−15, traceDecay 240, homeostaticRate 2, maxSynapses 32, maxDelay 3.</summary>
    public static PoolConfig Config
    {
        get
        {
            var config = PoolConfig.Default;
            config.StdpPositive = 30;
            config.StdpNegative = -15;
            config.TraceDecay = 240;
            config.HomeostaticRate = 2;
            config.MaxSynapsesPerNeuron = 32;
            config.MaxDelay = 3;
            return config;
        }
    }

    /// <summary>Name of the demo's scenario file (<c>scenarios/pool.json</c>) and of its pool.</summary>
    public const string ScenarioName = "pool";

    /// <summary>The pool's name.</summary>
    public const string PoolName = "demo";

    /// <summary>The pool's definition: compat N=32, density 0.25, <see cref="Config"/>.</summary>
    public static PoolDefinition Definition => PoolDefinition.Compat(Cells, Density, Config);

    /// <summary>
    /// The demo's scenario (what <c>scenarios/pool.json</c> holds): the pool, seed 0, and its input
    /// cells driven by a constant source; the presentation protocol is <see cref="PoolLearningProtocol"/>.
    /// </summary>
    public static ScenarioDocument Scenario()
        => new ScenarioDocument(PoolLearningProtocol.Ticks, 0, "out/pool")
            .Population(PoolName, Definition)
            .Source("drive", SourceDefinition.Constant($"{PoolName}/current[0..{InputEnd}]", InputCurrent));

    /// <summary>Creates the demo pool ("demo", compat N=32, density 0.25) in <paramref name="world"/>.</summary>
    public static NeuronPool CreatePool(World world)
        => NeuronPool.Create(world, PoolName, Definition);

    /// <summary>
    /// One presentation: every membrane to resting and refract to 0 (traces, eligibility and the
    /// delay ring kept), then 40 world ticks with the input cells driven.
    /// </summary>
    /// <returns>Output spikes (Σ over ticks of spiking output cells) and total spikes.</returns>
    public static (int Output, int Total) Present(NeuronPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ResetForPresentation(pool);
        pool.SetInputRange(0, InputEnd, InputCurrent);
        int output = 0, total = 0;
        for (int tick = 0; tick < TicksPerPresentation; tick++)
        {
            pool.World.Step();
            output += pool.CountSpikes(OutputStart, pool.CellCount);
            total += pool.LastSpikeCount;
        }

        return (output, total);
    }

    /// <summary>What a presentation starts with: every membrane at resting, every refractory counter 0.</summary>
    public static void ResetForPresentation(NeuronPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var view = pool.View();
        view.Membrane.Fill(pool.Config.Resting);
        view.Refract.Clear();
    }

    /// <summary>Runs the whole demo in a fresh world.</summary>
    /// <param name="onEpoch">Called after each epoch with its index (progress reporting).</param>
    public static LearningDemoResult Run(Action<int>? onEpoch = null)
    {
        using var world = Pipeline.CreateWorld();
        return Run(world, onEpoch);
    }

    /// <summary>
    /// Runs the whole demo in <paramref name="world"/> (which the caller owns, e.g. to save it
    /// afterwards): the pool, its held input and <see cref="PoolLearningProtocol"/> after every tick.
    /// </summary>
    public static LearningDemoResult Run(World world, Action<int>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var pool = CreatePool(world);
        pool.SetInputRange(0, InputEnd, InputCurrent);
        var protocol = new PoolLearningProtocol(pool);
        for (long tick = 1; tick <= PoolLearningProtocol.Ticks; tick++)
        {
            world.Step();
            protocol.AfterTick(tick, onEpoch);
        }

        return protocol.Result();
    }

    /// <summary>Quarter averages of the response list: quarter = count / 4; Q1..Q3 over [kq, (k+1)q), Q4 over the rest.</summary>
    public static double[] QuarterAverages(IReadOnlyList<int> responses)
    {
        int quarter = responses.Count / 4;
        var averages = new double[4];
        for (int q = 0; q < 4; q++)
        {
            int start = q * quarter;
            int end = q == 3 ? responses.Count : start + quarter;
            double sum = 0;
            for (int i = start; i < end; i++)
                sum += responses[i];
            averages[q] = end > start ? sum / (end - start) : 0;
        }

        return averages;
    }
}
