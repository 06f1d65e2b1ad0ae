using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Pool;

/// <summary>The propagation cut balances incoming synapses and always covers every target once.</summary>
public class TargetSplitTests
{
    private static Synapse[] ToTargets(params int[] targets)
        => [.. targets.Select(t => new Synapse((ushort)t, 1, 1, 0, 0x10))];

    [Test]
    public void Boundaries_BalanceIncomingSynapses()
    {
        // 30 synapses on each of targets 0..9, 100 spread over 10..99: half of the 400 is reached at target 6.
        var targets = Enumerable.Range(0, 300).Select(i => i % 10).Concat(Enumerable.Range(0, 100).Select(i => 10 + i % 90)).ToArray();
        var cut = new TargetSplit().Boundaries(ToTargets(targets), 100, 2, 0).ToArray();
        Assert.That(cut, Is.EqualTo(new[] { 0, 7, 100 }));
    }

    [Test]
    public void Boundaries_CoverEveryTarget_EvenWithMoreWorkersThanTargets()
    {
        var cut = new TargetSplit().Boundaries(ToTargets(0, 0, 0, 1), 2, 4, 0).ToArray();
        Assert.That(cut[0], Is.EqualTo(0));
        Assert.That(cut[^1], Is.EqualTo(2));
        Assert.That(cut, Is.Ordered.Ascending);
        Assert.That(cut, Has.Length.EqualTo(5));
    }

    [Test]
    public void Boundaries_IgnoreTargetsOutsideThePool_AndEmptyPools()
    {
        Assert.That(new TargetSplit().Boundaries(ToTargets(5, 7, 9), 4, 2, 0).ToArray(), Is.EqualTo(new[] { 0, 2, 4 }));
        Assert.That(new TargetSplit().Boundaries([], 4, 2, 0).ToArray(), Is.EqualTo(new[] { 0, 2, 4 }));
    }

    [Test]
    public void Boundaries_FollowTheStructure_WhenTheCountChanges()
    {
        var split = new TargetSplit();
        Assert.That(split.Boundaries(ToTargets(0, 1, 2, 3), 4, 2, 0).ToArray(), Is.EqualTo(new[] { 0, 2, 4 }));
        Assert.That(split.Boundaries(ToTargets(3, 3, 3, 3, 0), 4, 2, 1).ToArray(), Is.EqualTo(new[] { 0, 4, 4 }));
    }
}
