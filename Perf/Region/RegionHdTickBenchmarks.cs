using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Perf.Region;

/// <summary>
/// HD tick: one 1920×1080 InputLayer2D bound to a port, an all-ones frame (every pixel fires).
/// One invocation is one <c>SetFrame</c> + <c>World.Step</c>: staging validates the 2 M values and counts the
/// fires in one vectorised pass (the layer has no edges, so its count is the frame's whole
/// effect), then the step. Goal: ≤ 2 ms per tick, 0 bytes per tick.
/// </summary>
public class RegionHdTickBenchmarks : RegionBenchmarkBase
{
    private double[] frame = [];

    /// <summary>Builds the layer.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var region = CreateRegion("hd");
        int input = region.AddInputLayer2D(1080, 1920, 1.0, 0.01);
        region.BindInput2D("camera", input);
        frame = new double[1920 * 1080];
        Array.Fill(frame, 1.0);
        for (int t = 0; t < 10; t++)
            Tick();
    }

    /// <summary>One HD tick.</summary>
    [Benchmark(Description = "Region.Tick2D (1920x1080, all ones)")]
    public long Tick()
    {
        Region.SetFrame("camera", frame);
        Region.World.Step();
        return Region.Metrics.Step;
    }
}
