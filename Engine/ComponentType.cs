namespace GrowNet.Ecs.Engine;

/// <summary>
/// The column key of an entity component type. Components are unmanaged structs, so every
/// table can be copied, grown and serialized as raw bytes.
/// </summary>
/// <typeparam name="T">The component struct.</typeparam>
public static class ComponentType<T> where T : unmanaged, IComponent
{
    /// <summary>The key, named by the component's <see cref="IComponent.StableName"/>.</summary>
    public static readonly ColumnKey<T> Key = new(T.StableName);

    /// <summary>Shortcut for <c>Key.Id</c>.</summary>
    public static int Id => Key.Id;
}
