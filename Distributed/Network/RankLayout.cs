using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Distributed.Network;

/// <summary>
/// Who owns what in a world built on every rank, derived from the world itself (so a resumed world
/// gets the same answer): populations from the placement, sources on their target's rank,
/// projections on their target pool's, links on the rank of the population they write, modulators
/// on their target's. And what crosses ranks every tick: the spikes of pools that project to or are
/// read from another rank, traces read from another rank (links, modulator terms, synaptogenesis
/// of a projection whose source is remote), sources' values read from another rank, and the range
/// of any other port a link or modulator term reads from another rank — in ascending entity order,
/// the same list on every rank.
/// </summary>
public sealed class RankLayout
{
    private readonly Dictionary<Entity, int> owners = new();

    /// <summary>Computes the layout of <paramref name="world"/> for <paramref name="ranks"/>.</summary>
    public RankLayout(World world, PopulationRanks ranks)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(ranks);
        Size = ranks.Size;
        var populations = ModelFamilies.Catalog.Populations(world).ToList();
        foreach (var population in populations)
            if (population is not SignalSource)
                owners[population.Entity] = ranks.RankOf(population.Name);
        foreach (var population in populations.OfType<SignalSource>())
            owners[population.Entity] = owners[population.State.To.Population];
        var items = new SortedDictionary<(int Index, ExportKind Kind, int Port), ExportItem>();
        void Export(Entity population, ExportKind kind, int length)
            => items.TryAdd((population.Index, kind, -1), new ExportItem(kind, population, owners[population], length));

        void Read(PortRef port, int reader)
        {
            int owner = owners[port.Population];
            if (owner == reader)
                return;
            var population = populations.First(p => p.Entity == port.Population);
            if (population is NeuronPool pool && port.Port is NeuronPool.SpikesPort or NeuronPool.SpikeCountPort)
                Export(pool.Entity, ExportKind.Spikes, pool.CellCount);
            else if (population is NeuronPool tracePool && port.Port == NeuronPool.TracePort)
                Export(tracePool.Entity, ExportKind.Trace, tracePool.CellCount);
            else if (population is SignalSource source)
                Export(source.Entity, ExportKind.SourceValue, source.Values.Length);
            else
                ExportRange(items, new ExportItem(ExportKind.Port, port.Population, owner, port.Length, port.Port, port.Start));
        }

        foreach (var projection in Projection.All(world))
        {
            int owner = owners[projection.State.Target];
            owners[projection.Entity] = owner;
            if (owners[projection.State.Source] != owner)
                Export(projection.State.Source, ExportKind.Spikes, projection.Source.CellCount);
        }

        foreach (var table in world.Query(ComponentSet.Of<LinkState>()))
        {
            for (int row = 0; row < table.Count; row++)
            {
                var link = table.Span<LinkState>()[row];
                int owner = owners[link.To.Population];
                owners[table.Entities[row]] = owner;
                Read(link.From, owner);
            }
        }

        foreach (var table in world.Query(ComponentSet.Of<ModulatorState>()))
        {
            for (int row = 0; row < table.Count; row++)
            {
                var modulator = table.Span<ModulatorState>()[row];
                var target = modulator.Action == ModulatorAction.WritePort ? modulator.Port.Population : modulator.Target;
                int owner = owners[target];
                owners[table.Entities[row]] = owner;
                foreach (var term in world.GetTable(modulator.Terms).Span(NetworkColumns.Terms))
                {
                    Read(term.A, owner);
                    if ((term.Flags & ModulatorTerm.HasSecondFactor) != 0)
                        Read(term.B, owner);
                }

                // Projection synaptogenesis picks its sources by A's traces.
                if (modulator.Action == ModulatorAction.Synaptogenesis && world.Has<ProjectionState>(modulator.Target))
                {
                    var source = world.Get<ProjectionState>(modulator.Target).Source;
                    if (owners[source] != owner)
                        Export(source, ExportKind.Trace, world.GetTable(world.Get<Components.Pool.PoolState>(source).Cells).Count);
                }
            }
        }

        Exports = items.Values.ToArray();
    }

    /// <summary>Adds a port range read across ranks, widening the range already exported for that port to cover both.</summary>
    private static void ExportRange(SortedDictionary<(int, ExportKind, int), ExportItem> items, ExportItem item)
    {
        var key = (item.Population.Index, ExportKind.Port, item.Port);
        if (items.TryGetValue(key, out var held))
        {
            int start = Math.Min(held.Start, item.Start);
            int end = Math.Max(held.Start + held.Length, item.Start + item.Length);
            item = item with { Start = start, Length = end - start };
        }

        items[key] = item;
    }

    /// <summary>Number of ranks.</summary>
    public int Size { get; }

    /// <summary>What crosses ranks every tick, in ascending entity order (then kind, then port).</summary>
    public IReadOnlyList<ExportItem> Exports { get; }

    /// <summary>Every population and network object with its owning rank.</summary>
    public IReadOnlyDictionary<Entity, int> Owners => owners;

    /// <summary>The rank that owns <paramref name="entity"/>, or −1 for entities every rank holds alike (the network's bookkeeping).</summary>
    public int OwnerOf(Entity entity) => owners.TryGetValue(entity, out int rank) ? rank : -1;

    /// <summary>Marks every entity owned by another rank than <paramref name="rank"/> remote in <paramref name="world"/>, every other one local.</summary>
    public void MarkRemote(World world, int rank)
    {
        foreach (var (entity, owner) in owners)
            world.SetRemote(entity, owner != rank);
    }
}
