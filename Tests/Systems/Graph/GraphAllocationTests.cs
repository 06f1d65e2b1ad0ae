using System.Runtime.CompilerServices;
using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Systems.Graph;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Graph;

/// <summary>architecture.md, "No allocation per tick in steady state" — structural cycles included.</summary>
public class GraphAllocationTests
{
    [TestCase(false)]
    [TestCase(true)]
    public void SteadyStateTicks_AllocateNothing(bool deltaLog)
    {
        var config = new GraphConfig
        {
            Channels = 2, Hidden = 40, HiddenInDegree = 4, CycleTicks = 16, SnrWindows = 2, MaxInDegree = 6, MaxPredictorsPerChannel = 1, TapBudget = 8,
            DeltaLog = deltaLog, DeltaHorizon = 16, SnrThreshold = 0f,
        };
        var (world, block) = GraphTestWorlds.Create(config, seed: 3);
        using var _ = world;
        var inputs = Enumerable.Range(0, 64).Select(t => new[] { (float)Math.Sin(0.3 * t), (float)Math.Sign(Math.Sin(0.2 * t)) }).ToArray();
        // Warm-up: the budget fills and the scratch and event rows reach their steady sizes. Growth (a split) may
        // allocate; one predictor per channel keeps the node count fixed.
        Run(block, inputs, 1600);
        var before = block.Metrics();
        long allocated = Run(block, inputs, 320);
        var after = block.Metrics();
        Assert.That(block.LastStructuralEvents().Count(e => e.Kind == GraphEventKind.Probed), Is.GreaterThan(0), "the cycles kept probing");
        Assert.That(after.Nodes, Is.EqualTo(before.Nodes));
        Assert.That(allocated, Is.EqualTo(0));
    }

    // Fully optimised from the start: a tiered test method's own on-stack replacement would allocate.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static long Run(GraphBlock block, float[][] inputs, int ticks)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < ticks; t++)
            block.Tick(inputs[t % inputs.Length]);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
