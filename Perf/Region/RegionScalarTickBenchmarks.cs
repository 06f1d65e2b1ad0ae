using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Region;

namespace GrowNet.Ecs.Perf.Region;

/// <summary>
/// Scalar region tick: one layer of 512 E, 64 I and 16 M slot neurons bound to a port, fed a
/// uniform random value per tick (from the world's counter-based random, drawn outside the
/// measured call). One invocation is one <c>Region.Tick</c> (stage + <see cref="World.Step"/>).
/// Goal: ≤ 20 µs per tick (≥ 50 000 ticks/s), 0 bytes per tick.
/// </summary>
[MemoryDiagnoser]
public class RegionScalarTickBenchmarks
{
    private const int InputRing = 4096;
    private World world = null!;
    private GrowNet.Ecs.Systems.Region.Region region = null!;
    private readonly double[] inputs = new double[InputRing];
    private int next;

    /// <summary>Worker threads (0: one per core).</summary>
    [Params(1, 0)]
    public int Threads { get; set; }

    /// <summary>Builds the layer and runs it into its steady state (every slot bin in use).</summary>
    [GlobalSetup]
    public void Setup()
    {
        world = Pipeline.CreateWorld(seed: 1);
        if (Threads > 0)
            world.SetThreadCount(Threads);
        region = GrowNet.Ecs.Systems.Region.Region.Create(world, "scalar");
        int layer = region.AddLayer(512, 64, 16);
        region.BindInput("in", layer);
        for (int i = 0; i < InputRing; i++)
            inputs[i] = CounterRandom.NextDouble(1, 0x5CA1A5, 0, (ulong)i);
        for (int t = 0; t < 20_000; t++)
            Tick();
    }

    /// <summary>Releases the world's workers.</summary>
    [GlobalCleanup]
    public void Cleanup() => world.Dispose();

    /// <summary>One region tick.</summary>
    [Benchmark(Description = "Region.Tick (512/64/16)")]
    public long Tick()
    {
        double value = inputs[next];
        next = (next + 1) & (InputRing - 1);
        return region.Tick("in", value).TotalSlots;
    }
}
