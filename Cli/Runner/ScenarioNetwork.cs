using GrowNet.Ecs.Distributed.Network;
using GrowNet.Ecs.Systems.Network;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// A scenario's network objects (network.md) and its placement (docs/distributed.md), each map in
/// file order. They are created after the populations: projections, sources, links, then modulators.
/// </summary>
public sealed class ScenarioNetwork
{
    /// <summary>A scenario without network objects.</summary>
    public static ScenarioNetwork None { get; } = new([], [], [], [], new Dictionary<string, int>());

    internal ScenarioNetwork(IReadOnlyList<ScenarioEntry<ProjectionEntry>> projections, IReadOnlyList<ScenarioEntry<SourceDefinition>> sources,
        IReadOnlyList<ScenarioEntry<LinkDefinition>> links, IReadOnlyList<ScenarioEntry<ModulatorDefinition>> modulators,
        IReadOnlyDictionary<string, int> placement)
    {
        Sources = sources;
        Projections = projections;
        Links = links;
        Modulators = modulators;
        Placement = placement;
    }

    /// <summary>Projections between pools, created first.</summary>
    public IReadOnlyList<ScenarioEntry<ProjectionEntry>> Projections { get; }

    /// <summary>Sources (populations of the network family), created after the projections.</summary>
    public IReadOnlyList<ScenarioEntry<SourceDefinition>> Sources { get; }

    /// <summary>Links (the names only label them in the file).</summary>
    public IReadOnlyList<ScenarioEntry<LinkDefinition>> Links { get; }

    /// <summary>Modulators (the names only label them in the file).</summary>
    public IReadOnlyList<ScenarioEntry<ModulatorDefinition>> Modulators { get; }

    /// <summary>The <c>placement</c> map: population → rank (populations not listed are placed by size).</summary>
    public IReadOnlyDictionary<string, int> Placement { get; }

    /// <summary>The scenario's whole network as a plan whose items are labelled with their JSON paths.</summary>
    public static NetworkPlan Plan(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var plan = new NetworkPlan();
        foreach (var entry in scenario.Populations)
            plan.AddPopulation(entry.Name, entry.Value, entry.Path);
        var network = scenario.Network;
        foreach (var entry in network.Projections)
            plan.Connect(entry.Name, entry.Value.From, entry.Value.To, entry.Value.Definition, entry.Path);
        foreach (var entry in network.Sources)
            plan.AddSource(entry.Name, entry.Value, entry.Path);
        foreach (var entry in network.Links)
            plan.Link(entry.Value, entry.Path);
        foreach (var entry in network.Modulators)
            plan.AddModulator(entry.Value, entry.Path);
        return plan;
    }
}
