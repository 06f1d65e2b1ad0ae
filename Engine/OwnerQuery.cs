namespace GrowNet.Ecs.Engine;

/// <summary>
/// Enumerates the archetype tables holding a component set for systems that change the
/// population tables their entities own (resize, add rows, exchange arrays) while they walk the
/// owners: unlike <see cref="Query"/>, population-table changes are allowed, and a change to an
/// enumerated archetype table itself (an entity created, destroyed or moved) throws at the next
/// step. Allocation-free: <c>foreach (Table owners in world.QueryOwners(set)) { … }</c>.
/// </summary>
public readonly ref struct OwnerQuery
{
    private readonly World world;
    private readonly ComponentSet all;

    internal OwnerQuery(World world, in ComponentSet all)
    {
        this.world = world;
        this.all = all;
    }

    /// <summary>The enumerator.</summary>
    public OwnerQueryEnumerator GetEnumerator() => new(world, all);
}
