using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Systems.Topology;

namespace GrowNet.Ecs.Distributed.Network;

/// <summary>
/// A whole network as a description (populations, projections, sources, links, modulators in
/// creation order) that every rank builds in the same order, so entity and table handles agree on
/// every rank. <see cref="Build(World)"/> builds it all (one process); <see cref="Build(World, PopulationRanks, int)"/>
/// builds the populations and projections of other ranks as shells: a remote pool is created with
/// its cells but no synapses, a remote topology block without edges, a remote projection with no
/// synapses. Everything else is built whole.
/// </summary>
public sealed class NetworkPlan
{
    private readonly List<Item> items = new();

    /// <summary>The populations in creation order (name and definition).</summary>
    public IEnumerable<(string Name, IPopulationDefinition Definition)> Populations
        => items.Where(i => i.Kind == ItemKind.Population).Select(i => (i.Name, (IPopulationDefinition)i.Definition));

    /// <summary>Adds a population of any family; <paramref name="label"/> (e.g. a JSON path) names it in a <see cref="PlanItemException"/>.</summary>
    public NetworkPlan AddPopulation(string name, IPopulationDefinition definition, string? label = null)
        => Add(ItemKind.Population, name, definition, null, null, label);

    /// <summary>Adds a projection from pool <paramref name="from"/> to pool <paramref name="to"/>.</summary>
    public NetworkPlan Connect(string name, string from, string to, ProjectionDefinition definition, string? label = null)
        => Add(ItemKind.Projection, name, definition, from, to, label);

    /// <summary>Adds a source.</summary>
    public NetworkPlan AddSource(string name, SourceDefinition definition, string? label = null)
        => Add(ItemKind.Source, name, definition, null, null, label);

    /// <summary>Adds a link.</summary>
    public NetworkPlan Link(LinkDefinition definition, string? label = null) => Add(ItemKind.Link, "", definition, null, null, label);

    /// <summary>Adds a modulator.</summary>
    public NetworkPlan AddModulator(ModulatorDefinition definition, string? label = null) => Add(ItemKind.Modulator, "", definition, null, null, label);

    /// <summary>Builds the whole network into <paramref name="world"/> (one process).</summary>
    public void Build(World world) => Build(world, null, 0);

    /// <summary>
    /// Builds the network for rank <paramref name="rank"/>: populations placed on other ranks and
    /// projections into them become shells (same entities, tables and handles; less state).
    /// </summary>
    public void Build(World world, PopulationRanks? ranks, int rank)
    {
        ArgumentNullException.ThrowIfNull(world);
        foreach (var item in items)
        {
            try
            {
                if (item.Label is not null)
                    CheckPorts(world, item);
                BuildItem(world, ranks, rank, item);
            }
            catch (Exception error) when (item.Label is not null && error is ModelConfigException or ArgumentException or KeyNotFoundException)
            {
                throw new PlanItemException(item.Label, error);
            }
        }
    }

    private static void BuildItem(World world, PopulationRanks? ranks, int rank, Item item)
    {
        switch (item.Kind)
        {
            case ItemKind.Population:
                var definition = (IPopulationDefinition)item.Definition;
                if (ranks is not null && ranks.RankOf(item.Name) != rank)
                    definition = Shell(definition);
                ModelFamilies.Catalog.Create(world, item.Name, definition);
                break;
            case ItemKind.Projection:
                var projection = (ProjectionDefinition)item.Definition;
                if (ranks is not null && ranks.RankOf(item.To!) != rank)
                    projection = projection with { Generator = ProjectionGenerator.Empty, Synapses = [] };
                NetworkBuilder.Connect(world, item.Name, item.From!, item.To!, projection);
                break;
            case ItemKind.Source:
                NetworkBuilder.AddSource(world, item.Name, (SourceDefinition)item.Definition);
                break;
            case ItemKind.Link:
                NetworkBuilder.Link(world, (LinkDefinition)item.Definition);
                break;
            default:
                NetworkBuilder.AddModulator(world, (ModulatorDefinition)item.Definition);
                break;
        }
    }

    /// <summary>
    /// What another rank's population is built as here: the same entities, tables and ports, with
    /// as little state as the family allows — a pool without synapses, a topology block without
    /// edges. Regions and graph blocks are built whole (their structure is their entities and
    /// tables). The gather writes the owner's state over the shell (<see cref="WorldGather"/>).
    /// </summary>
    private static IPopulationDefinition Shell(IPopulationDefinition definition) => definition switch
    {
        PoolDefinition pool => pool with { Generator = PoolGenerator.Empty },
        TopologyDefinition topology => topology with { Skeleton = TopologySkeleton.Empty, Edges = [], InitialDensity = 0 },
        _ => definition,
    };

    /// <summary>
    /// Resolves a labelled item's port addresses one by one before it is built, so an unknown port,
    /// a wrong direction or a range outside the port names the field (<c>label.from</c>,
    /// <c>label.terms[1].a</c>) rather than the whole item.
    /// </summary>
    private static void CheckPorts(World world, Item item)
    {
        switch (item.Definition)
        {
            case SourceDefinition source:
                CheckPort(world, source.Target, PortDirection.Input, item.Label + ".target");
                break;
            case LinkDefinition link:
                CheckPort(world, link.From, PortDirection.Output, item.Label + ".from");
                CheckPort(world, link.To, PortDirection.Input, item.Label + ".to");
                break;
            case ModulatorDefinition modulator:
                if (modulator.Action == ModulatorAction.WritePort)
                    CheckPort(world, modulator.Target, PortDirection.Input, item.Label + ".target");
                for (int i = 0; i < modulator.Terms.Count; i++)
                {
                    CheckPort(world, modulator.Terms[i].A, null, $"{item.Label}.terms[{i}].a");
                    if (modulator.Terms[i].B is { } b)
                        CheckPort(world, b, null, $"{item.Label}.terms[{i}].b");
                }

                break;
        }
    }

    private static void CheckPort(World world, string? address, PortDirection? direction, string label)
    {
        if (address is null)
            return; // the definition's own validation names a missing address
        try
        {
            PortResolver.Resolve(world, address, direction, label);
        }
        catch (ArgumentException error)
        {
            throw new PlanItemException(label, new ArgumentException(WithoutItemPrefix(error.Message, label), error));
        }
    }

    /// <summary>The resolver's message without the item prefix it puts in front and without .NET's "(Parameter …)" suffix.</summary>
    private static string WithoutItemPrefix(string message, string label)
    {
        int cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        message = cut >= 0 ? message[..cut] : message;
        return message.StartsWith(label, StringComparison.Ordinal) ? message[label.Length..].TrimStart(':', ' ') : message;
    }

    private NetworkPlan Add(ItemKind kind, string name, object definition, string? from, string? to, string? label)
    {
        ArgumentNullException.ThrowIfNull(definition);
        items.Add(new Item(kind, name, definition, from, to, label));
        return this;
    }

    private enum ItemKind
    {
        Population,
        Projection,
        Source,
        Link,
        Modulator,
    }

    private sealed record Item(ItemKind Kind, string Name, object Definition, string? From, string? To, string? Label);
}
