using System.CommandLine;
using System.Globalization;
using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Systems.Topology;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet topology-demo [--ticks N] [--every K] [--vertices N] [--seed S] [--save FILE.gnw]</c>
/// (also <c>grownet demo topology</c>): a dynamic-topology block of 256 vertices fed with four
/// repeating input patterns and rewarded while a chosen output vertex is active, printing edge
/// count, density, mean |W|, activity, the output and the representation in use every K ticks.
/// It runs <c>scenarios/topology.json</c> (other options: the same scenario for them) through the runner.
/// </summary>
public sealed class TopologyDemoCommand : IDemo
{
    /// <summary>Name of the top-level command.</summary>
    public const string CommandName = "topology-demo";

    /// <inheritdoc />
    public string Name => "topology";

    /// <inheritdoc />
    public string Description
    {
        get
        {
            var options = new TopologyDemoOptions();
            return $"Dynamic topology demo: {options.Vertices} vertices, {options.Patterns} repeating input patterns, reward while the output " +
                   $"vertex is active, {options.Ticks} ticks; prune, sprout and the dense/sparse crossover.";
        }
    }

    /// <inheritdoc />
    public int Run(CliContext context, string? savePath, string? timingsCsvPath = null) => Execute(context, new TopologyDemoOptions(), savePath, timingsCsvPath);

    /// <summary>Builds the <c>topology-demo</c> command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaults = new TopologyDemoOptions();
        var ticks = new Option<int>("--ticks") { HelpName = "N", Description = $"Ticks to run (default {defaults.Ticks}).", DefaultValueFactory = _ => defaults.Ticks };
        var every = new Option<int>("--every") { HelpName = "K", Description = $"Print a row every K ticks (default {defaults.ReportEvery}).", DefaultValueFactory = _ => defaults.ReportEvery };
        var vertices = new Option<int>("--vertices") { HelpName = "N", Description = $"Vertices in the block (default {defaults.Vertices}).", DefaultValueFactory = _ => defaults.Vertices };
        var seed = new Option<ulong>("--seed") { HelpName = "S", Description = $"World seed: skeleton and patterns (default {defaults.Seed}).", DefaultValueFactory = _ => defaults.Seed };
        var save = WorldFiles.SaveOption("Save the demo's world to this .gnw file at the end.");
        var timings = TimingsCsv.CreateOption();
        var command = new Command(CommandName, "Run the dynamic-topology demo (leaky tanh, reward-modulated Hebbian-Oja, prune and sprout).")
        {
            ticks, every, vertices, seed, save, timings,
        };
        command.SetAction(parse => Execute(context, defaults with
        {
            Ticks = parse.GetValue(ticks),
            ReportEvery = parse.GetValue(every),
            Vertices = parse.GetValue(vertices),
            Seed = parse.GetValue(seed),
        }, parse.GetValue(save), parse.GetValue(timings)));
        return command;
    }

    /// <summary>Runs the demo; returns the exit code. <paramref name="timingsCsvPath"/>: per-system timings CSV, or null.</summary>
    public static int Execute(CliContext context, TopologyDemoOptions options, string? savePath, string? timingsCsvPath = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Ticks < 0)
            throw new CliUsageException($"--ticks must be >= 0, not {options.Ticks}.");
        if (options.ReportEvery < 1)
            throw new CliUsageException($"--every must be >= 1, not {options.ReportEvery}.");
        if (options.Vertices < options.InputVertices + 1 || options.Vertices > TopologyFactory.MaxVertices)
            throw new CliUsageException($"--vertices must lie in {options.InputVertices + 1}..{TopologyFactory.MaxVertices}, not {options.Vertices}.");
        var saveTarget = WorldFiles.CheckSavePath(savePath);
        TimingsCsv.CheckPath(timingsCsvPath);
        var output = context.Output;
        output.WriteLine($"=== Topology demo: {options.Vertices} vertices, {options.Patterns} patterns on vertices 0..{options.InputVertices - 1}, " +
                         $"reward while vertex {options.OutputVertex ?? options.Vertices - 1} > {Format(options.ActiveThreshold, "F2")}, " +
                         $"rho_max {Format(options.MaxDensity, "F2")}, {options.Ticks} ticks, seed {options.Seed} ===");
        ProgressDisplay.Run(context, $"Running {options.Ticks} ticks", options.Ticks, report =>
            TopologyDemo.Run(options, world =>
            {
                TimingsCsv.WriteIfAsked(world, timingsCsvPath, context);
                WorldFiles.SaveIfAsked(world, saveTarget, context);
            }, onTick: tick => report(tick), onRow: row =>
                output.WriteLine($"[tick {row.Tick}] edges={row.Edges} density={Format(row.Density * 100, "F1")}% " +
                                 $"mean|W|={Format(row.MeanAbsWeight, "F3")} activity={Format(row.Activity, "F3")} " +
                                 $"output={Format(row.Output, "F3")} rewarded={Format(row.OutputActiveFraction * 100, "F0")}% " +
                                 $"representation={row.Representation}")));
        return ExitCodes.Success;
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
