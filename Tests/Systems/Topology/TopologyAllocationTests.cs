using System.Runtime.CompilerServices;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>architecture.md, "No allocation per tick in steady state".</summary>
public class TopologyAllocationTests
{
    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    public void SteadyStateTick_AllocatesNothing(RepresentationPolicy policy)
    {
        var parameters = TopologyTestWorlds.Parameters(policy, 0.2);
        var (world, block) = TopologyTestWorlds.RandomBlock(101, 150, 0.2, parameters);
        using var _ = world;
        var inputs = Enumerable.Range(0, 4).Select(t => TopologyTestWorlds.NoiseVector(101, t, 150)).ToArray();
        // Warm-up runs the same schedule: scratch buffers and tables reach their steady sizes.
        Run(block, inputs, 60);
        var (allocated, changes) = Run(block, inputs, 40);
        Assert.That(changes, Is.GreaterThan(0), "the structure kept changing");
        Assert.That(allocated, Is.EqualTo(0));
    }

    // Fully optimised from the start: a tiered test method's own on-stack replacement would allocate.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static (long Allocated, int Changes) Run(TopologyBlock block, float[][] inputs, int ticks)
    {
        int changes = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < ticks; t++)
        {
            block.Reward = t % 3 == 0 ? -0.5f : 1f;
            block.SetInput(inputs[t % inputs.Length]);
            block.World.Step();
            ref readonly var state = ref block.State;
            changes += state.LastPruned + state.LastSprouted + state.LastReplaced;
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before, changes);
    }
}
