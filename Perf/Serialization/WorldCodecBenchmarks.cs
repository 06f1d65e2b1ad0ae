using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Perf.Serialization;

/// <summary>
/// Save and load of a large world to and from memory (issue 5 goal: ≥ 1 GB/s each way).
/// The world is one standard pool of 65 536 cells; <see cref="Density"/> 0.02 gives ~86 M
/// synapses (~690 MB), 0.003 ~12.9 M synapses (~106 MB). Throughput = file bytes / time.
/// </summary>
[MemoryDiagnoser]
public class WorldCodecBenchmarks
{
    private World world = null!;
    private MemoryStream saveTarget = null!;
    private byte[] file = [];

    /// <summary>Pair density of the standard pool.</summary>
    [Params(0.003, 0.02)]
    public double Density { get; set; }

    /// <summary>Builds the world and one saved copy of it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        world = Pipeline.CreateWorld(seed: 7);
        var pool = NeuronPool.Create(world, "big", PoolDefinition.Standard(65536, Density, PoolConfig.Default));
        pool.SetInputRange(0, 2000, 10000);
        for (int t = 0; t < 20; t++)
            world.Step();
        file = WorldCodec.ToBytes(world);
        saveTarget = new MemoryStream(file.Length);
        Console.WriteLine($"// world file: {file.Length / 1e6:F1} MB, {pool.SynapseCount} synapses");
    }

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void Cleanup() => world.Dispose();

    /// <summary>Save into a pre-sized memory stream.</summary>
    [Benchmark]
    public long Save()
    {
        saveTarget.Position = 0;
        WorldCodec.Save(world, saveTarget);
        return saveTarget.Position;
    }

    /// <summary>Load from memory into a new world.</summary>
    [Benchmark]
    public int Load()
    {
        using var loaded = WorldCodec.Load(new MemoryStream(file, writable: false));
        return loaded.EntityCount;
    }
}
