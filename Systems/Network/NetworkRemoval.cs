using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>Removing populations and the network objects that depend on them.</summary>
internal static class NetworkRemoval
{
    /// <summary>Destroys every projection, link, source and modulator that refers to a destroyed entity; returns how many.</summary>
    public static int RemoveOrphans(World world)
    {
        var doomed = new List<Entity>();
        Scan<ProjectionState>(world, doomed, (w, e) => [w.Get<ProjectionState>(e).Source, w.Get<ProjectionState>(e).Target]);
        Scan<LinkState>(world, doomed, (w, e) => [w.Get<LinkState>(e).From.Population, w.Get<LinkState>(e).To.Population]);
        Scan<SourceState>(world, doomed, (w, e) => [w.Get<SourceState>(e).To.Population]);
        Scan<ModulatorState>(world, doomed, (w, e) => ModulatorReferences(w, e).ToArray());
        foreach (var entity in doomed)
            if (world.IsAlive(entity))
                world.Destroy(entity);
        if (doomed.Count > 0)
            NetworkRegistry.Bump(world);
        return doomed.Count;
    }

    /// <summary>The entities a modulator refers to: its target or port population and every term's populations.</summary>
    public static IEnumerable<Entity> ModulatorReferences(World world, Entity modulator)
    {
        var state = world.Get<ModulatorState>(modulator);
        var references = new List<Entity> { state.Action == ModulatorAction.WritePort ? state.Port.Population : state.Target };
        foreach (var term in world.GetTable(state.Terms).Span(NetworkColumns.Terms))
        {
            references.Add(term.A.Population);
            if ((term.Flags & ModulatorTerm.HasSecondFactor) != 0)
                references.Add(term.B.Population);
        }

        return references;
    }

    private static void Scan<T>(World world, List<Entity> doomed, Func<World, Entity, Entity[]> references) where T : unmanaged, IComponent
    {
        var entities = new List<Entity>();
        foreach (var table in world.Query(ComponentSet.Of<T>()))
            foreach (var entity in table.Entities)
                entities.Add(entity);
        foreach (var entity in entities)
            if (references(world, entity).Any(r => !world.IsAlive(r)))
                doomed.Add(entity);
    }
}
