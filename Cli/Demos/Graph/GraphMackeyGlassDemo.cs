using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Graph;

namespace GrowNet.Ecs.Cli.Demos.Graph;

/// <summary>
/// The Mackey–Glass scenario of graph.md: one channel staging <c>(float)(x[10t] − 0.9)</c>, a
/// 64-node reservoir with its hierarchy, growth with the spec's defaults; one-step NRMSE over the
/// last 1 000 of 20 000 ticks against persistence, the frozen control (growth off, as many random
/// learnable taps placed at the start) and offline least squares on the grown block's final taps.
/// </summary>
public static class GraphMackeyGlassDemo
{
    /// <summary>Ticks of the scenario.</summary>
    public const int Ticks = 20000;

    /// <summary>Ticks at the end over which the NRMSEs are measured.</summary>
    public const int Window = 1000;

    /// <summary>Counter-random stream of the frozen control's tap draws.</summary>
    public const ulong ControlStream = 0x6772_6170_6D67_0001UL;

    /// <summary>The block: graph.md's defaults with one channel and 64 Hidden nodes.</summary>
    public static GraphConfig Config => new() { Channels = 1, Hidden = 64 };

    /// <summary>Runs the scenario, the grown block in <paramref name="world"/> (a pipeline world), the frozen control in a world of its own.</summary>
    public static GraphDemoResult Run(World world, int ticks = Ticks, Action<int>? progress = null) => Run(world, Config, ticks, progress);

    /// <summary>Runs the scenario with another block configuration (experiments; the demo uses <see cref="Config"/>).</summary>
    public static GraphDemoResult Run(World world, GraphConfig config, int ticks = Ticks, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentOutOfRangeException.ThrowIfLessThan(ticks, Window + 1);
        var u = MackeyGlass.Inputs(ticks);
        var inputs = Array.ConvertAll(u[^Window..], v => (double)v);
        var block = GraphFactory.Create(world, "mackey-glass", config);
        var features = new double[Window][];
        var grown = new double[Window];
        for (int t = 1; t <= ticks; t++)
        {
            int w = t - (ticks - Window) - 1;
            if (w >= 0)
                features[w] = GraphDemoRuns.Features(block);
            block.Stage(0, u[t - 1]);
            world.Step();
            if (w >= 0)
                grown[w] = block.Error(0);
            if (t % 1000 == 0)
                progress?.Invoke(t);
        }

        var persistence = new double[Window];
        for (int w = 0; w < Window; w++)
            persistence[w] = (double)u[ticks - Window + w] - u[ticks - Window + w - 1];
        double frozen = RunFrozen(world.Seed, config, block, u, inputs);
        return new GraphDemoResult(GraphDemoRuns.Nrmse(grown, inputs), frozen, GraphDemoRuns.Nrmse(persistence, inputs),
            LeastSquares(block, features, inputs), block.Metrics(), GraphDemoRuns.Structure(block));
    }

    private static double LeastSquares(GraphBlock block, double[][] features, double[] inputs)
    {
        var keys = GraphDemoRuns.FinalKeys(block);
        var rows = Array.ConvertAll(features, row => Array.ConvertAll(keys, k => row[k]));
        var beta = GraphLeastSquares.Fit(rows, inputs);
        var errors = new double[rows.Length];
        for (int n = 0; n < rows.Length; n++)
            errors[n] = inputs[n] - GraphLeastSquares.Predict(beta, rows[n]);
        return GraphDemoRuns.Nrmse(errors, inputs);
    }

    /// <summary>Control (b): the same reservoir, growth off, Cstruct learnable taps (identity-first plus random ones, w = 0) from the start.</summary>
    private static double RunFrozen(ulong seed, GraphConfig grownConfig, GraphBlock grown, float[] u, double[] inputs)
    {
        var config = grownConfig with { Growth = false, MaxInDegree = Math.Max(grownConfig.MaxInDegree, grown.Cstruct) };
        int h = config.HistoryLength;
        var spec = GraphDemoRuns.SameReservoir(grown);
        int predictor = grown.PredictorStart;
        foreach (int key in GraphDemoRuns.RandomKeys(seed, grown.PredictorStart * h, grown.Cstruct, ControlStream))
            spec.Tap(predictor, key / h, key % h, key == 0 ? 1f : 0f);
        using var world = Pipeline.CreateWorld(seed);
        var block = GraphFactory.FromTaps(world, "frozen", config, spec);
        var errors = new double[Window];
        for (int t = 1; t <= u.Length; t++)
        {
            block.Stage(0, u[t - 1]);
            world.Step();
            if (t > u.Length - Window)
                errors[t - (u.Length - Window) - 1] = block.Error(0);
        }

        return GraphDemoRuns.Nrmse(errors, inputs);
    }
}
