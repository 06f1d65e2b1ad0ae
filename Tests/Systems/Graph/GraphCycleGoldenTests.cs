using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Systems.Graph;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Graph;

/// <summary>graph.md, "Golden values": the structural cycle, the budget, the split through the cycle, hierarchy and Δ-log.</summary>
public class GraphCycleGoldenTests
{
    [Test]
    public void StructuralCycle_WarmsCommitsAndGrows_AsTheGolden()
    {
        // graph.md, Golden values, "Structural cycle".
        var (world, block) = GraphTestWorlds.CycleBlock(GraphTestWorlds.CycleConfig);
        using var _ = world;
        Assert.That(block.Candidates(2), Has.Length.EqualTo(7), "7 Cold candidates: exhaustive");
        GraphTestWorlds.RunPattern(block, 16);
        var warm = block.Candidates(2).Where(c => c.State == GraphCandidateState.Warm).OrderByDescending(c => c.Snr).ToArray();
        Assert.That(warm.Select(c => (c.Source, c.Lag)), Is.EqualTo(new[] { (1, 1), (1, 2), (0, 3), (1, 0) }));
        Assert.That(warm.Select(c => (float)c.Snr), Is.EqualTo(new[] { 1.43280959f, 1.11304794f, 1.00363789f, 1.00363789f }));
        GraphTestWorlds.RunPattern(block, 32);
        Assert.That((float)block.Baseline(0), Is.EqualTo(7.00360576f));
        var events = block.LastStructuralEvents();
        var probed = events.Where(e => e.Kind == GraphEventKind.Probed).OrderByDescending(e => e.Value).Select(e => (float)e.Value);
        Assert.That(probed, Is.EqualTo(new[] { 0.180316797f, 0.123318502f, 0.0224327029f, 0.0224327029f }));
        var committed = events.Where(e => e.Kind == GraphEventKind.Committed).Select(e => (e.Source, e.Lag, e.Weight));
        Assert.That(committed, Is.EqualTo(new[] { (1, 1, 0.218956918f), (1, 2, -0.182464451f) }));
        Assert.That(block.Cstruct, Is.EqualTo(3));
        GraphTestWorlds.RunPattern(block, 64);
        committed = block.LastStructuralEvents().Where(e => e.Kind == GraphEventKind.Committed).Select(e => (e.Source, e.Lag, e.Weight));
        Assert.That(committed, Is.EqualTo(new[] { (0, 3, -0.0416789539f), (1, 0, -0.0416789539f) }));
        Assert.That(block.Cstruct, Is.EqualTo(5));
        GraphTestWorlds.RunPattern(block, 80);
        Assert.That(block.WarmCount, Is.EqualTo(0), "q = 2 has no Warm");
        GraphTestWorlds.RunPattern(block, 96);
        Assert.That(block.LastStructuralEvents().Where(e => e.Kind is GraphEventKind.Probed or GraphEventKind.Committed), Is.Empty);
        Assert.That(block.Cstruct, Is.EqualTo(5));
    }

    [Test]
    public void Budget_CommitDisplacesTheWeakestTap_AsTheGolden()
    {
        // graph.md, Golden values, "Budget": the structural-cycle block with TapBudget 2.
        var (world, block) = GraphTestWorlds.CycleBlock(GraphTestWorlds.CycleConfig with { TapBudget = 2 });
        using var _ = world;
        GraphTestWorlds.RunPattern(block, 16);
        Assert.That(block.GammaScale, Is.EqualTo(0.866025388f));
        var warm = block.Candidates(2).Where(c => c.State == GraphCandidateState.Warm).OrderByDescending(c => c.Snr).ToArray();
        Assert.That(warm.Select(c => (c.Source, c.Lag, (float)c.Snr)), Is.EqualTo(new[] { (1, 1, 1.43019764f), (1, 2, 1.11270743f) }));
        GraphTestWorlds.RunPattern(block, 32);
        var events = block.LastStructuralEvents();
        Assert.That(events.Where(e => e.Kind == GraphEventKind.Probed).Select(e => (float)e.Value), Is.EqualTo(new[] { 0.164965578f, 0.120009828f }));
        var displaced = events.Single(e => e.Kind == GraphEventKind.Displaced);
        Assert.That((displaced.Source, displaced.Lag, (float)displaced.Value), Is.EqualTo((0, 0, 0.117431452f)));
        var committed = events.Where(e => e.Kind == GraphEventKind.Committed).Select(e => (e.Source, e.Lag, e.Weight));
        Assert.That(committed, Is.EqualTo(new[] { (1, 1, 0.195265725f), (1, 2, -0.166423947f) }));
        Assert.That(block.Taps(2).Select(t => (t.Source, t.Lag)), Is.EqualTo(new[] { (1, 1), (1, 2) }));
        Assert.That(block.Cstruct, Is.EqualTo(2));
        block.Tick(GraphTestWorlds.Pattern(33));
        Assert.That(block.GammaScale, Is.EqualTo(0.01f));
    }

    [Test]
    public void SplitThroughTheCycle_KeepsThePrediction_AsTheGolden()
    {
        // graph.md, Golden values, "Split through the cycle": MaxInDegree 2 (TapBudget 8).
        var config = GraphTestWorlds.CycleConfig with { MaxInDegree = 2, TapBudget = 8 };
        var (world, block) = GraphTestWorlds.CycleBlock(config);
        var (controlWorld, control) = GraphTestWorlds.CycleBlock(config with { MaxPredictorsPerChannel = 1 });
        using var _ = world;
        using var __ = controlWorld;
        GraphTestWorlds.RunPattern(block, 31);
        var ring = Enumerable.Range(0, 4).Select(k => block.Lag(2, k)).ToArray();
        GraphTestWorlds.RunPattern(block, 32);
        GraphTestWorlds.RunPattern(control, 32);
        var events = block.LastStructuralEvents();
        Assert.That(events.Where(e => e.Kind == GraphEventKind.Committed).Select(e => (e.Source, e.Lag, e.Weight)), Is.EqualTo(new[] { (1, 1, 0.2176155f) }));
        // (1, 2) is the first candidate to meet g = 2 full; the lower-gain ones after it meet it full too.
        Assert.That(events.First(e => e.Kind == GraphEventKind.Blocked) is { Source: 1, Lag: 2 }, Is.True);
        Assert.That(block.Predictors(0), Is.EqualTo(new[] { 2, 3 }));
        Assert.That(block.Taps(2), Is.EqualTo(new[] { new GraphTap(0, 0, 0.846117258f) }));
        Assert.That(block.Taps(3), Is.EqualTo(new[] { new GraphTap(1, 1, 0.435231f) }));
        Assert.That((block.Bias(2), block.Bias(3), block.Alpha(2), block.Alpha(3)), Is.EqualTo((-0.0395556986f, -0.0395556986f, 0.5f, 0.5f)));
        Assert.That(Enumerable.Range(0, 4).Select(k => block.Lag(3, k)), Is.EqualTo(Enumerable.Range(0, 4).Select(k => block.Lag(2, k))));
        Assert.That(block.Head(3), Is.EqualTo(block.Head(2)));
        Assert.That(ring, Is.Not.EqualTo(Enumerable.Range(0, 4).Select(k => block.Lag(2, k)).ToArray()), "the ring moved on at tick 32");
        double maxDifference = 0;
        for (long t = 33; t <= 37; t++)
        {
            block.Tick(GraphTestWorlds.Pattern(t));
            control.Tick(GraphTestWorlds.Pattern(t));
            if (t == 33)
                Assert.That((block.Prediction(0), control.Prediction(0)), Is.EqualTo((-0.257171214f, -0.257171214f)));
            if (t == 34)
                Assert.That((block.Prediction(0), control.Prediction(0)), Is.EqualTo((-0.362792581f, -0.362792581f)));
            maxDifference = Math.Max(maxDifference, Math.Abs(block.Prediction(0) - control.Prediction(0)));
        }

        Assert.That(maxDifference, Is.EqualTo(2.98e-8).Within(0.005e-8));
    }

    [Test]
    public void Hierarchy_FourHidden_PairsIntoTwoLevels()
    {
        // graph.md, Golden values, "Hierarchy", n0 = 4.
        var (world, block) = GraphTestWorlds.Create(new GraphConfig { Hidden = 4 });
        using var _ = world;
        AssertHierarchy(block, new[] { (5, 1, 1, 2, 0.5f), (6, 1, 3, 4, 0.5f), (7, 2, 5, 6, 0.25f) }, predictor: 8, maxLevel: 2);
    }

    [Test]
    public void Hierarchy_FiveHidden_CarriesTheOddModuleUp()
    {
        // graph.md, Golden values, "Hierarchy", n0 = 5: node 5 is carried up alone twice.
        var (world, block) = GraphTestWorlds.Create(new GraphConfig { Hidden = 5 });
        using var _ = world;
        AssertHierarchy(block, new[] { (6, 1, 1, 2, 0.5f), (7, 1, 3, 4, 0.5f), (8, 2, 6, 7, 0.25f), (9, 3, 8, 5, 0.125f) }, predictor: 10, maxLevel: 3);
    }

    [Test]
    public void DeltaLog_ReconstructsEveryState_AsTheGolden()
    {
        // graph.md, Golden values, "Δ-log".
        var config = new GraphConfig
        {
            Hidden = 4, Hierarchy = false, Growth = false, HiddenInDegree = 2, HistoryLength = 6, DeltaLog = true,
        };
        var spec = new GraphTapSpec().Tap(1, 0, 0, 0.9f).Tap(1, 4, 1, -0.6f).Tap(2, 0, 2, 0.4f).Tap(2, 1, 0, 1.1f)
            .Tap(3, 1, 3, -0.7f).Tap(3, 2, 0, 0.8f).Tap(4, 0, 1, -0.5f).Tap(4, 3, 0, 1.2f);
        var (world, block) = GraphTestWorlds.FromTaps(config, spec);
        using var _ = world;
        var states = new float[129][];
        states[0] = new float[block.NodeCount];
        for (int t = 1; t <= 128; t++)
        {
            block.Tick(GraphTestWorlds.Sine(t));
            states[t] = new float[block.NodeCount];
            block.CopyStates(states[t]);
        }

        Assert.That(block.DeltaEntryCount, Is.EqualTo(759));
        double worst = 0;
        for (int i = 0; i < block.NodeCount; i++)
            for (int t = 0; t <= 128; t++)
                worst = Math.Max(worst, Math.Abs(block.Reconstruct(i, t) - states[t][i]));
        Assert.That(worst, Is.EqualTo(7.45e-8).Within(0.005e-8));
    }

    private static void AssertHierarchy(GraphBlock block, (int Node, int Level, int A, int B, float F)[] summaries, int predictor, int maxLevel)
    {
        Assert.That(block.Kind(0), Is.EqualTo(GraphNodeKind.Input));
        for (int h = 1; h < summaries[0].Node; h++)
            Assert.That((block.Kind(h), block.Level(h), block.Frequency(h)), Is.EqualTo((GraphNodeKind.Hidden, 0, 1f)), $"Hidden {h}");
        foreach (var (node, level, a, b, f) in summaries)
        {
            Assert.That((block.Kind(node), block.Level(node), block.Children(node), block.Frequency(node)),
                Is.EqualTo((GraphNodeKind.Summary, level, (a, b), f)), $"Summary {node}");
        }

        Assert.That((block.Kind(predictor), block.NodeCount, block.MaxLevel), Is.EqualTo((GraphNodeKind.Predictor, predictor + 1, maxLevel)));
    }
}
