namespace GrowNet.Ecs.Engine;

/// <summary>
/// The column key of an entity component type. Components are unmanaged structs, so every
/// table can be copied, grown and serialized as raw bytes.
/// </summary>
/// <typeparam name="T">The component struct.</typeparam>
public static class ComponentType<T> where T : unmanaged
{
    /// <summary>The key, registered under the type's full name.</summary>
    public static readonly ColumnKey<T> Key = ColumnRegistry.Register<T>(typeof(T).FullName ?? typeof(T).Name);

    /// <summary>Shortcut for <c>Key.Id</c>.</summary>
    public static int Id => Key.Id;
}
