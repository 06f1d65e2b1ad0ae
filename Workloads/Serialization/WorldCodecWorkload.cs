using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Workloads.Serialization;

/// <summary>
/// Save and load of a world to and from memory: one standard pool (world seed 7) ticked 20 times
/// with cells 0..1999 driven, saved once into <see cref="File"/>. <see cref="Save"/> writes into a
/// pre-sized <see cref="MemoryStream"/>; <see cref="Load"/> reads the file into a new world
/// (including the structural and pool invariant checks) and releases it.
/// </summary>
public sealed class WorldCodecWorkload : IDisposable
{
    private readonly World world;
    private readonly MemoryStream saveTarget;

    private WorldCodecWorkload(World world, NeuronPool pool, byte[] file)
    {
        this.world = world;
        Pool = pool;
        File = file;
        saveTarget = new MemoryStream(file.Length);
    }

    /// <summary>The saved world's pool.</summary>
    public NeuronPool Pool { get; }

    /// <summary>The world file, as saved after set-up.</summary>
    public byte[] File { get; }

    /// <summary>Builds the world (a standard pool of <paramref name="cells"/> cells at pair density <paramref name="density"/>) and one saved copy.</summary>
    public static WorldCodecWorkload Create(int cells, double density)
    {
        var world = Pipeline.CreateWorld(seed: 7);
        var pool = NeuronPool.Create(world, "big", PoolDefinition.Standard(cells, density, PoolConfig.Default));
        pool.SetInputRange(0, Math.Min(2000, cells), 10000);
        for (int t = 0; t < 20; t++)
            world.Step();
        return new WorldCodecWorkload(world, pool, WorldCodec.ToBytes(world));
    }

    /// <summary>Saves the world into the pre-sized memory stream; returns the bytes written.</summary>
    public long Save()
    {
        saveTarget.Position = 0;
        WorldCodec.Save(world, saveTarget);
        return saveTarget.Position;
    }

    /// <summary>Loads <see cref="File"/> into a new world and releases it; returns its entity count.</summary>
    public int Load()
    {
        using var loaded = WorldCodec.Load(new MemoryStream(File, writable: false));
        return loaded.EntityCount;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        world.Dispose();
        saveTarget.Dispose();
    }
}
