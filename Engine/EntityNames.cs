namespace GrowNet.Ecs.Engine;

/// <summary>
/// Optional names of entities (a pool's name, a region's name). Kept beside the tables because
/// strings are not blittable; names of destroyed entities are forgotten when looked up.
/// </summary>
public sealed class EntityNames
{
    private readonly World world;
    private readonly Dictionary<Entity, string> names = new();

    internal EntityNames(World world) => this.world = world;

    /// <summary>Sets (or replaces) the name of a live entity.</summary>
    public void Set(Entity entity, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!world.IsAlive(entity))
            throw new InvalidOperationException($"{entity} is not alive; it cannot be named.");
        names[entity] = name;
    }

    /// <summary>The name of <paramref name="entity"/>, or the empty string.</summary>
    public string Get(Entity entity)
    {
        if (names.TryGetValue(entity, out var name))
        {
            if (world.IsAlive(entity))
                return name;
            names.Remove(entity);
        }

        return string.Empty;
    }

    /// <summary>Live named entities in handle order (deterministic).</summary>
    public IEnumerable<(Entity Entity, string Name)> All()
        => names.Where(pair => world.IsAlive(pair.Key))
            .OrderBy(pair => pair.Key.Index)
            .Select(pair => (pair.Key, pair.Value));
}
