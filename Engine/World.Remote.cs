namespace GrowNet.Ecs.Engine;

public sealed partial class World
{
    // Generation of each entity slot marked remote (0 = local), so a reused slot is local again.
    private int[] remoteGenerations = [];
    private int remoteCount;

    /// <summary>
    /// Changes whenever an entity is marked remote or local, so systems that cache lists of
    /// entities can tell when to rebuild them.
    /// </summary>
    public int RemoteVersion { get; private set; }

    /// <summary>Whether any entity is marked remote (a destroyed one counts until its mark is cleared).</summary>
    public bool HasRemoteEntities => remoteCount > 0;

    /// <summary>
    /// Marks a live entity as remote: another process (an MPI rank, docs/distributed.md) owns its
    /// state, and systems that honour the mark skip it. Runtime placement, like the thread count:
    /// it is not world state and is not saved.
    /// </summary>
    public void SetRemote(Entity entity, bool remote)
    {
        ThrowIfNotAlive(entity);
        ThrowIfIterating();
        if (remoteGenerations.Length <= entity.Index)
            Array.Resize(ref remoteGenerations, Math.Max(entity.Index + 1, remoteGenerations.Length * 2));
        bool was = remoteGenerations[entity.Index] == entity.Generation;
        if (was == remote)
            return;
        remoteGenerations[entity.Index] = remote ? entity.Generation : 0;
        remoteCount += remote ? 1 : -1;
        RemoteVersion++;
    }

    /// <summary>Whether <paramref name="entity"/> is marked remote (see <see cref="SetRemote"/>).</summary>
    public bool IsRemote(Entity entity)
        => remoteCount > 0 && (uint)entity.Index < (uint)remoteGenerations.Length
           && remoteGenerations[entity.Index] == entity.Generation && IsAlive(entity);
}
