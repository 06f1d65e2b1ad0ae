using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Topology;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// The topology demo (<c>grownet topology-demo</c>): a block of 256 vertices fed with a few
/// repeating ±1 input patterns on its first vertices, rewarded (R = 1) on every tick its output
/// vertex is active and mildly penalised otherwise. It starts sparse; sprouting grows the
/// skeleton toward the budget and the block switches to the dense representation on the way.
/// The patterns are a sequence source and the reward a thresholded link from the output vertex
/// (network.md), so the whole demo is world state and a saved demo world resumes exactly.
/// Yields one <see cref="TopologyDemoRow"/> every K ticks; deterministic for a seed.
/// </summary>
public static class TopologyDemo
{
    /// <summary>Counter-random stream of the input patterns.</summary>
    public const ulong PatternStream = 0x746F_706F_0D30UL;

    /// <summary>Name of the demo's block.</summary>
    public const string BlockName = "topology-demo";

    /// <summary>Name of the sequence source of the input patterns.</summary>
    public const string PatternSource = "topology-demo-patterns";

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
        var block = Build(world, options, parameters);
        int output = options.OutputVertex ?? options.Vertices - 1;
        int activeTicks = 0, ticksSinceReport = 0;
        for (int t = 0; t < options.Ticks; t++)
        {
            world.Step();
            activeTicks += block.Activations[output] > options.ActiveThreshold ? 1 : 0;
            ticksSinceReport++;
            if ((t + 1) % options.ReportEvery == 0 || t + 1 == options.Ticks)
            {
                yield return Row(block, block.Activations[output], (double)activeTicks / ticksSinceReport);
                activeTicks = 0;
                ticksSinceReport = 0;
            }
        }
    }

    /// <summary>
    /// The demo's block in <paramref name="world"/> with its inputs as world state: the patterns
    /// (<see cref="Patterns"/>) as a sequence source on the input vertices, each held
    /// <see cref="TopologyDemoOptions.TicksPerPattern"/> ticks, and the reward as a link from the
    /// output vertex's activation, thresholded at <see cref="TopologyDemoOptions.ActiveThreshold"/>:
    /// <c>R = Penalty + (Reward − Penalty)·[x_out &gt; θ]</c>, read at the end of the previous tick.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is unusable (checked before anything is built).</exception>
    public static TopologyBlock Build(World world, TopologyDemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(options);
        return Build(world, options, Validate(options));
    }

    private static TopologyBlock Build(World world, TopologyDemoOptions options, TopologyParameters parameters)
    {
        var block = TopologyBlock.Create(world, BlockName, TopologyDefinition.Random(options.Vertices, options.InitialDensity, parameters));
        int output = options.OutputVertex ?? options.Vertices - 1;
        var bias = new float[options.Vertices];
        bias[output] = options.OutputBias;
        block.SetBias(bias);
        var frames = Patterns(options).Select(p => p.AsSpan(0, options.InputVertices).ToArray().Select(v => (double)v).ToArray()).ToArray();
        NetworkBuilder.AddSource(world, PatternSource,
            SourceDefinition.Sequence($"{BlockName}/sensory[0..{options.InputVertices}]", frames, options.TicksPerPattern));
        NetworkBuilder.Link(world, new LinkDefinition
        {
            From = $"{BlockName}/activation[{output}..{output + 1}]",
            To = $"{BlockName}/reward",
            Threshold = options.ActiveThreshold,
            Gain = (double)options.Reward - options.Penalty,
            Offset = options.Penalty,
        });
        return block;
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
