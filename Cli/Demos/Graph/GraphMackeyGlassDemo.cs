using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Cli.Runner;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Network;

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

    /// <summary>Name of the demo's scenario file (<c>scenarios/mackey-glass.json</c>) and of its block.</summary>
    public const string ScenarioName = "mackey-glass";

    /// <summary>
    /// The demo's scenario (what <c>scenarios/mackey-glass.json</c> holds): the block, seed 1, and
    /// the series <c>(float)(x[10t] − 0.9)</c> as a sequence source on its channel, one value a tick.
    /// </summary>
    public static ScenarioDocument Scenario()
        => new ScenarioDocument(Ticks, 1, "out/mackey-glass")
            .Population(ScenarioName, new GraphDefinition { Config = Config })
            .Source("series", SourceDefinition.Sequence($"{ScenarioName}/channel[0..1]", Array.ConvertAll(MackeyGlass.Inputs(Ticks), v => new[] { (double)v })));

    /// <summary>Runs the scenario, the grown block in <paramref name="world"/> (a pipeline world), the frozen control in a world of its own.</summary>
    public static GraphDemoResult Run(World world, int ticks = Ticks, Action<int>? progress = null) => Run(world, Config, ticks, progress);

    /// <summary>Runs the scenario with another block configuration (experiments; the demo uses <see cref="Config"/>).</summary>
    public static GraphDemoResult Run(World world, GraphConfig config, int ticks = Ticks, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentOutOfRangeException.ThrowIfLessThan(ticks, Window + 1);
        var u = MackeyGlass.Inputs(ticks);
        var window = new LastWindow(GraphFactory.Create(world, ScenarioName, config), ticks);
        for (int t = 1; t <= ticks; t++)
        {
            window.Block.Stage(0, u[t - 1]);
            world.Step();
            window.AfterTick(t, progress);
        }

        return window.Result(world.Seed, config, u);
    }

    /// <summary>
    /// Runs <c>scenarios/mackey-glass.json</c> (the block and the series as a sequence source, seed 1)
    /// through the scenario runner; the controls are computed from the same window of the run.
    /// </summary>
    /// <param name="scenario">The demo's scenario (or a variant of it with the same population name).</param>
    /// <param name="progress">Told every 1 000th tick.</param>
    /// <param name="atEnd">Sees the final world (timings, save).</param>
    public static GraphDemoResult RunScenario(Scenario scenario, Action<int>? progress = null, Action<World>? atEnd = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        int ticks = checked((int)scenario.Run.Ticks);
        ArgumentOutOfRangeException.ThrowIfLessThan(ticks, Window + 1);
        LastWindow? window = null;
        GraphDemoResult? result = null;
        DemoScenarios.Run(scenario,
            atStart: world => window = new LastWindow((GraphBlock)ModelFamilies.Catalog.Get(world, ScenarioName), ticks),
            afterTick: (_, tick) => window!.AfterTick((int)tick, progress),
            atEnd: world =>
            {
                result = window!.Result(world.Seed, window.Block.Config, MackeyGlass.Inputs(ticks));
                atEnd?.Invoke(world);
            });
        return result!;
    }

    /// <summary>What the demo reads from the grown block over the last <see cref="Window"/> ticks, told the world tick after every tick.</summary>
    private sealed class LastWindow(GraphBlock block, int ticks)
    {
        private readonly double[][] features = new double[GraphMackeyGlassDemo.Window][];
        private readonly double[] grown = new double[GraphMackeyGlassDemo.Window];
        private readonly int first = ticks - GraphMackeyGlassDemo.Window;

        public GraphBlock Block => block;

        /// <summary>After tick t: the lags the prediction of tick t + 1 reads, and tick t's error.</summary>
        public void AfterTick(int tick, Action<int>? progress)
        {
            if (tick >= first && tick < ticks)
                features[tick - first] = GraphDemoRuns.Features(block);
            if (tick > first)
                grown[tick - first - 1] = block.Error(0);
            if (tick % 1000 == 0)
                progress?.Invoke(tick);
        }

        public GraphDemoResult Result(ulong seed, GraphConfig config, float[] u)
        {
            var inputs = Array.ConvertAll(u[^GraphMackeyGlassDemo.Window..], v => (double)v);
            var persistence = new double[GraphMackeyGlassDemo.Window];
            for (int w = 0; w < persistence.Length; w++)
                persistence[w] = (double)u[first + w] - u[first + w - 1];
            double frozen = RunFrozen(seed, config, block, u, inputs);
            return new GraphDemoResult(GraphDemoRuns.Nrmse(grown, inputs), frozen, GraphDemoRuns.Nrmse(persistence, inputs),
                LeastSquares(block, features, inputs), block.Metrics(), GraphDemoRuns.Structure(block));
        }
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
