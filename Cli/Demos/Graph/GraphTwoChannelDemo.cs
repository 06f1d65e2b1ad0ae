using GrowNet.Ecs.Engine;

using GrowNet.Ecs.Systems.Graph;

namespace GrowNet.Ecs.Cli.Demos.Graph;

/// <summary>
/// The two-channel scenario of graph.md: channel 0 a sine of period 24, channel 1 a square wave of
/// period 48 whose switches fall on every other zero crossing of the sine, so the sine's history
/// tells the square's predictor when it switches; growth has to find those taps among both
/// channels' inputs and the shared reservoir.
/// </summary>
public static class GraphTwoChannelDemo
{
    /// <summary>Ticks of the scenario.</summary>
    public const int Ticks = 12000;

    /// <summary>Ticks at the end over which the NRMSEs are measured.</summary>
    public const int Window = 1000;

    /// <summary>The block: two channels, 32 Hidden nodes, graph.md's defaults otherwise.</summary>
    public static Components.Graph.GraphConfig Config => new() { Channels = 2, Hidden = 32 };

    /// <summary>The inputs of tick <paramref name="t"/>.</summary>
    public static (float Sine, float Square) Inputs(long t)
        => ((float)Math.Sin(2 * Math.PI * t / 24), Math.Sin(2 * Math.PI * (t + 0.5) / 48) >= 0 ? 1f : -1f);

    /// <summary>Runs the scenario with the block in <paramref name="world"/> (a pipeline world).</summary>
    public static GraphTwoChannelResult Run(World world, int ticks = Ticks, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentOutOfRangeException.ThrowIfLessThan(ticks, Window + 1);
        var block = GraphFactory.Create(world, "two-channel", Config);
        var errors = new[] { new double[Window], new double[Window] };
        var persistence = new[] { new double[Window], new double[Window] };
        var inputs = new[] { new double[Window], new double[Window] };
        Span<float> staged = stackalloc float[2];
        for (int t = 1; t <= ticks; t++)
        {
            var (sine, square) = Inputs(t);
            var (lastSine, lastSquare) = Inputs(t - 1);
            (staged[0], staged[1]) = (sine, square);
            block.Tick(staged);
            int w = t - (ticks - Window) - 1;
            if (w >= 0)
            {
                (inputs[0][w], inputs[1][w]) = (sine, square);
                (errors[0][w], errors[1][w]) = (block.Error(0), block.Error(1));
                (persistence[0][w], persistence[1][w]) = ((double)sine - lastSine, (double)square - lastSquare);
            }

            if (t % 1000 == 0)
                progress?.Invoke(t);
        }

        var cross = new int[2];
        for (int g = block.PredictorStart; g < block.NodeCount; g++)
        {
            int c = block.Channel(g);
            cross[c] += block.Taps(g).Count(tap => tap.Source == 1 - c);
        }

        return new GraphTwoChannelResult(
            [GraphDemoRuns.Nrmse(errors[0], inputs[0]), GraphDemoRuns.Nrmse(errors[1], inputs[1])],
            [GraphDemoRuns.Nrmse(persistence[0], inputs[0]), GraphDemoRuns.Nrmse(persistence[1], inputs[1])],
            cross, block.Metrics(), GraphDemoRuns.Structure(block));
    }
}
