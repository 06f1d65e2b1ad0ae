using GrowNet.Ecs.Cli.Runner;
using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Graph;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Systems.Region;
using GrowNet.Ecs.Systems.Topology;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// network.md, "Cross-model chain", as the scenario file <c>scenarios/chain.json</c>: a uniform
/// random image lights region <c>retina</c>'s 8×8 InputLayer2D, windowed (3×3, SAME) into an
/// OutputLayer2D whose <c>frame</c> drives pool <c>cortex</c>'s currents cell by cell; the pool's
/// spike rate (mean, EMA) feeds every vertex of topology block <c>body</c>; the block's mean
/// activation is the channel graph block <c>predictor</c> learns to predict. Every stage is a
/// link, so each adds one tick of latency.
/// </summary>
public static class ChainDemo
{
    /// <summary>Name of the built-in scenario file (<c>scenarios/chain.json</c>).</summary>
    public const string ScenarioName = "chain";

    /// <summary>Ticks of the scenario file.</summary>
    public const int DefaultTicks = 1000;

    /// <summary>A printed line every this many ticks.</summary>
    public const int Every = 100;

    /// <summary>The stages, in chain order, as the ports the demo reads after every tick.</summary>
    public static IReadOnlyList<string> Stages { get; } =
        ["retina/L1.frame", "cortex/current", "cortex/spikes", "body/activation", "predictor/channel", "predictor/prediction"];

    /// <summary>The demo's scenario (what <c>scenarios/chain.json</c> holds).</summary>
    public static ScenarioDocument Scenario(long ticks = DefaultTicks, ulong seed = 5)
        => new ScenarioDocument(ticks, seed, "out/chain")
            .Population("retina", new RegionDefinition
            {
                Layers = [LayerDefinition.Input2D(8, 8, 1.0, 0.01), LayerDefinition.Output2D(8, 8, 0.2)],
                Tracts = [TractDefinition.Windowed(0, 1, 3, 3, 1, 1, WindowPadding.Same)],
                Ports = [PortBindingDefinition.Input2D("img", 0)],
            })
            .Population("cortex", PoolDefinition.Empty(64))
            .Population("body", TopologyDefinition.Random(16, 0.2))
            .Population("predictor", new GraphDefinition { Config = new GraphConfig { Channels = 1, Hidden = 8 } })
            .Source("light", SourceDefinition.Uniform("retina/img", 0, 1))
            .Link("frame-to-currents", new LinkDefinition { From = "retina/L1.frame", To = "cortex/current[0..64]", Gain = 20000, ClampMax = 30000 })
            .Link("rate-to-sensory", new LinkDefinition
            {
                From = "cortex/spikes", To = "body/sensory", Map = LinkMap.PoolBroadcast, Reduce = Reduction.Mean, Ema = 0.1, Gain = 2,
            })
            .Link("activation-to-channel", new LinkDefinition { From = "body/activation", To = "predictor/channel", Map = LinkMap.PoolBroadcast, Reduce = Reduction.Mean });

    /// <summary>
    /// Runs the scenario file (its ticks and seed unless given) through the runner: after every
    /// tick <paramref name="onTick"/> gets the tick and each stage's mean absolute value
    /// (<see cref="Stages"/> order); <paramref name="atEnd"/> sees the final world.
    /// </summary>
    public static int Run(Action<long, double[]>? onTick = null, Action<World>? atEnd = null, int? threads = null, long? ticks = null)
    {
        var sets = new List<string>();
        if (threads is { } t)
            sets.Add($"run.threads={t}");
        if (ticks is { } n)
            sets.Add($"run.ticks={n}");
        var scenario = DemoScenarios.Load(ScenarioName, [.. sets]);
        var values = new double[Stages.Count];
        return DemoScenarios.Run(scenario, (world, tick) =>
        {
            for (int i = 0; i < values.Length; i++)
                values[i] = MeanAbs(world, Stages[i]);
            onTick?.Invoke(tick, values);
        }, atEnd);
    }

    private static double MeanAbs(World world, string address)
    {
        var parsed = PortAddress.Parse(address);
        var values = ModelFamilies.Catalog.Get(world, parsed.Population).ReadPort(parsed.Port);
        return values.Length == 0 ? 0 : values.Sum(Math.Abs) / values.Length;
    }
}
