using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Pool;

/// <summary>The propagation cut balances incoming synapses and always covers every target once.</summary>
public class TargetSplitTests
{
    private static Synapse[] ToTargets(params int[] targets)
        => [.. targets.Select(t => new Synapse((ushort)t, 1, 1, 0, 0x10))];

    /// <summary>One row per cell; every synapse in row 0 (the cut tests use their own rows).</summary>
    private static uint[] SingleRow(int cells) => new uint[cells];

    private static int[] Cut(Synapse[] synapses, int cells, int workers)
        => new TargetSplit().Boundaries(synapses, SingleRow(cells), false, workers, 0).ToArray();

    [Test]
    public void Boundaries_BalanceIncomingSynapses()
    {
        // 30 synapses on each of targets 0..9, 100 spread over 10..99: half of the 400 is reached at target 6.
        var targets = Enumerable.Range(0, 300).Select(i => i % 10).Concat(Enumerable.Range(0, 100).Select(i => 10 + i % 90)).ToArray();
        var cut = Cut(ToTargets(targets), 100, 2);
        Assert.That(cut, Is.EqualTo(new[] { 0, 7, 100 }));
    }

    [Test]
    public void Boundaries_CoverEveryTarget_EvenWithMoreWorkersThanTargets()
    {
        var cut = Cut(ToTargets(0, 0, 0, 1), 2, 4);
        Assert.That(cut[0], Is.EqualTo(0));
        Assert.That(cut[^1], Is.EqualTo(2));
        Assert.That(cut, Is.Ordered.Ascending);
        Assert.That(cut, Has.Length.EqualTo(5));
    }

    [Test]
    public void Boundaries_IgnoreTargetsOutsideThePool_AndEmptyPools()
    {
        Assert.That(Cut(ToTargets(5, 7, 9), 4, 2), Is.EqualTo(new[] { 0, 2, 4 }));
        Assert.That(Cut([], 4, 2), Is.EqualTo(new[] { 0, 2, 4 }));
    }

    [Test]
    public void Boundaries_FollowTheStructure_WhenTheCountChanges()
    {
        var split = new TargetSplit();
        Assert.That(split.Boundaries(ToTargets(0, 1, 2, 3), SingleRow(4), false, 2, 0).ToArray(), Is.EqualTo(new[] { 0, 2, 4 }));
        Assert.That(split.Boundaries(ToTargets(3, 3, 3, 3, 0), SingleRow(4), false, 2, 1).ToArray(), Is.EqualTo(new[] { 0, 4, 4 }));
    }

    [Test]
    public void RowCuts_MarkWhereEachSortedRowCrossesEachBoundary()
    {
        // 8 cells. Rows: cell 0 → targets 0 1 5 6, cell 1 → 2 7, cell 2 → none, cell 3 → 4 5 6 7,
        // cells 4..7 → none. In-degree 1 1 1 0 1 2 2 2: half of the 10 is reached at target 5.
        var synapses = ToTargets(0, 1, 5, 6, 2, 7, 4, 5, 6, 7);
        uint[] rowStart = [0, 4, 6, 6, 10, 10, 10, 10];
        var split = new TargetSplit();
        var cut = split.Boundaries(synapses, rowStart, true, 2, 0).ToArray();
        Assert.That(cut, Is.EqualTo(new[] { 0, 6, 8 }));
        Assert.That(split.RowCuts.ToArray(), Is.EqualTo(new[] { 3, 5, 6, 8, 10, 10, 10, 10 }));
        split.Boundaries(synapses, rowStart, false, 2, 1);
        Assert.That(split.RowCuts.ToArray(), Is.Empty, "unsorted rows have no cuts");
    }

    [Test]
    public void ChooseParallel_ProbesBothWays_ThenTakesTheCheaper_AndProbesAgain()
    {
        var split = new TargetSplit();
        Probe(split, serial: [1000, 1100], parallel: [3000, 2900]);
        for (int tick = TargetSplit.ProbeTicks; tick < TargetSplit.ProbeInterval; tick++)
        {
            Assert.That(split.ChooseParallel(), Is.False, "serial measured cheaper");
            split.Record(false, elapsed: 100_000, events: 100); // outside the probe window: ignored
        }

        Probe(split, serial: [9000, 9500], parallel: [1000, 1200]);
        Assert.That(split.ChooseParallel(), Is.True, "parallel measured cheaper in the new window");
    }

    [Test]
    public void ChooseParallel_OneSlowProbe_DoesNotDecideTheInterval()
    {
        var split = new TargetSplit();
        // The first serial probe ran on cold caches; the second shows its real cost.
        Probe(split, serial: [5000, 1000], parallel: [1500, 1400]);
        Assert.That(split.ChooseParallel(), Is.False, "the cheapest serial probe wins");
    }

    [Test]
    public void ChooseParallel_CostIsPerEvent()
    {
        var split = new TargetSplit();
        Assert.That(split.ChooseParallel(), Is.False);
        split.Record(false, elapsed: 2000, events: 100);
        Assert.That(split.ChooseParallel(), Is.True);
        split.Record(true, elapsed: 3000, events: 300);
        Assert.That(split.ChooseParallel(), Is.False);
        split.Record(false, elapsed: 2000, events: 100);
        Assert.That(split.ChooseParallel(), Is.True);
        split.Record(true, elapsed: 3000, events: 300);
        Assert.That(split.ChooseParallel(), Is.True, "10 per event in parallel against 20 serially");
    }

    /// <summary>Runs one probe window: serial and parallel alternate, starting serial.</summary>
    private static void Probe(TargetSplit split, long[] serial, long[] parallel)
    {
        for (int i = 0; i < TargetSplit.ProbeTicks / 2; i++)
        {
            Assert.That(split.ChooseParallel(), Is.False, $"probe {2 * i}: serial");
            split.Record(false, serial[i], events: 100);
            Assert.That(split.ChooseParallel(), Is.True, $"probe {2 * i + 1}: parallel");
            split.Record(true, parallel[i], events: 100);
        }
    }
}
