namespace GrowNet.Ecs.Engine;

public sealed partial class World
{
    /// <summary>
    /// The archetype tables holding <paramref name="all"/>, for systems that change the population
    /// tables their entities own while walking them (<see cref="OwnerQuery"/>).
    /// </summary>
    public OwnerQuery QueryOwners(in ComponentSet all) => new(this, all);
}
