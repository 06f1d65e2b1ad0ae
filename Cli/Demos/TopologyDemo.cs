using GrowNet.Ecs.Cli.Runner;
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

    /// <summary>Name of the built-in scenario file (<c>scenarios/topology.json</c>).</summary>
    public const string ScenarioName = "topology";

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

    /// <summary>
    /// Runs the scenario (the file <c>scenarios/topology.json</c> for the default options, else
    /// <see cref="Scenario"/> of <paramref name="options"/>) through the scenario runner and returns a
    /// row every <see cref="TopologyDemoOptions.ReportEvery"/> ticks (and after the last tick);
    /// <paramref name="atEnd"/> sees the final world (to save it), <paramref name="onTick"/> each
    /// tick's number, <paramref name="onRow"/> each row as it is made.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is unusable (checked before anything runs).</exception>
    public static IReadOnlyList<TopologyDemoRow> Run(TopologyDemoOptions? options = null, Action<World>? atEnd = null, Action<long>? onTick = null,
        Action<TopologyDemoRow>? onRow = null)
    {
        options ??= new TopologyDemoOptions();
        Validate(options);
        var scenario = options == new TopologyDemoOptions()
            ? DemoScenarios.Load(ScenarioName)
            : ScenarioReader.Parse(Scenario(options).ToJson());
        int output = options.OutputVertex ?? options.Vertices - 1;
        int activeTicks = 0, ticksSinceReport = 0;
        var rows = new List<TopologyDemoRow>();
        DemoScenarios.Run(scenario, (world, tick) =>
        {
            var block = (TopologyBlock)ModelFamilies.Catalog.Get(world, BlockName);
            float activation = block.Activations[output];
            activeTicks += activation > options.ActiveThreshold ? 1 : 0;
            ticksSinceReport++;
            onTick?.Invoke(tick);
            if (tick % options.ReportEvery != 0 && tick != options.Ticks)
                return;
            rows.Add(Row(block, activation, (double)activeTicks / ticksSinceReport));
            onRow?.Invoke(rows[^1]);
            activeTicks = 0;
            ticksSinceReport = 0;
        }, atEnd);
        return rows;
    }

    /// <summary>
    /// The demo's scenario for <paramref name="options"/>: the block (bias on the output vertex), the
    /// patterns (<see cref="Patterns"/>) as a sequence source on the input vertices, each held
    /// <see cref="TopologyDemoOptions.TicksPerPattern"/> ticks, and the reward as a link from the
    /// output vertex's activation, thresholded at <see cref="TopologyDemoOptions.ActiveThreshold"/>:
    /// <c>R = Penalty + (Reward − Penalty)·[x_out &gt; θ]</c>, read at the end of the previous tick.
    /// For the default options this is <c>scenarios/topology.json</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is unusable.</exception>
    public static ScenarioDocument Scenario(TopologyDemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parameters = Validate(options);
        int output = options.OutputVertex ?? options.Vertices - 1;
        var bias = new float[options.Vertices];
        bias[output] = options.OutputBias;
        var frames = Patterns(options).Select(p => p.Take(options.InputVertices).Select(v => (double)v).ToArray()).ToArray();
        return new ScenarioDocument(options.Ticks, options.Seed, "out/topology") { Threads = options.Threads }
            .Population(BlockName, TopologyDefinition.Random(options.Vertices, options.InitialDensity, parameters) with { Bias = bias })
            .Source(PatternSource, SourceDefinition.Sequence($"{BlockName}/sensory[0..{options.InputVertices}]", frames, options.TicksPerPattern))
            .Link("reward", new LinkDefinition
            {
                From = $"{BlockName}/activation[{output}..{output + 1}]",
                To = $"{BlockName}/reward",
                Threshold = options.ActiveThreshold,
                Gain = (double)options.Reward - options.Penalty,
                Offset = options.Penalty,
            });
    }

    /// <summary>Builds the scenario of <paramref name="options"/> into <paramref name="world"/> and returns the block.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is unusable (checked before anything is built).</exception>
    public static TopologyBlock Build(World world, TopologyDemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(world);
        ScenarioRunner.Populate(world, ScenarioReader.Parse(Scenario(options).ToJson()));
        return (TopologyBlock)ModelFamilies.Catalog.Get(world, BlockName);
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
