using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems.Graph;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Systems.Region;
using GrowNet.Ecs.Systems.Topology;

namespace GrowNet.Ecs.Distributed.Network;

/// <summary>
/// Placement (docs/distributed.md): the rank each population lives on. A population of any family
/// may be placed on any rank, except a region that can add layers during a tick (layer growth or a
/// growth policy): it creates entities, and entity handles must agree on every rank, so it stays on
/// rank 0, the rank whose world becomes the whole one. Populations without an explicit rank are
/// placed by size (<see cref="Weight"/>): largest first (ties in creation order), each on the rank
/// with the least weight so far (ties: the lowest rank), counting the explicitly placed ones first.
/// Sources and network objects are not placed here: each runs on the rank of the population it
/// writes (a projection on its target's).
/// </summary>
public sealed class PopulationRanks
{
    private readonly Dictionary<string, int> ranks;

    private PopulationRanks(Dictionary<string, int> ranks, int size)
    {
        this.ranks = ranks;
        Size = size;
    }

    /// <summary>Number of ranks.</summary>
    public int Size { get; }

    /// <summary>Every placed population and its rank.</summary>
    public IReadOnlyDictionary<string, int> Ranks => ranks;

    /// <summary>The rank of population <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No population of that name was placed.</exception>
    public int RankOf(string name)
        => ranks.TryGetValue(name, out int rank) ? rank : throw new KeyNotFoundException($"No population '{name}' is placed.");

    /// <summary>Places <paramref name="populations"/> (in creation order) on <paramref name="size"/> ranks.</summary>
    /// <param name="populations">Every population of the network, in creation order.</param>
    /// <param name="size">Number of ranks.</param>
    /// <param name="explicitRanks">A scenario's <c>placement</c> map (population → rank), or null.</param>
    /// <exception cref="ModelConfigException">A placement names an unknown population, a rank outside 0..size − 1, or puts a region that adds layers off rank 0 (field <c>placement.NAME</c>).</exception>
    public static PopulationRanks Assign(IEnumerable<(string Name, IPopulationDefinition Definition)> populations, int size,
        IReadOnlyDictionary<string, int>? explicitRanks = null)
    {
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var list = populations.ToList();
        var known = list.ToDictionary(p => p.Name, p => p.Definition, StringComparer.Ordinal);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var load = new long[size];
        foreach (var (name, rank) in explicitRanks ?? new Dictionary<string, int>())
        {
            string field = $"placement.{name}";
            if (!known.TryGetValue(name, out var definition))
                throw new ModelConfigException(field, $"no population '{name}' (sources run on their target's rank and are not placed).");
            if (rank < 0 || rank >= size)
                throw new ModelConfigException(field, $"rank {rank} is outside 0..{size - 1} ({size} ranks).");
            if (AddsEntities(definition) && rank != 0)
                throw new ModelConfigException(field, $"'{name}' is a region that can add layers during a tick (layer growth or a growth policy); "
                    + "the new layer and tract entities must have the same handles on every rank, so it stays on rank 0.");
            result[name] = rank;
            load[rank] += Weight(definition);
        }

        var unplaced = list.Select((p, order) => (p.Name, p.Definition, Order: order)).Where(p => !result.ContainsKey(p.Name))
            .OrderByDescending(p => Weight(p.Definition)).ThenBy(p => p.Order);
        foreach (var (name, definition, _) in unplaced)
        {
            int rank = 0;
            if (!AddsEntities(definition))
            {
                for (int r = 1; r < size; r++)
                    if (load[r] < load[rank])
                        rank = r;
            }

            result[name] = rank;
            load[rank] += Weight(definition);
        }

        return new PopulationRanks(result, size);
    }

    /// <summary>
    /// Placement weight, the units that tick: a pool's cells, a region's neurons and pixels, a
    /// topology block's vertices, a graph block's Input and Hidden nodes.
    /// </summary>
    public static long Weight(IPopulationDefinition definition) => definition switch
    {
        PoolDefinition pool => pool.Cells,
        RegionDefinition region => region.Layers.Sum(l => l.Kind == LayerKind.Standard ? (long)l.Excitatory + l.Inhibitory + l.Modulatory : (long)l.Height * l.Width),
        TopologyDefinition topology => topology.Vertices,
        GraphDefinition graph => (long)graph.Config.Channels + graph.Config.Hidden,
        _ => 1,
    };

    /// <summary>Whether a population of <paramref name="definition"/> can create entities during a tick (a region adding layers).</summary>
    private static bool AddsEntities(IPopulationDefinition definition)
        => definition is RegionDefinition region && (region.Config.Growth.Enabled || region.Layers.Any(l => l.Slots.LayerGrowthEnabled));
}
