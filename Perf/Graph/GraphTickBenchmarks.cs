using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Graph;

namespace GrowNet.Ecs.Perf.Graph;

/// <summary>
/// A graph block of 2 048 Hidden nodes (K = 8, the hierarchy's 2 047 Summary nodes) and 16
/// channels, grown for 16 cycles during setup. <see cref="GatherAndCommit"/> runs steps 1 and 4
/// (the gather and ring-commit systems) alone; <see cref="Tick"/> runs whole world steps, the
/// structural cycle included, so <c>Tick − GatherAndCommit</c> over ticks is learning plus the
/// amortised structure. Goals (docs/graph.md): ≥ 0.5 × 10⁹ tap reads per second per core, the
/// structural cycle ≤ 10 % of tick time, 0 B per tick; the bytes equal on 1 and 2 threads (tested in GraphCodecTests).
/// </summary>
[MemoryDiagnoser]
public class GraphTickBenchmarks
{
    /// <summary>Ticks per benchmark invocation (one structural cycle of the block, so each invocation holds one cycle close).</summary>
    public const int TicksPerInvoke = 64;

    private World world = null!;
    private GraphBlock block = null!;
    private float[][] inputs = null!;
    private GraphGatherSystem gather = null!;
    private GraphRingCommitSystem commit = null!;
    private int next;

    /// <summary>Threads of the world's worker pool.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>The block of the benchmarks (cycles of 64 ticks so the structure is exercised often).</summary>
    public static GraphConfig Config => new() { Channels = 16, Hidden = 2048, HiddenInDegree = 8, CycleTicks = TicksPerInvoke };

    /// <summary>Builds and grows the block.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        world = Pipeline.CreateWorld(11);
        world.SetThreadCount(Threads);
        block = GraphFactory.Create(world, "bench", Config);
        inputs = Enumerable.Range(0, 997).Select(t => Enumerable.Range(0, 16).Select(c => (float)Math.Sin(0.05 * t * (c + 1) + c)).ToArray()).ToArray();
        gather = new GraphGatherSystem();
        commit = new GraphRingCommitSystem();
        for (int t = 0; t < 16 * TicksPerInvoke; t++)
            Step();
        int hiddenTaps = Enumerable.Range(block.ChannelCount, Config.Hidden).Sum(h => block.Taps(h).Length);
        Console.WriteLine($"// threads={Threads}: {block.NodeCount} nodes, tap reads per tick {hiddenTaps + block.Cstruct} " +
                          $"({hiddenTaps} Hidden + {block.Cstruct} learnable), {block.NodeCount - block.PredictorStart} predictors");
    }

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => world.Dispose();

    /// <summary>Gather (step 1) + ring commit (step 4) only; the mean is per tick.</summary>
    [Benchmark(Description = "Graph gather + commit", OperationsPerInvoke = TicksPerInvoke)]
    public void GatherAndCommit()
    {
        for (int t = 0; t < TicksPerInvoke; t++)
        {
            gather.Update(world);
            commit.Update(world);
        }
    }

    /// <summary>Whole ticks (one structural cycle per invocation); the mean is per tick.</summary>
    [Benchmark(Description = "Graph tick", OperationsPerInvoke = TicksPerInvoke)]
    public void Tick()
    {
        for (int t = 0; t < TicksPerInvoke; t++)
            Step();
    }

    private void Step()
    {
        block.Stage(inputs[next]);
        next = (next + 1) % inputs.Length;
        world.Step();
    }
}
