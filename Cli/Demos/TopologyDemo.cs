using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// The topology demo (<c>grownet topology-demo</c>): a block of 256 vertices fed with a few
/// repeating ±1 input patterns on its first vertices, rewarded (R = 1) on every tick its output
/// vertex is active and mildly penalised otherwise. It starts sparse; sprouting grows the
/// skeleton toward the budget and the block switches to the dense representation on the way.
/// Yields one <see cref="TopologyDemoRow"/> every K ticks; deterministic for a seed.
/// </summary>
public static class TopologyDemo
{
    /// <summary>Counter-random stream of the input patterns.</summary>
    public const ulong PatternStream = 0x746F_706F_0D30UL;

    /// <summary>The demo block's parameters for <paramref name="options"/>.</summary>
    public static TopologyParameters Parameters(TopologyDemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parameters = TopologyParameters.Default;
        parameters.MaxDensity = options.MaxDensity;
        parameters.SproutThreshold = 0.15f;
        parameters.SurvivalThreshold = 0.01f;
        parameters.MaxSproutsPerTick = options.SproutsPerTick;
        return parameters;
    }

    /// <summary>Runs the scenario in a world of its own, yielding a row every <see cref="TopologyDemoOptions.ReportEvery"/> ticks (and after the last tick).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is unusable (checked before anything runs).</exception>
    public static IEnumerable<TopologyDemoRow> Run(TopologyDemoOptions? options = null)
    {
        options ??= new TopologyDemoOptions();
        var parameters = Validate(options);
        return RunOwned(options, parameters);
    }

    /// <summary>
    /// Runs the scenario in <paramref name="world"/> (made by <see cref="Pipeline.CreateWorld"/> with
    /// the options' seed; its thread count is left as it is), so the caller can keep or save it.
    /// The block is created when the enumeration starts.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is unusable (checked before anything runs).</exception>
    public static IEnumerable<TopologyDemoRow> Run(World world, TopologyDemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(options);
        var parameters = Validate(options);
        return RunIn(world, options, parameters);
    }

    private static TopologyParameters Validate(TopologyDemoOptions options)
    {
        options.Validate();
        var parameters = Parameters(options);
        parameters.Validate();
        if (options.InitialDensity > options.MaxDensity || !(options.InitialDensity >= 0))
            throw new ArgumentOutOfRangeException(nameof(options), options.InitialDensity, "InitialDensity must lie in [0, MaxDensity].");
        return parameters;
    }

    private static IEnumerable<TopologyDemoRow> RunOwned(TopologyDemoOptions options, TopologyParameters parameters)
    {
        using var world = Pipeline.CreateWorld(options.Seed);
        world.SetThreadCount(options.Threads);
        foreach (var row in RunIn(world, options, parameters))
            yield return row;
    }

    private static IEnumerable<TopologyDemoRow> RunIn(World world, TopologyDemoOptions options, TopologyParameters parameters)
    {
        var block = TopologyBlock.Create(world, "topology-demo", TopologyDefinition.Random(options.Vertices, options.InitialDensity, parameters));
        var patterns = Patterns(options);
        int output = options.OutputVertex ?? options.Vertices - 1;
        var bias = new float[options.Vertices];
        bias[output] = options.OutputBias;
        block.SetBias(bias);
        bool active = false;
        int activeTicks = 0, ticksSinceReport = 0;
        for (int t = 0; t < options.Ticks; t++)
        {
            block.Reward = active ? options.Reward : options.Penalty;
            block.SetInput(patterns[t / options.TicksPerPattern % options.Patterns]);
            world.Step();
            active = block.Activations[output] > options.ActiveThreshold;
            activeTicks += active ? 1 : 0;
            ticksSinceReport++;
            if ((t + 1) % options.ReportEvery == 0 || t + 1 == options.Ticks)
            {
                yield return Row(block, block.Activations[output], (double)activeTicks / ticksSinceReport);
                activeTicks = 0;
                ticksSinceReport = 0;
            }
        }
    }

    /// <summary>The input vectors: pattern p drives vertex i &lt; InputVertices with ±1, the other vertices with 0.</summary>
    public static float[][] Patterns(TopologyDemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var patterns = new float[options.Patterns][];
        for (int p = 0; p < patterns.Length; p++)
        {
            patterns[p] = new float[options.Vertices];
            for (int i = 0; i < options.InputVertices; i++)
                patterns[p][i] = (CounterRandom.Bits(options.Seed, PatternStream, (ulong)p, (ulong)i) & 1) == 0 ? 1f : -1f;
        }

        return patterns;
    }

    private static TopologyDemoRow Row(TopologyBlock block, float output, double outputActive)
    {
        var stats = block.Statistics();
        return new TopologyDemoRow(stats.Tick, stats.Edges, stats.Density, stats.MeanAbsWeight, stats.Activity, output, outputActive,
            stats.Representation);
    }
}
