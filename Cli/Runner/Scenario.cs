using System.Text.Json.Nodes;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// A validated scenario (docs/scenarios.md): populations made from their families' config records,
/// the network (projections, sources, links, modulators), held inputs, recordings and checkpoints, the run settings and the output folder. Every entry of
/// every map is in file order, which is creation order.
/// </summary>
public sealed class Scenario
{
    /// <summary>The scenario format version this build reads.</summary>
    public const int CurrentVersion = 1;

    internal Scenario(JsonObject defaulted, RunSettings run, OutputSettings output, string? report,
        IReadOnlyList<ScenarioEntry<IPopulationDefinition>> populations, IReadOnlyList<ScenarioEntry<InputDefinition>> inputs,
        IReadOnlyList<ScenarioEntry<RecordingDefinition>> recordings, IReadOnlyList<ScenarioEntry<CheckpointDefinition>> checkpoints,
        ScenarioNetwork network)
    {
        Network = network;
        Defaulted = defaulted;
        Run = run;
        Output = output;
        Report = report;
        Populations = populations;
        Inputs = inputs;
        Recordings = recordings;
        Checkpoints = checkpoints;
    }

    /// <summary>The whole scenario with every default filled in (what <c>--describe</c> prints and checkpoints store).</summary>
    public JsonObject Defaulted { get; }

    /// <summary>Ticks, seed and threads.</summary>
    public RunSettings Run { get; }

    /// <summary>Output folder and heartbeat interval.</summary>
    public OutputSettings Output { get; }

    /// <summary>The HTML report's file name inside the output folder, or null for none.</summary>
    public string? Report { get; }

    /// <summary>Populations to create, in order.</summary>
    public IReadOnlyList<ScenarioEntry<IPopulationDefinition>> Populations { get; }

    /// <summary>Held inputs written once before the first tick, in order.</summary>
    public IReadOnlyList<ScenarioEntry<InputDefinition>> Inputs { get; }

    /// <summary>Recordings, in order.</summary>
    public IReadOnlyList<ScenarioEntry<RecordingDefinition>> Recordings { get; }

    /// <summary>Checkpoint schedules, in order.</summary>
    public IReadOnlyList<ScenarioEntry<CheckpointDefinition>> Checkpoints { get; }

    /// <summary>Projections, sources, links, modulators (each map in order) and the placement; empty when the file has none.</summary>
    public ScenarioNetwork Network { get; }

    /// <summary>The defaulted scenario as indented JSON.</summary>
    public string ToJson() => Defaulted.ToJsonString(ScenarioJson.Options);
}
