using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>Names of network objects: projections and sources share the namespace of populations (modulators address them by name).</summary>
internal static class NetworkNames
{
    /// <summary>Throws when a population or a projection already has <paramref name="name"/>.</summary>
    public static void ThrowIfTaken(World world, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('/'))
            throw new ArgumentException($"Name '{name}' contains '/', which separates a population from its port in addresses.", nameof(name));
        if (ModelFamilies.Catalog.Find(world, name) != null)
            throw new ArgumentException($"A population named '{name}' exists already.", nameof(name));
        foreach (var table in world.Query(ComponentSet.Of<ProjectionState>()))
            foreach (var entity in table.Entities)
                if (string.Equals(world.Names.Get(entity), name, StringComparison.Ordinal))
                    throw new ArgumentException($"A projection named '{name}' exists already.", nameof(name));
    }
}
