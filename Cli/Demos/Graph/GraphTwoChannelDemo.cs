using GrowNet.Ecs.Cli.Runner;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Graph;
using GrowNet.Ecs.Systems.Network;

namespace GrowNet.Ecs.Cli.Demos.Graph;

/// <summary>
/// The two-channel scenario of graph.md: channel 0 a sine of period 24, channel 1 a square wave of
/// period 48 whose switches fall on every other zero crossing of the sine, so the sine's history
/// tells the square's predictor when it switches; growth has to find those taps among both
/// channels' inputs and the shared reservoir. The run is the scenario file
/// <c>scenarios/two-channel.json</c>: both signals are sources in the world (a sine and a square
/// source on the block's <c>channel</c> port); the NRMSEs are read from the world after each tick.
/// </summary>
public static class GraphTwoChannelDemo
{
    /// <summary>Ticks of the scenario.</summary>
    public const int Ticks = 12000;

    /// <summary>Ticks at the end over which the NRMSEs are measured.</summary>
    public const int Window = 1000;

    /// <summary>Name of the built-in scenario file (<c>scenarios/two-channel.json</c>).</summary>
    public const string ScenarioName = "two-channel";

    /// <summary>Name of the graph block.</summary>
    public const string BlockName = "two-channel";

    /// <summary>The block's config.</summary>
    public static Components.Graph.GraphConfig Config => new() { Channels = 2, Hidden = 32 };

    /// <summary>The demo's scenario (what <c>scenarios/two-channel.json</c> holds for the defaults).</summary>
    public static ScenarioDocument Scenario(int ticks = Ticks)
        => new ScenarioDocument(ticks, 1, "out/two-channel")
            .Population(BlockName, new GraphDefinition { Config = Config })
            .Source("sine", SourceDefinition.Sine($"{BlockName}/channel[0..1]", 1, 24, phase: 2 * Math.PI / 24))
            .Source("square", SourceDefinition.Square($"{BlockName}/channel[1..2]", 1, 48, phase: 1, low: -1));

    /// <summary>
    /// Runs the scenario file (or <see cref="Scenario"/> for another tick count) through the runner;
    /// <paramref name="progress"/> hears every 1000th tick, <paramref name="atEnd"/> sees the final world.
    /// </summary>
    public static GraphTwoChannelResult Run(int ticks = Ticks, Action<int>? progress = null, Action<World>? atEnd = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ticks, Window + 1);
        var scenario = ticks == Ticks ? DemoScenarios.Load(ScenarioName) : ScenarioReader.Parse(Scenario(ticks).ToJson());
        var errors = new[] { new double[Window], new double[Window] };
        var persistence = new[] { new double[Window], new double[Window] };
        var inputs = new[] { new double[Window], new double[Window] };
        double lastSine = 0, lastSquare = 0;
        GraphTwoChannelResult? result = null;
        DemoScenarios.Run(scenario, (world, tick) =>
        {
            var block = (GraphBlock)ModelFamilies.Catalog.Get(world, BlockName);
            // What the sources wrote this tick is what the block saw.
            float sine = block.Input(0), square = block.Input(1);
            int w = (int)(tick - (ticks - Window) - 1);
            if (w >= 0)
            {
                (inputs[0][w], inputs[1][w]) = (sine, square);
                (errors[0][w], errors[1][w]) = (block.Error(0), block.Error(1));
                (persistence[0][w], persistence[1][w]) = ((double)sine - lastSine, (double)square - lastSquare);
            }

            (lastSine, lastSquare) = (sine, square);
            if (tick % 1000 == 0)
                progress?.Invoke((int)tick);
        }, world =>
        {
            var block = (GraphBlock)ModelFamilies.Catalog.Get(world, BlockName);
            var cross = new int[2];
            for (int g = block.PredictorStart; g < block.NodeCount; g++)
            {
                int c = block.Channel(g);
                cross[c] += block.Taps(g).Count(tap => tap.Source == 1 - c);
            }

            result = new GraphTwoChannelResult(
                [GraphDemoRuns.Nrmse(errors[0], inputs[0]), GraphDemoRuns.Nrmse(errors[1], inputs[1])],
                [GraphDemoRuns.Nrmse(persistence[0], inputs[0]), GraphDemoRuns.Nrmse(persistence[1], inputs[1])],
                cross, block.Metrics(), GraphDemoRuns.Structure(block));
            atEnd?.Invoke(world);
        });
        return result!;
    }
}
