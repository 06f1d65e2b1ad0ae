namespace GrowNet.Ecs.Engine;

/// <summary>Enumerator of <see cref="OwnerQuery"/>: yields non-empty matching archetype tables in creation order.</summary>
public ref struct OwnerQueryEnumerator
{
    private readonly World world;
    private readonly ComponentSet all;
    private readonly int archetypes;
    private int index;
    private int version;
    private int count;

    internal OwnerQueryEnumerator(World world, ComponentSet all)
    {
        this.world = world;
        this.all = all;
        archetypes = world.ArchetypeCount;
        index = -1;
        version = 0;
        count = 0;
    }

    /// <summary>The current table (its rows stay where they are until the enumeration moves on).</summary>
    public readonly Table Current => world.ArchetypeAt(index);

    /// <summary>Advances to the next matching, non-empty table.</summary>
    /// <exception cref="InvalidOperationException">The enumerated owners changed (an entity was created, destroyed or moved).</exception>
    public bool MoveNext()
    {
        if (world.ArchetypeCount != archetypes || (index >= 0 && (world.ArchetypeAt(index).Version != version || world.ArchetypeAt(index).Count != count)))
            throw new InvalidOperationException("Entities were created, destroyed or moved while their owners were enumerated.");
        while (++index < archetypes)
        {
            var table = world.ArchetypeAt(index);
            if (table.Count > 0 && table.Set.IsSupersetOf(all))
            {
                version = table.Version;
                count = table.Count;
                return true;
            }
        }

        return false;
    }
}
