using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Systems.Graph;
using GrowNet.Ecs.Workloads.Graph;

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
    public const int TicksPerInvoke = GraphTickWorkload.CycleTicks;

    private GraphTickWorkload workload = null!;
    private GraphGatherSystem gather = null!;
    private GraphRingCommitSystem commit = null!;

    /// <summary>Threads of the world's worker pool.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Builds and grows the block (<see cref="GraphTickWorkload"/>).</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        workload = GraphTickWorkload.Create(Threads);
        gather = new GraphGatherSystem();
        commit = new GraphRingCommitSystem();
        var block = workload.Block;
        Console.WriteLine($"// threads={Threads}: {block.NodeCount} nodes, tap reads per tick {workload.TapReadsPerTick} " +
                          $"({workload.TapReadsPerTick - block.Cstruct} Hidden + {block.Cstruct} learnable), {block.NodeCount - block.PredictorStart} predictors");
    }

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => workload.Dispose();

    /// <summary>Gather (step 1) + ring commit (step 4) only; the mean is per tick.</summary>
    [Benchmark(Description = "Graph gather + commit", OperationsPerInvoke = TicksPerInvoke)]
    public void GatherAndCommit()
    {
        for (int t = 0; t < TicksPerInvoke; t++)
        {
            gather.Update(workload.World);
            commit.Update(workload.World);
        }
    }

    /// <summary>Whole ticks (one structural cycle per invocation); the mean is per tick.</summary>
    [Benchmark(Description = "Graph tick", OperationsPerInvoke = TicksPerInvoke)]
    public void Tick()
    {
        for (int t = 0; t < TicksPerInvoke; t++)
            workload.Step();
    }
}
