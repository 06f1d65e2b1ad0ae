namespace GrowNet.Ecs.Engine;

/// <summary>Enumerator of <see cref="Query"/>: yields non-empty matching tables in creation order.</summary>
public ref struct QueryEnumerator
{
    private readonly World world;
    private readonly ComponentSet all;
    private int index;
    private bool disposed;

    internal QueryEnumerator(World world, ComponentSet all)
    {
        this.world = world;
        this.all = all;
        index = -1;
        disposed = false;
        world.EnterIteration();
    }

    /// <summary>The current table.</summary>
    public readonly Table Current => world.ArchetypeAt(index);

    /// <summary>Advances to the next matching, non-empty table.</summary>
    public bool MoveNext()
    {
        while (++index < world.ArchetypeCount)
        {
            var table = world.ArchetypeAt(index);
            if (table.Count > 0 && table.Set.IsSupersetOf(all))
                return true;
        }

        return false;
    }

    /// <summary>Ends the enumeration and releases the structural lock.</summary>
    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        world.ExitIteration();
    }
}
