namespace GrowNet.Ecs.Engine;

/// <summary>
/// An entity component: an unmanaged struct with a declared stable name. The name, not the CLR
/// type name, is what a world file stores, so moving or renaming the struct never breaks a saved
/// world.
/// </summary>
public interface IComponent
{
    /// <summary>The component's stable name (e.g. <c>pool.state</c>); unique among all columns.</summary>
    static abstract string StableName { get; }
}
