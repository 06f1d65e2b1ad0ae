namespace GrowNet.Ecs.Engine;

/// <summary>
/// A stable handle to an entity: an index into the world's entity slots plus the generation
/// the slot had when the entity was created. A handle whose entity was destroyed is stale:
/// its generation no longer matches, and <see cref="World.IsAlive(Entity)"/> reports it.
/// </summary>
public readonly record struct Entity(int Index, int Generation)
{
    /// <summary>The null handle (never alive).</summary>
    public static Entity Null => default;

    /// <summary>True for the null handle. Live entities have generation ≥ 1.</summary>
    public bool IsNull => Generation == 0;

    /// <inheritdoc />
    public override string ToString() => IsNull ? "Entity(null)" : $"Entity({Index}v{Generation})";
}
