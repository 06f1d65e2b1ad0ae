using BenchmarkDotNet.Attributes;

namespace GrowNet.Ecs.Perf.Serialization;

/// <summary>
/// Save and load of a large world to and from memory (issue 5 goal: ≥ 1 GB/s each way), on
/// <see cref="WorldCodecWorkload"/>: one standard pool of 65 536 cells; <see cref="Density"/> 0.02
/// gives ~86 M synapses (~690 MB), 0.003 ~12.9 M synapses (~106 MB). Throughput = file bytes / time.
/// </summary>
[MemoryDiagnoser]
public class WorldCodecBenchmarks
{
    private WorldCodecWorkload workload = null!;

    /// <summary>Pair density of the standard pool.</summary>
    [Params(0.003, 0.02)]
    public double Density { get; set; }

    /// <summary>Builds the world and one saved copy of it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        workload = WorldCodecWorkload.Create(65536, Density);
        Console.WriteLine($"// world file: {workload.File.Length / 1e6:F1} MB, {workload.Pool.SynapseCount} synapses");
    }

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void Cleanup() => workload.Dispose();

    /// <summary>Save into a pre-sized memory stream.</summary>
    [Benchmark]
    public long Save() => workload.Save();

    /// <summary>Load from memory into a new world.</summary>
    [Benchmark]
    public int Load() => workload.Load();
}
