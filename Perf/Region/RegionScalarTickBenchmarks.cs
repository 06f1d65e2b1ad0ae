using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Region;

namespace GrowNet.Ecs.Perf.Region;

/// <summary>
/// Scalar region tick: one layer of 512 E, 64 I and 16 M slot neurons bound to a port, fed a
/// uniform random value per tick (from the world's counter-based random, drawn outside the
/// measured call). One invocation is one <c>SetInput</c> + <see cref="World.Step"/>.
/// Goal: ≤ 20 µs per tick (≥ 50 000 ticks/s), 0 bytes per tick.
/// </summary>
public class RegionScalarTickBenchmarks : RegionBenchmarkBase
{
    private const int InputRing = 4096;
    private readonly double[] inputs = new double[InputRing];
    private int next;

    /// <summary>Builds the layer and runs it into its steady state (every slot bin in use).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var region = CreateRegion("scalar");
        int layer = region.AddLayer(512, 64, 16);
        region.BindInput("in", layer);
        for (int i = 0; i < InputRing; i++)
            inputs[i] = CounterRandom.NextDouble(1, 0x5CA1A5, 0, (ulong)i);
        for (int t = 0; t < 20_000; t++)
            Tick();
    }

    /// <summary>One region tick.</summary>
    [Benchmark(Description = "Region.Tick (512/64/16)")]
    public long Tick()
    {
        double value = inputs[next];
        next = (next + 1) & (InputRing - 1);
        Region.SetInput("in", value);
        Region.World.Step();
        return Region.Metrics.TotalSlots;
    }
}
