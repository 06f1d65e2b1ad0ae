using System.Runtime.InteropServices;
using GrowNet.Ecs.Distributed.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// Runs a scenario headless: creates its world (or continues a checkpoint), samples recordings
/// after the ticks they are due, writes checkpoints on schedule, and on SIGINT/SIGTERM finishes
/// the current tick, writes a checkpoint and stops with exit code 130.
/// </summary>
public sealed partial class ScenarioRunner : IDisposable
{
    /// <summary>Exit code of a run stopped by a signal (after its checkpoint is written).</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>Stem of the file with every population's final metrics (<c>final-metrics.csv</c>).</summary>
    public const string FinalMetricsStem = "final-metrics";

    private readonly World world;
    private readonly Scenario scenario;
    private readonly IRecorder[] recorders;
    private readonly string outputDir;
    private readonly long endTick;
    private readonly string? reportPath;
    private volatile bool stopRequested;
    private string? savePath;

    private ScenarioRunner(World world, Scenario scenario, IRecorder[] recorders, string outputDir, long endTick, string? reportPath,
        RankWorld? rankWorld = null)
    {
        this.rankWorld = rankWorld;
        this.world = world;
        this.scenario = scenario;
        this.recorders = recorders;
        this.outputDir = outputDir;
        this.endTick = endTick;
        this.reportPath = reportPath;
    }

    /// <summary>The world being run.</summary>
    public World World => world;

    /// <summary>The absolute output folder.</summary>
    public string OutputDir => outputDir;

    /// <summary>The world tick the run ends at.</summary>
    public long EndTick => endTick;

    /// <summary>The recorders, in scenario order.</summary>
    public IReadOnlyList<IRecorder> Recorders => recorders;

    /// <summary>Creates the world of <paramref name="scenario"/>, its populations, network, held inputs and recorders.</summary>
    /// <exception cref="ScenarioException">A reference to a port or range is invalid (nothing has run).</exception>
    public static ScenarioRunner Start(Scenario scenario, RunOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.Ticks is < 0)
            throw new CliUsageException($"--ticks must be >= 0 (got {overrides.Ticks}).");
        string outputDir = Path.GetFullPath(overrides.OutputDir ?? scenario.Output.Dir);
        var world = Pipeline.CreateWorld(scenario.Run.Seed!.Value);
        var recorders = new List<IRecorder>();
        try
        {
            SetThreads(world, overrides.Threads ?? scenario.Run.Threads);
            Populate(world, scenario);
            Directory.CreateDirectory(outputDir);
            foreach (var entry in scenario.Recordings)
                recorders.Add(RecorderFactory.Create(world, entry, outputDir, null));
            string? report = overrides.ReportPath is { } given ? Path.GetFullPath(given)
                : scenario.Report is { } name ? Path.Combine(outputDir, name) : null;
            return new ScenarioRunner(world, scenario, [.. recorders], outputDir, overrides.Ticks ?? scenario.Run.Ticks, report)
            {
                savePath = overrides.SavePath is { } save ? Path.GetFullPath(save) : null,
            };
        }
        catch
        {
            recorders.ForEach(r => r.Dispose());
            world.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Builds what <paramref name="scenario"/> puts into a world — populations, the network
    /// (projections, sources, links, modulators) and held inputs — into <paramref name="world"/>.
    /// This is the scenario's world before its first tick; <see cref="Start"/> runs it.
    /// </summary>
    /// <exception cref="ScenarioException">An entry does not fit the world (the caller disposes it).</exception>
    public static void Populate(World world, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(scenario);
        BuildNetwork(world, scenario);
        foreach (var entry in scenario.Inputs)
            RecorderFactory.ApplyInput(world, entry);
    }

    /// <summary>Continues the run a checkpoint (<c>.gnw</c> with its <c>.run.json</c> sidecar) was written by.</summary>
    public static ScenarioRunner Resume(string checkpointPath, int? threads)
    {
        var state = RunCheckpoint.Load(RunCheckpoint.SidecarOf(checkpointPath));
        var scenario = ScenarioReader.Parse(state.Scenario.ToJsonString());
        var world = WorldFiles.Load(checkpointPath);
        var recorders = new List<IRecorder>();
        try
        {
            if ((long)world.Tick != state.Tick)
                throw new InvalidDataException($"'{checkpointPath}' is at tick {world.Tick}; its sidecar says {state.Tick}.");
            SetThreads(world, threads ?? scenario.Run.Threads);
            foreach (var entry in scenario.Recordings)
            {
                if (!state.Recorders.TryGetValue(entry.Name, out long position))
                    throw new InvalidDataException($"The checkpoint's sidecar has no position for recording '{entry.Name}'.");
                recorders.Add(RecorderFactory.Create(world, entry, state.OutputDir, position));
            }

            return new ScenarioRunner(world, scenario, [.. recorders], state.OutputDir, state.EndTick, state.ReportPath);
        }
        catch
        {
            recorders.ForEach(r => r.Dispose());
            world.Dispose();
            throw;
        }
    }

    /// <summary>Asks the run to stop after the current tick (what SIGINT and SIGTERM do).</summary>
    public void RequestStop() => stopRequested = true;

    /// <summary>Runs to the end tick (or until stopped), then flushes the recordings.</summary>
    /// <param name="progress">Told after every tick; it decides itself when to draw.</param>
    /// <param name="afterTick">
    /// Told the world tick after every tick, after the recordings sampled it and before checkpoints:
    /// a host hook between ticks (a demo's printed lines, or the pool demo's presentation protocol).
    /// What it changes is the host's input, not the scenario's: a run resumed from a checkpoint
    /// without the same hook continues without it.
    /// </param>
    /// <returns>0 when the run reached its end, <see cref="InterruptedExitCode"/> when it was stopped.</returns>
    public int Run(RunProgress? progress = null, Action<long>? afterTick = null)
    {
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        while ((long)world.Tick < endTick)
        {
            if (rankWorld is null)
                world.Step();
            else
                StepRanks();
            long tick = (long)world.Tick;
            foreach (var recorder in recorders)
                if (recorder.Definition.IsDue(tick))
                    recorder.Sample(tick);
            afterTick?.Invoke(tick);
            foreach (var checkpoint in scenario.Checkpoints)
                if (tick % checkpoint.Value.Every == 0 && tick < endTick)
                    WriteCheckpoint(checkpoint.Name, checkpoint.Value.Keep);
            progress?.Update(tick);
            if (StopAgreed() && tick < endTick)
            {
                string path = WriteCheckpoint(scenario.Checkpoints.Count > 0 ? scenario.Checkpoints[0].Name : "interrupt", int.MaxValue);
                progress?.Interrupted(tick, path);
                return InterruptedExitCode;
            }
        }

        foreach (var recorder in recorders)
            recorder.Flush();
        if (rankWorld is not null && !GatherToRankZero())
            return ExitCodes.Success;
        WriteFinalMetrics();
        if (savePath is not null)
            WorldCodec.SaveFile(world, savePath);
        if (reportPath is not null)
            HtmlReport.Write(reportPath, scenario, world, recorders);
        progress?.Finished((long)world.Tick);
        return ExitCodes.Success;
    }

    /// <summary>Writes a checkpoint of the current tick now: <c>NAME-TICK.gnw</c> and its sidecar; keeps the newest <paramref name="keep"/>.</summary>
    /// <returns>The world file's path.</returns>
    public string WriteCheckpoint(string name, int keep)
    {
        foreach (var recorder in recorders)
            recorder.Flush();
        string stem = Path.Combine(outputDir, $"{name}-{world.Tick:D10}{RankSuffix}");
        string worldPath = stem + WorldCodec.Extension;
        WorldCodec.SaveFile(world, worldPath);
        new RunCheckpoint
        {
            Scenario = (System.Text.Json.Nodes.JsonObject)scenario.Defaulted.DeepClone(),
            OutputDir = outputDir,
            Tick = (long)world.Tick,
            EndTick = endTick,
            ReportPath = reportPath,
            Recorders = recorders.ToDictionary(r => r.Name, r => r.Position),
            Ranks = rankWorld?.Channel.Size ?? 0,
        }.Save(RunCheckpoint.SidecarOf(worldPath));
        var old = Directory.GetFiles(outputDir, $"{name}-??????????{RankSuffix}{WorldCodec.Extension}").Order(StringComparer.Ordinal).ToArray();
        foreach (string file in old.Take(Math.Max(0, old.Length - keep)))
        {
            File.Delete(file);
            File.Delete(RunCheckpoint.SidecarOf(file));
        }

        return worldPath;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var recorder in recorders)
            recorder.Dispose();
        world.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        RequestStop();
    }

    private void WriteFinalMetrics()
    {
        var text = new System.Text.StringBuilder("population,metric,value\n");
        foreach (var population in ModelFamilies.Catalog.Populations(world))
        {
            var values = new double[population.MetricNames.Count];
            population.ReadMetrics(values);
            for (int i = 0; i < values.Length; i++)
                text.Append(FormattableString.Invariant($"{population.Name},{population.MetricNames[i]},{values[i]:R}\n"));
        }

        File.WriteAllText(Path.Combine(outputDir, FinalMetricsStem + ".csv"), text.ToString());
    }

    private static void BuildNetwork(World world, Scenario scenario) => BuildPlan(() => ScenarioNetwork.Plan(scenario).Build(world));

    /// <summary>Builds a scenario's plan; a failing item becomes a <see cref="ScenarioException"/> at its JSON path.</summary>
    private static T BuildPlan<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (PlanItemException error) when (error.InnerException is Engine.Models.ModelConfigException config)
        {
            throw new ScenarioException($"{error.Label}.{config.Field}", config.Message);
        }
        catch (PlanItemException error)
        {
            throw new ScenarioException(error.Label, error.InnerException!.Message);
        }
    }

    private static void BuildPlan(Action build) => BuildPlan(() =>
    {
        build();
        return 0;
    });

    private static void SetThreads(World world, int threads)
    {
        if (threads < 0)
            throw new CliUsageException($"--threads must be >= 1 (got {threads}).");
        if (threads > 0)
            world.SetThreadCount(threads);
    }
}
