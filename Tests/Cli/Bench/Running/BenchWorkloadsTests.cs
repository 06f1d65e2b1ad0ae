using GrowNet.Ecs.Cli.Bench.Running;
using GrowNet.Ecs.Workloads.Network;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Bench.Running;

[TestFixture]
public sealed class BenchWorkloadsTests
{
    [Test]
    public void EveryNetworkScaleOpMovesTheSameSynapticEvents()
    {
        // The warmed scale network repeats a cycle of ticks; an op that is not whole cycles
        // (4 ticks: 10.6, 12.2 and 13.9 M events by phase) times different work every iteration.
        using var world = BenchWorkloads.NetworkScaleWorld(threads: 1);
        var counter = new SynapticEventCounter(world);
        var perOp = new long[4];
        for (int op = 0; op < perOp.Length; op++)
        {
            for (int t = 0; t < BenchWorkloads.NetworkScaleCycleTicks; t++)
            {
                world.Step();
                perOp[op] += counter.LastIntraPoolEvents() + counter.LastProjectionEvents();
            }
        }

        Assert.That(perOp[0], Is.GreaterThan(0));
        Assert.That(perOp, Is.All.EqualTo(perOp[0]));
    }

    [Test]
    public void TheNetworkScaleWorkloadRunsOneCycleAnOp()
    {
        var workload = BenchWorkloads.All.Single(w => w.Name == "network-scale-4096");
        Assert.That(workload.OperationsPerIteration, Is.EqualTo(BenchWorkloads.NetworkScaleCycleTicks));
    }
}
