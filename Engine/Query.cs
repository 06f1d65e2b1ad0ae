namespace GrowNet.Ecs.Engine;

/// <summary>
/// Enumerates the archetype tables holding a component set. While an enumeration runs, the
/// world refuses structural changes (they wait until the query ends). Allocation-free:
/// <c>foreach (Table table in world.Query(set)) { var a = table.Span&lt;A&gt;(); … }</c>.
/// </summary>
public readonly ref struct Query
{
    private readonly World world;
    private readonly ComponentSet all;

    internal Query(World world, in ComponentSet all)
    {
        this.world = world;
        this.all = all;
    }

    /// <summary>Number of matching entities right now.</summary>
    public int Count()
    {
        int count = 0;
        for (int i = 0; i < world.ArchetypeCount; i++)
        {
            var table = world.ArchetypeAt(i);
            if (table.Set.IsSupersetOf(all))
                count += table.Count;
        }

        return count;
    }

    /// <summary>The enumerator (locks structural changes until disposed).</summary>
    public QueryEnumerator GetEnumerator() => new(world, all);
}
