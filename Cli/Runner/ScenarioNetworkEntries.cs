using GrowNet.Ecs.Systems.Network;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>The network maps of a scenario, each in file order (docs/scenarios.md, "Networks").</summary>
public sealed class ScenarioNetworkEntries
{
    /// <summary>Projections between pools, created first.</summary>
    public List<ScenarioEntry<ProjectionEntry>> Projections { get; } = [];

    /// <summary>Sources (populations of the <c>source</c> family), created after the projections.</summary>
    public List<ScenarioEntry<SourceDefinition>> Sources { get; } = [];

    /// <summary>Links, created after the sources.</summary>
    public List<ScenarioEntry<LinkDefinition>> Links { get; } = [];

    /// <summary>Modulators, created last.</summary>
    public List<ScenarioEntry<ModulatorDefinition>> Modulators { get; } = [];
}
