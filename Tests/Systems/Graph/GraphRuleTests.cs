using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Systems.Graph;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Graph;

/// <summary>graph.md's rules, each on its own.</summary>
public class GraphRuleTests
{
    [Test]
    public void Ring_NodeWithFZero_NeverUpdates_AndFOne_UpdatesEveryTick()
    {
        // graph.md, Golden values: a node with f = 0 never updates; its lag(k) stays 0 for every k.
        var config = new GraphConfig { Hidden = 2, Hierarchy = false, Activation = GraphActivation.Identity, HistoryLength = 3, Growth = false };
        var spec = new GraphTapSpec().Tap(1, 0, 0, 1f).Frequency(1, 0f).Tap(2, 0, 0, 1f).Frequency(2, 1f);
        var (world, block) = GraphTestWorlds.FromTaps(config, spec);
        using var _ = world;
        for (int t = 1; t <= 5; t++)
            block.Tick(t);
        Assert.That(Enumerable.Range(0, 3).Select(k => block.Lag(1, k)), Is.EqualTo(new[] { 0f, 0f, 0f }));
        Assert.That(block.Head(1), Is.EqualTo(0));
        // Node 2 copies the input's lag(0) = u(t − 1): after tick 5 its ring holds u(4), u(3), u(2).
        Assert.That(Enumerable.Range(0, 3).Select(k => block.Lag(2, k)), Is.EqualTo(new[] { 4f, 3f, 2f }));
    }

    [Test]
    public void Ring_PartialFrequency_CountsItsOwnUpdates_DrawnFromTheUpdateStream()
    {
        var config = new GraphConfig { Hidden = 1, Hierarchy = false, Activation = GraphActivation.Identity, HistoryLength = 4, Growth = false };
        var (world, block) = GraphTestWorlds.FromTaps(config, new GraphTapSpec().Tap(1, 0, 0, 1f).Frequency(1, 0.5f), seed: 9);
        using var _ = world;
        var expected = new List<float>();
        for (int t = 1; t <= 40; t++)
        {
            float before = block.Lag(0, 0);
            block.Tick(t);
            if (GraphStreams.UpdateDraw(9, t, 1) < 0.5)
                expected.Insert(0, before);
        }

        Assert.That(expected.Count, Is.InRange(10, 30));
        Assert.That(Enumerable.Range(0, 4).Select(k => block.Lag(1, k)), Is.EqualTo(expected.Take(4)));
        Assert.That(block.Head(1), Is.EqualTo(expected.Count % 4));
    }

    [TestCase(0, 0)]
    [TestCase(1, 0)]
    [TestCase(2, 1)]
    [TestCase(3, 2)]
    [TestCase(8, 3)]
    [TestCase(9, 4)]
    [TestCase(33, 6)]
    public void Hierarchy_HasNMinusOneSummaries_AndLmaxCeilLog2(int hidden, int lmax)
    {
        var (world, block) = GraphTestWorlds.Create(new GraphConfig { Hidden = hidden, HiddenInDegree = 1 });
        using var _ = world;
        Assert.That(block.MaxLevel, Is.EqualTo(lmax));
        Assert.That(block.PredictorStart - 1 - hidden, Is.EqualTo(Math.Max(0, hidden - 1)));
    }

    [Test]
    public void Gather_SumsInRowOrder_WithOneRoundingPerOperation()
    {
        // Row order (0, 0) then (1, 0): (1 + 1e8) − 1e8 = 0 in float; any other order would give 1.
        var config = new GraphConfig { Channels = 2, Hidden = 1, Hierarchy = false, Activation = GraphActivation.Identity, Growth = false };
        var spec = new GraphTapSpec().Bias(2, 1f).Tap(2, 0, 0, 1e8f).Tap(2, 1, 0, -1e8f);
        var (world, block) = GraphTestWorlds.FromTaps(config, spec);
        using var _ = world;
        block.Tick([1f, 1f]);
        block.Tick([1f, 1f]);
        Assert.That(block.Lag(2, 0), Is.EqualTo(0f));
    }

    [Test]
    public void Gather_TanhNode_IsTheFloatOfTheDoubleTanh()
    {
        var config = new GraphConfig { Hidden = 1, Hierarchy = false, Growth = false };
        var (world, block) = GraphTestWorlds.FromTaps(config, new GraphTapSpec().Tap(1, 0, 0, 0.7f).Bias(1, 0.1f));
        using var _ = world;
        block.Tick(0.9f);
        block.Tick(0f);
        float z = 0.1f + 0.7f * 0.9f;
        Assert.That(block.Lag(1, 0), Is.EqualTo((float)Math.Tanh(z)));
        Assert.That(block.Lag(1, 0), Is.EqualTo(MathF.Tanh(z)).Within(1e-6f));
    }

    [Test]
    public void GammaScale_WithoutBudget_IsTheBarrierScale()
    {
        Assert.That(GraphMath.GammaScale(new GraphConfig { TapBudget = 0, BarrierScale = 1.5f }, 1000), Is.EqualTo(1.5f));
        Assert.That(GraphMath.GammaScale(new GraphConfig { TapBudget = -3 }, 7), Is.EqualTo(1f));
        Assert.That(new GraphConfig { Channels = 3, MaxInDegree = 5 }.EffectiveTapBudget, Is.EqualTo(60));
    }

    [Test]
    public void ProxL1_ShrinksNegativeWeightsTowardZero_KeepingTheirSign()
    {
        var config = new GraphConfig { LearningRate = 0f, ProxL1 = 0.5f, TapBudget = 0, NormEpsilon = 0f };
        var (world, block) = GraphTestWorlds.FromTaps(config with { LearningRate = 0.5f }, new GraphTapSpec().Tap(1, 0, 1, -0.4f));
        using var _ = world;
        block.Tick(0f);
        // v = 0, e = 0: NLMS leaves w; μ = 0.5 / 1, t = 0.25: w → −(0.4 − 0.25).
        Assert.That(block.Taps(1)[0].Weight, Is.EqualTo(-(0.4f - 0.25f)));
    }

    [Test]
    public void FrozenPredictor_PredictsButDoesNotLearn()
    {
        var (world, block) = GraphTestWorlds.FromTaps(new GraphConfig { LearningRate = 0.5f }, new GraphTapSpec().Tap(1, 0, 0, 0.25f));
        using var _ = world;
        block.Freeze(1);
        for (int t = 1; t <= 10; t++)
            block.Tick(1f);
        Assert.That((block.Taps(1)[0].Weight, block.Bias(1), block.Prediction(0)), Is.EqualTo((0.25f, 0f, 0.25f)));
        Assert.That(block.Candidates(1), Is.Empty, "Freeze discards the shortlist");
    }

    [Test]
    public void Shortlist_FromALargeColdSpace_IsDistinctColdAndAscending()
    {
        var (world, block) = GraphTestWorlds.Create(new GraphConfig { Hidden = 12, HiddenInDegree = 3 }, seed: 5);
        using var _ = world;
        int g = block.PredictorStart, h = block.Config.HistoryLength;
        var keys = block.Candidates(g).Select(c => c.Source * h + c.Lag).ToArray();
        Assert.That(keys, Has.Length.EqualTo(16));
        Assert.That(keys, Is.Unique.And.Ordered);
        Assert.That(keys, Has.None.EqualTo(0), "the identity tap is not Cold");
        Assert.That(block.Candidates(g).Select(c => c.Source), Has.All.LessThan(block.PredictorStart));
        var (otherWorld, other) = GraphTestWorlds.Create(new GraphConfig { Hidden = 12, HiddenInDegree = 3 }, seed: 6);
        using var __ = otherWorld;
        Assert.That(other.Candidates(g).Select(c => c.Source * h + c.Lag), Is.Not.EqualTo(keys), "keyed by the seed");
    }

    [Test]
    public void Snr_IsTheMeanOverTheSampleStdOfTheWindowMeans()
    {
        // Window sums over 8 ticks: means 1, 2, 3, 4 → mean 2.5, sample std sqrt(5/3).
        Assert.That(GraphWarmSelectionSystem.Snr([8, 16, 24, 32], 8), Is.EqualTo(2.5 / (Math.Sqrt(5.0 / 3) + 1e-12)));
        Assert.That(GraphWarmSelectionSystem.Snr([-4, -4], 2), Is.EqualTo(2 / 1e-12));
    }

    [Test]
    public void WarmSelection_TakesNoCandidateBelowTheThreshold()
    {
        var (world, block) = GraphTestWorlds.CycleBlock(GraphTestWorlds.CycleConfig with { SnrThreshold = 1.2f });
        using var _ = world;
        GraphTestWorlds.RunPattern(block, 16);
        var warm = block.Candidates(2).Where(c => c.State == GraphCandidateState.Warm).ToArray();
        Assert.That(warm.Select(c => (c.Source, c.Lag)), Is.EqualTo(new[] { (1, 1) }), "only SNR 1.43 passes 1.2");
        Assert.That(block.WarmCount, Is.EqualTo(1));
    }

    [Test]
    public void ShadowProbes_NeverTouchThePrediction()
    {
        // Until the first commit (tick 32) a growing block predicts exactly like one without growth.
        var (world, block) = GraphTestWorlds.CycleBlock(GraphTestWorlds.CycleConfig);
        var (plainWorld, plain) = GraphTestWorlds.CycleBlock(GraphTestWorlds.CycleConfig with { Growth = false });
        using var _ = world;
        using var __ = plainWorld;
        for (long t = 1; t <= 32; t++)
        {
            block.Tick(GraphTestWorlds.Pattern(t));
            plain.Tick(GraphTestWorlds.Pattern(t));
            Assert.That((block.Prediction(0), block.Bias(2)), Is.EqualTo((plain.Prediction(0), plain.Bias(2))), $"tick {t}");
        }

        Assert.That(block.Cstruct, Is.GreaterThan(plain.Cstruct));
    }

    [Test]
    public void Commit_WarmStartsTheTapWithItsShadowWeight()
    {
        var (world, block) = GraphTestWorlds.CycleBlock(GraphTestWorlds.CycleConfig);
        using var _ = world;
        GraphTestWorlds.RunPattern(block, 30);
        float early = block.Candidates(2).Single(c => c is { Source: 1, Lag: 1 }).Shadow;
        GraphTestWorlds.RunPattern(block, 32);
        // The tap starts at δ as the last probe tick left it.
        var probed = block.LastStructuralEvents().Single(e => e is { Kind: GraphEventKind.Probed, Source: 1, Lag: 1 });
        Assert.That(block.Taps(2).Single(t => t is { Source: 1, Lag: 1 }).Weight, Is.EqualTo(probed.Weight));
        Assert.That(probed.Weight, Is.Not.EqualTo(early), "δ kept learning in the probe ticks");
        Assert.That(block.Candidates(2).Any(c => c.State == GraphCandidateState.Warm), Is.False, "every Warm candidate returns to Cold");
    }

    [Test]
    public void Prune_RemovesTinyLearnableTaps_ButNotAFrozenPredictorsOrHiddenTaps()
    {
        var config = new GraphConfig { Channels = 2, Hidden = 1, Hierarchy = false, LearningRate = 0f, CycleTicks = 8, SnrWindows = 2 };
        var spec = new GraphTapSpec().Tap(1 + 1, 0, 0, 1e-5f).Tap(3, 0, 1, 5e-5f).Tap(3, 0, 2, 0.5f).Tap(4, 1, 1, 1e-5f);
        var (world, block) = GraphTestWorlds.FromTaps(config, spec);
        using var _ = world;
        block.Freeze(4);
        for (int t = 1; t <= 8; t++)
            block.Tick([0f, 0f]);
        Assert.That(block.Taps(3), Is.EqualTo(new[] { new GraphTap(0, 2, 0.5f) }));
        Assert.That(block.Taps(4), Has.Length.EqualTo(1), "frozen predictors are not pruned");
        Assert.That(block.Taps(2), Has.Length.EqualTo(1), "Hidden taps are fixed");
        Assert.That((block.Metrics().Prunes, block.Cstruct), Is.EqualTo((1L, 2)));
    }

    [Test]
    public void CloneAndSplit_DealsTheTaps_AndKeepsThePrediction()
    {
        // graph.md, Golden values: taps (0,0,0.5) and (0,1,−0.25), bias b, alpha 1.
        var config = new GraphConfig { LearningRate = 0f, Growth = false };
        var spec = new GraphTapSpec().Tap(1, 0, 0, 0.5f).Tap(1, 0, 1, -0.25f).Bias(1, 0.125f);
        var (world, block) = GraphTestWorlds.FromTaps(config, spec);
        var (plainWorld, plain) = GraphTestWorlds.FromTaps(config, spec);
        using var _ = world;
        using var __ = plainWorld;
        block.Tick(0.3f);
        plain.Tick(0.3f);
        int clone = block.SplitPredictor(1);
        Assert.That((clone, block.Predictors(0)), Is.EqualTo((2, new[] { 1, 2 })));
        Assert.That(block.Taps(1), Is.EqualTo(new[] { new GraphTap(0, 0, 1.0f) }));
        Assert.That(block.Taps(2), Is.EqualTo(new[] { new GraphTap(0, 1, -0.5f) }));
        Assert.That((block.Bias(1), block.Bias(2), block.Alpha(1), block.Alpha(2)), Is.EqualTo((0.125f, 0.125f, 0.5f, 0.5f)));
        Assert.That(block.Cstruct, Is.EqualTo(2));
        block.Tick(-0.7f);
        plain.Tick(-0.7f);
        Assert.That(block.Prediction(0), Is.EqualTo(plain.Prediction(0)).Within(1e-6 * Math.Max(1, Math.Abs(plain.Prediction(0)))));
    }

    [Test]
    public void DeltaLog_ShortHorizon_CopiesTheBase_AndRejectsTicksOutsideTheWindow()
    {
        var config = new GraphConfig { Hidden = 3, HiddenInDegree = 2, DeltaLog = true, DeltaHorizon = 8, Growth = false };
        var (world, block) = GraphTestWorlds.Create(config);
        using var _ = world;
        var states = new List<float[]> { new float[block.NodeCount] };
        for (int t = 1; t <= 50; t++)
        {
            block.Tick(GraphTestWorlds.Sine(t));
            var s = new float[block.NodeCount];
            block.CopyStates(s);
            states.Add(s);
        }

        Assert.That(block.DeltaEntryCount, Is.LessThanOrEqualTo(block.NodeCount * 8));
        for (int i = 0; i < block.NodeCount; i++)
            for (int t = 42; t <= 50; t++)
                Assert.That(block.Reconstruct(i, t), Is.EqualTo(states[t][i]).Within(1e-5f), $"node {i}, tick {t}");
        Assert.That(() => block.Reconstruct(0, 41), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("window"));
        Assert.That(() => block.Reconstruct(0, 51), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void DeltaLog_NodeCreatedInsideTheWindow_StartsFromItsCreationState()
    {
        var config = new GraphConfig { DeltaLog = true, DeltaHorizon = 16, Growth = false, LearningRate = 0.2f };
        var (world, block) = GraphTestWorlds.FromTaps(config, new GraphTapSpec().Tap(1, 0, 0, 0.5f).Tap(1, 0, 1, 0.5f));
        using var _ = world;
        for (int t = 1; t <= 10; t++)
            block.Tick(GraphTestWorlds.Sine(t));
        int clone = block.SplitPredictor(1);
        Assert.That(block.Reconstruct(clone, 10), Is.EqualTo(block.Lag(clone, 0)));
        Assert.That(() => block.Reconstruct(clone, 9), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("created"));
        for (int t = 11; t <= 20; t++)
            block.Tick(GraphTestWorlds.Sine(t));
        Assert.That(block.Reconstruct(clone, 20), Is.EqualTo(block.Lag(clone, 0)).Within(1e-5f));
    }

    [Test]
    public void Spectra_OfAnEmptyRow_AreEmpty_AndTheCanonicalOrderSortsByNorm()
    {
        var config = new GraphConfig { Channels = 3, Growth = false };
        var spec = new GraphTapSpec().Tap(3, 0, 1, 0.1f).Tap(4, 1, 0, -0.9f).Tap(5, 2, 0, 0.1f);
        var (world, block) = GraphTestWorlds.FromTaps(config, spec);
        using var _ = world;
        Assert.That(block.CanonicalOrder(), Is.EqualTo(new[] { 4, 3, 5 }), "ties → lower index");
        block.SplitPredictor(3);
        var (empty, emptyBlock) = GraphTestWorlds.FromTaps(new GraphConfig { Growth = false, MaxInDegree = 1 }, new GraphTapSpec().Tap(1, 0, 2, 0.5f));
        using var ___ = empty;
        int clone = emptyBlock.SplitPredictor(1);
        Assert.That(emptyBlock.Spectrum(clone), Is.Empty);
        var summary = emptyBlock.SpectrumSummary(clone);
        Assert.That((summary.Min, summary.Q25, summary.Median, summary.Q75, summary.Max, summary.Norm), Is.EqualTo((0f, 0f, 0f, 0f, 0f, 0.0)));
        Assert.That(summary.Largest, Is.Empty);
    }
}
