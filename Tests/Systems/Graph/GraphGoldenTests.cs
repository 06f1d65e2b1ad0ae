using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Graph;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Graph;

/// <summary>graph.md, "Golden values": the scalar and learning goldens.</summary>
public class GraphGoldenTests
{
    [Test]
    public void IdentityPredictor_PredictsThePreviousInput()
    {
        // graph.md, Golden values: H = 3, one channel, identity predictor, inputs 1..4, learning rate 0.
        var (world, block) = GraphTestWorlds.FromTaps(new GraphConfig { HistoryLength = 3, LearningRate = 0f }, new GraphTapSpec());
        using var _ = world;
        float[] predictions = new float[4], errors = new float[4];
        for (int t = 0; t < 4; t++)
        {
            block.Tick(t + 1f);
            (predictions[t], errors[t]) = (block.Prediction(0), block.Error(0));
        }

        Assert.That(predictions, Is.EqualTo(new[] { 0f, 1f, 2f, 3f }));
        Assert.That(errors, Is.EqualTo(new[] { 1f, 1f, 1f, 1f }));
    }

    [Test]
    public void SummaryNode_IsTheMeanOfItsChildren()
    {
        // graph.md, Golden values: children with lag(0) 0.25 and −0.75 → next −0.25.
        var config = new GraphConfig { Hidden = 2, Activation = GraphActivation.Identity, Growth = false };
        var spec = new GraphTapSpec().Bias(1, 0.25f).Bias(2, -0.75f).Frequency(3, 1f);
        var (world, block) = GraphTestWorlds.FromTaps(config, spec);
        using var _ = world;
        Assert.That(block.Kind(3), Is.EqualTo(GraphNodeKind.Summary));
        block.Tick(0f);
        Assert.That((block.Lag(1, 0), block.Lag(2, 0)), Is.EqualTo((0.25f, -0.75f)));
        block.Tick(0f);
        Assert.That(block.Lag(3, 0), Is.EqualTo(-0.25f));
    }

    [TestCase(0, 1f)]
    [TestCase(60, 0.8f)]
    [TestCase(100, 0.01f)]
    public void GammaScale_FollowsTheBarrier(int cstruct, float expected)
    {
        // graph.md, Golden values: γscale with TapBudget 100.
        var config = new GraphConfig { TapBudget = 100 };
        Assert.That(GraphMath.GammaScale(config, cstruct), Is.EqualTo(expected));
        Assert.That(GraphMath.GammaScale(config with { BarrierScale = 2f }, cstruct), Is.EqualTo(2f * expected));
    }

    [Test]
    public void Nlms_OneTap_MatchesTheHandComputedSteps()
    {
        // graph.md, Golden values: NLMS, single tap (Input, lag 0, w 0), LearningRate 0.5, NormEpsilon 0, TapBudget 0, input 1.
        var (world, block) = NlmsBlock(proxL1: 0f);
        using var _ = world;
        Assert.That(Step(block), Is.EqualTo((0f, 1f, 0f, 0.5f)));
        Assert.That(Step(block), Is.EqualTo((0.5f, 0.5f, 0.125f, 0.625f)));
        Assert.That(Step(block), Is.EqualTo((0.75f, 0.25f, 0.1875f, 0.6875f)));
    }

    [Test]
    public void ProxL1_OnTheNlmsGolden_SoftThresholdsEachStep()
    {
        // graph.md, Golden values: ProxL1 λ = 0.1 on the NLMS golden.
        var (world, block) = NlmsBlock(proxL1: 0.1f);
        using var _ = world;
        var tick1 = Step(block);
        Assert.That(tick1, Is.EqualTo((0f, 1f, 0f, 0.5f)));
        Assert.That(BitConverter.SingleToInt32Bits(tick1.W), Is.EqualTo(0), "+0, not −0");
        Assert.That(Step(block), Is.EqualTo((0.5f, 0.5f, 0.100000001f, 0.625f)));
        Assert.That(Step(block), Is.EqualTo((0.725000024f, 0.274999976f, 0.143749982f, 0.693750024f)));
        Assert.That(Step(block), Is.EqualTo((0.837499976f, 0.162500024f, 0.159374982f, 0.734375f)));
    }

    [Test]
    public void Nlms_TwoTaps_OnASine_MatchesTheGolden()
    {
        // graph.md, Golden values: two-tap NLMS, H = 3, LearningRate 0.1, NormEpsilon 1e-3, TapBudget 0, u = sin(0.3 t).
        var config = new GraphConfig { HistoryLength = 3, LearningRate = 0.1f, NormEpsilon = 1e-3f, TapBudget = 0 };
        var (world, block) = GraphTestWorlds.FromTaps(config, new GraphTapSpec().Tap(1, 0, 0, 0f).Tap(1, 0, 1, 0f));
        using var _ = world;
        var expected = new Dictionary<int, (float, float, float, float, float)>
        {
            [1] = (0f, 0.295520216f, 0f, 0f, 0.0295224991f),
            [2] = (0.0295224991f, 0.53512001f, 0.0145303775f, 0f, 0.0786913112f),
            [3] = (0.0868957788f, 0.69643116f, 0.0424757749f, 0.0146259451f, 0.128183514f),
            [10] = (0.374006778f, -0.232886776f, 0.138425916f, 0.0939117223f, 0.228137955f),
            [50] = (0.741872191f, -0.0915843248f, 0.487933636f, 0.227447331f, 0.100412615f),
        };
        for (int t = 1; t <= 50; t++)
        {
            block.Tick(GraphTestWorlds.Sine(t));
            if (!expected.TryGetValue(t, out var row))
                continue;
            var taps = block.Taps(1);
            Assert.That((block.Lag(1, 0), block.Error(0), taps[0].Weight, taps[1].Weight, block.Bias(1)), Is.EqualTo(row), $"tick {t}");
        }
    }

    [Test]
    public void Spectrum_SortsBySignedWeight_AndSummarisesByNearestRank()
    {
        // graph.md, Golden values: weights [0.3, −0.1, 0.3, 0.0] on (1,0), (2,0), (3,1), (4,0).
        var config = new GraphConfig { Hidden = 4, Hierarchy = false, Growth = false };
        var spec = new GraphTapSpec().Tap(5, 1, 0, 0.3f).Tap(5, 2, 0, -0.1f).Tap(5, 3, 1, 0.3f).Tap(5, 4, 0, 0f);
        var (world, block) = GraphTestWorlds.FromTaps(config, spec);
        using var _ = world;
        Assert.That(block.Spectrum(5), Is.EqualTo(new[]
        {
            new GraphTap(1, 0, 0.3f), new GraphTap(3, 1, 0.3f), new GraphTap(4, 0, 0f), new GraphTap(2, 0, -0.1f),
        }));
        var summary = block.SpectrumSummary(5);
        Assert.That((summary.Min, summary.Q25, summary.Median, summary.Q75, summary.Max), Is.EqualTo((-0.1f, -0.1f, 0f, 0.3f, 0.3f)));
        Assert.That(summary.Largest, Is.EqualTo(new[] { 0.3f, 0.3f, 0.1f, 0f }));
    }

    [TestCase(1, 0.21716775454702708)]
    [TestCase(2, 0.14225575652662903)]
    [TestCase(3, 0.074506688313885849)]
    [TestCase(4, 0.013235645423732123)]
    [TestCase(5, -0.042176787483218514)]
    [TestCase(100, 0.12548074047762603)]
    [TestCase(1000, 0.28526742934437233)]
    public void MackeyGlass_MatchesTheGoldenSeries(int t, double expected)
    {
        // graph.md, Golden values: Mackey–Glass x[10t] − 0.9 in double.
        Assert.That(MackeyGlass.Centered(1000)[t - 1], Is.EqualTo(expected));
    }

    private static (World World, GraphBlock Block) NlmsBlock(float proxL1)
    {
        var config = new GraphConfig { LearningRate = 0.5f, NormEpsilon = 0f, TapBudget = 0, ProxL1 = proxL1 };
        return GraphTestWorlds.FromTaps(config, new GraphTapSpec().Tap(1, 0, 0, 0f));
    }

    /// <summary>One tick at input 1: (x, e, w, bias) of the single predictor.</summary>
    private static (float X, float E, float W, float Bias) Step(GraphBlock block)
    {
        block.Tick(1f);
        return (block.Lag(1, 0), block.Error(0), block.Taps(1)[0].Weight, block.Bias(1));
    }
}
