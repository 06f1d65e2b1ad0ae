using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems.Graph;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Graph;

/// <summary>Bad input gets a clear exception naming the problem; nothing is created or half-applied.</summary>
public class GraphValidationTests
{
    private static IEnumerable<TestCaseData> BadConfigs()
    {
        yield return new TestCaseData(new GraphConfig { Channels = 0 }, "Channels");
        yield return new TestCaseData(new GraphConfig { HistoryLength = 0 }, "HistoryLength");
        yield return new TestCaseData(new GraphConfig { HistoryLength = 17 }, "HistoryLength");
        yield return new TestCaseData(new GraphConfig { Hidden = -1 }, "Hidden");
        yield return new TestCaseData(new GraphConfig { Hidden = 2, HistoryLength = 1, HiddenInDegree = 3 }, "HiddenInDegree");
        yield return new TestCaseData(new GraphConfig { LearningRate = -0.1f }, "LearningRate");
        yield return new TestCaseData(new GraphConfig { NormEpsilon = float.NaN }, "NormEpsilon");
        yield return new TestCaseData(new GraphConfig { LevelFrequency = float.NaN }, "LevelFrequency");
        yield return new TestCaseData(new GraphConfig { ProxL1 = float.PositiveInfinity }, "ProxL1");
        yield return new TestCaseData(new GraphConfig { CycleTicks = 30 }, "CycleTicks");
        yield return new TestCaseData(new GraphConfig { CycleTicks = 24, SnrWindows = 5 }, "SnrWindows");
        yield return new TestCaseData(new GraphConfig { MaxInDegree = 0 }, "MaxInDegree");
        yield return new TestCaseData(new GraphConfig { BarrierEpsilon = 0f }, "BarrierEpsilon");
    }

    [TestCaseSource(nameof(BadConfigs))]
    public void BadConfig_NamesTheField_AndCreatesNothing(GraphConfig config, string field)
    {
        using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld();
        Assert.That(() => GraphFactory.Create(world, "bad", config), Throws.InstanceOf<ModelConfigException>().With.Message.Contains("GraphConfig." + field));
        Assert.That(world.EntityCount, Is.EqualTo(0));
        Assert.That(world.Tables().Count(), Is.EqualTo(0));
    }

    [TestCase(2, 0, 0, "Summary")]
    [TestCase(1, 4, 0, "sources")]
    [TestCase(1, 0, 6, "lag")]
    [TestCase(0, 0, 0, "Input")]
    public void BadTap_IsRejected_AndCreatesNothing(int target, int source, int lag, string problem)
    {
        // Layout: Input 0, Hidden 1–2, Summary 3, Predictor 4.
        using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld();
        var spec = new GraphTapSpec().Tap(target == 2 ? 3 : target, source, lag, 0.5f);
        Assert.That(() => GraphFactory.FromTaps(world, "bad", new GraphConfig { Hidden = 2 }, spec),
            Throws.InstanceOf<ArgumentException>().With.Message.Contains(problem));
        Assert.That(world.EntityCount, Is.EqualTo(0));
    }

    [Test]
    public void DuplicateTap_NaNWeight_AndBadAlpha_AreRejected()
    {
        using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld();
        var config = new GraphConfig();
        Assert.That(() => GraphFactory.FromTaps(world, "bad", config, new GraphTapSpec().Tap(1, 0, 1, 0.1f).Tap(1, 0, 1, 0.2f)),
            Throws.InstanceOf<ArgumentException>().With.Message.Contains("twice"));
        Assert.That(() => GraphFactory.FromTaps(world, "bad", config, new GraphTapSpec().Tap(1, 0, 1, float.NaN)),
            Throws.InstanceOf<ArgumentException>().With.Message.Contains("finite"));
        Assert.That(() => GraphFactory.FromTaps(world, "bad", config, new GraphTapSpec().Alpha(1, 0f)),
            Throws.InstanceOf<ArgumentException>().With.Message.Contains("Alpha"));
        Assert.That(() => GraphFactory.FromTaps(world, "bad", config, new GraphTapSpec().Frequency(1, 0.5f)),
            Throws.InstanceOf<ArgumentException>().With.Message.Contains("Frequency"));
        Assert.That(world.EntityCount, Is.EqualTo(0));
    }

    [Test]
    public void NaNOrInfiniteStaged_Throws_AndChangesNothing()
    {
        var (world, block) = GraphTestWorlds.Create(new GraphConfig { Channels = 2, Hidden = 3 });
        using var _ = world;
        block.Stage([0.5f, -0.25f]);
        Assert.That(() => block.Stage([0.1f, float.NaN]), Throws.InstanceOf<ArgumentException>().With.Message.Contains("finite"));
        Assert.That(() => block.Stage(1, float.PositiveInfinity), Throws.InstanceOf<ArgumentException>().With.Message.Contains("finite"));
        Assert.That((block.Input(0), block.Input(1)), Is.EqualTo((0.5f, -0.25f)));
        Assert.That(() => block.Stage([1f]), Throws.InstanceOf<ArgumentException>().With.Message.Contains("2 channels"));
    }

    [Test]
    public void UnknownChannelOrNode_Throws()
    {
        var (world, block) = GraphTestWorlds.Create(new GraphConfig { Channels = 2 });
        using var _ = world;
        Assert.That(() => block.Stage(2, 0f), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Unknown channel 2"));
        Assert.That(() => block.Prediction(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => block.Lag(block.NodeCount, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => block.Freeze(0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("predictors"));
        Assert.That(() => block.Reconstruct(0, 0), Throws.InvalidOperationException.With.Message.Contains("DeltaLog"));
    }

    [Test]
    public void StagedInputs_HoldUntilRestaged()
    {
        var (world, block) = GraphTestWorlds.Create(new GraphConfig());
        using var _ = world;
        world.Step();
        Assert.That(block.Lag(0, 0), Is.EqualTo(0f), "0 before the first staging");
        block.Stage(0, 0.75f);
        world.Step();
        world.Step();
        Assert.That((block.Lag(0, 0), block.Lag(0, 1)), Is.EqualTo((0.75f, 0.75f)));
    }
}
