using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Workloads.Network;

namespace GrowNet.Ecs.Perf.Distributed;

/// <summary>
/// Issue 16's goal: network.md's 16-pool scale network (<see cref="ScaleNetwork"/>) on one
/// process with one thread against 2 in-process ranks with one thread each (the same bytes; see
/// docs/distributed.md). One op is one tick of the whole network. <see cref="Cells"/> picks the
/// pool size (network.md: 65 536, ~1.2 GB of synapses in all).
/// </summary>
[MemoryDiagnoser]
public class DistributedScaleBenchmarks
{
    private RankStepper stepper = null!;

    /// <summary>1 = one process; 2 = two ranks.</summary>
    [Params(1, 2)]
    public int Ranks { get; set; }

    /// <summary>Cells per pool.</summary>
    [Params(65536)]
    public int Cells { get; set; }

    /// <summary>Builds the network and runs it warm.</summary>
    [GlobalSetup]
    public void Setup()
    {
        stepper = new RankStepper(() => ScaleNetwork.Plan(Cells), Ranks, threadsPerRank: 1, seed: 1);
        stepper.Step(30);
    }

    /// <summary>One tick.</summary>
    [Benchmark]
    public void Tick() => stepper.Step(1);

    /// <summary>Releases the ranks.</summary>
    [GlobalCleanup]
    public void Cleanup() => stepper.Dispose();
}
