using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// What the network systems of one world share: the network objects in creation order and the
/// population handles they address, rebuilt only when the network's version changes (an object
/// added or removed), so a tick allocates nothing. Objects whose population was destroyed are
/// removed here, before the tick uses them (network.md: a removed pool removes its projections).
/// Objects marked remote (<see cref="World.SetRemote"/>) are left out: another rank runs them.
/// </summary>
internal sealed class NetworkRuntime
{
    private World? world;
    private uint version;
    private int remoteVersion;
    private readonly Dictionary<Entity, Population> populations = new();
    private readonly List<Entity> referenced = new();

    /// <summary>Projections in creation order.</summary>
    public List<Entity> Projections { get; } = new();

    /// <summary>Projection handles, parallel to <see cref="Projections"/>.</summary>
    public List<Projection> ProjectionHandles { get; } = new();

    /// <summary>Links in creation order.</summary>
    public List<Entity> Links { get; } = new();

    /// <summary>Sources in creation order.</summary>
    public List<Entity> Sources { get; } = new();

    /// <summary>Modulators in creation order.</summary>
    public List<Entity> Modulators { get; } = new();

    /// <summary>Brings the lists up to date with <paramref name="current"/>.</summary>
    public void Refresh(World current)
    {
        uint now = NetworkRegistry.Version(current);
        if (ReferenceEquals(current, world) && now == version && current.RemoteVersion == remoteVersion && AllAlive(current))
            return;
        if (NetworkRemoval.RemoveOrphans(current) > 0)
            now = NetworkRegistry.Version(current);
        Rebuild(current);
        world = current;
        version = now;
        remoteVersion = current.RemoteVersion;
    }

    /// <summary>The handle of projection <paramref name="entity"/>, when it is one.</summary>
    public bool TryProjection(Entity entity, out Projection projection)
    {
        for (int i = 0; i < Projections.Count; i++)
        {
            if (Projections[i] == entity)
            {
                projection = ProjectionHandles[i];
                return true;
            }
        }

        projection = null!;
        return false;
    }

    /// <summary>The population behind <paramref name="entity"/> (it was checked alive by <see cref="Refresh"/>).</summary>
    public Population Population(Entity entity) => populations[entity];

    private bool AllAlive(World current)
    {
        foreach (var entity in referenced)
            if (!current.IsAlive(entity))
                return false;
        return true;
    }

    private void Rebuild(World current)
    {
        populations.Clear();
        referenced.Clear();
        foreach (var population in ModelFamilies.Catalog.Populations(current))
            populations[population.Entity] = population;
        Collect<ProjectionState>(current, Projections, (in ProjectionState s) => s.Order);
        Collect<LinkState>(current, Links, (in LinkState s) => s.Order);
        Collect<SourceState>(current, Sources, (in SourceState s) => s.Order);
        Collect<ModulatorState>(current, Modulators, (in ModulatorState s) => s.Order);
        ProjectionHandles.Clear();
        foreach (var entity in Projections)
        {
            ProjectionHandles.Add(new Projection(current, entity));
            ref readonly var state = ref current.Get<ProjectionState>(entity);
            referenced.Add(state.Source);
            referenced.Add(state.Target);
        }

        foreach (var entity in Links)
        {
            referenced.Add(current.Get<LinkState>(entity).From.Population);
            referenced.Add(current.Get<LinkState>(entity).To.Population);
        }

        foreach (var entity in Sources)
            referenced.Add(current.Get<SourceState>(entity).To.Population);
        foreach (var entity in Modulators)
            referenced.AddRange(NetworkRemoval.ModulatorReferences(current, entity));
    }

    private delegate ulong OrderOf<T>(in T state);

    private static void Collect<T>(World current, List<Entity> into, OrderOf<T> order) where T : unmanaged, IComponent
    {
        var found = new List<(ulong Order, Entity Entity)>();
        foreach (var table in current.Query(ComponentSet.Of<T>()))
        {
            var states = table.Span<T>();
            for (int row = 0; row < table.Count; row++)
            {
                // Objects another rank runs (docs/distributed.md) are not this world's to run.
                if (!current.IsRemote(table.Entities[row]))
                    found.Add((order(states[row]), table.Entities[row]));
            }
        }

        found.Sort((a, b) => a.Order.CompareTo(b.Order));
        into.Clear();
        foreach (var (_, entity) in found)
            into.Add(entity);
    }
}
