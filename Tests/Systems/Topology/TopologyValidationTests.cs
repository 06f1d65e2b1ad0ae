using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>Bad input gets a clear exception naming the problem, and nothing is changed.</summary>
public class TopologyValidationTests
{
    [TestCase(0)]
    [TestCase(-5)]
    [TestCase(TopologyFactory.MaxVertices + 1)]
    public void BadVertexCount_Throws_WorldUntouched(int n)
    {
        using var world = Pipeline.CreateWorld();
        Assert.That(() => TopologyBlock.Create(world, "b", TopologyDefinition.Empty(n, TopologyParameters.Default)),
            Throws.InstanceOf<ModelConfigException>().With.Property(nameof(ModelConfigException.Field)).EqualTo("vertices"));
        Assert.That(() => TopologyBlock.Create(world, "b", TopologyDefinition.Random(n, 0.1, TopologyParameters.Default)),
            Throws.InstanceOf<ModelConfigException>().With.Message.Contains("vertices"));
        Assert.That(world.EntityCount, Is.EqualTo(0));
        Assert.That(world.Tables().Count(), Is.EqualTo(0));
    }

    [TestCase(-0.01)]
    [TestCase(1.01)]
    [TestCase(double.NaN)]
    public void BadMaxDensity_Throws(double maxDensity)
    {
        using var world = Pipeline.CreateWorld();
        var parameters = TopologyParameters.Default;
        parameters.MaxDensity = maxDensity;
        Assert.That(() => TopologyBlock.Create(world, "b", TopologyDefinition.Empty(4, parameters)),
            Throws.InstanceOf<ModelConfigException>().With.Property(nameof(ModelConfigException.Field)).EqualTo("parameters.maxDensity")
                .And.Message.Contains("MaxDensity"));
        Assert.That(world.EntityCount, Is.EqualTo(0));
    }

    private static IEnumerable<TestCaseData> BadParameters()
    {
        var p = TopologyParameters.Default;
        p.LeakRate = 1.5f;
        yield return new TestCaseData(p, "LeakRate");
        p = TopologyParameters.Default;
        p.LeakRate = float.NaN;
        yield return new TestCaseData(p, "LeakRate");
        p = TopologyParameters.Default;
        p.LearningRate = -0.1f;
        yield return new TestCaseData(p, "LearningRate");
        p = TopologyParameters.Default;
        p.LearningRate = float.PositiveInfinity;
        yield return new TestCaseData(p, "LearningRate");
        p = TopologyParameters.Default;
        p.SurvivalThreshold = float.NaN;
        yield return new TestCaseData(p, "SurvivalThreshold");
        p = TopologyParameters.Default;
        p.SproutThreshold = -1f;
        yield return new TestCaseData(p, "SproutThreshold");
        p = TopologyParameters.Default;
        p.Activation = (ActivationKind)9;
        yield return new TestCaseData(p, "Activation");
        p = TopologyParameters.Default;
        p.MaxSproutsPerTick = -1;
        yield return new TestCaseData(p, "MaxSproutsPerTick");
        p = TopologyParameters.Default;
        p.Representation = (RepresentationPolicy)7;
        yield return new TestCaseData(p, "Representation");
        p = TopologyParameters.Default;
        p.SwitchCooldownTicks = -2;
        yield return new TestCaseData(p, "SwitchCooldownTicks");
    }

    [TestCaseSource(nameof(BadParameters))]
    public void BadParameter_Throws_NamingIt(TopologyParameters parameters, string name)
    {
        using var world = Pipeline.CreateWorld();
        Assert.That(() => TopologyBlock.Create(world, "b", TopologyDefinition.Empty(4, parameters)),
            Throws.InstanceOf<ModelConfigException>().With.Message.Contains(name)
                .And.Property(nameof(ModelConfigException.Field)).EqualTo("parameters." + char.ToLowerInvariant(name[0]) + name[1..]));
        Assert.That(world.EntityCount, Is.EqualTo(0));
    }

    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    [TestCase(0.6)]
    public void BadInitialDensity_Throws(double density)
    {
        using var world = Pipeline.CreateWorld();
        Assert.That(() => TopologyBlock.Create(world, "b", TopologyDefinition.Random(8, density, TopologyParameters.Default)),
            Throws.InstanceOf<ModelConfigException>().With.Property(nameof(ModelConfigException.Field)).EqualTo("initialDensity")
                .And.Message.Contains("density"));
        Assert.That(world.EntityCount, Is.EqualTo(0));
    }

    private static IEnumerable<TestCaseData> BadEdges()
    {
        yield return new TestCaseData(new[] { new TopologyEdge(0, 4, 0.1f) }, "outside");
        yield return new TestCaseData(new[] { new TopologyEdge(-1, 2, 0.1f) }, "outside");
        yield return new TestCaseData(new[] { new TopologyEdge(2, 2, 0.1f) }, "self edge");
        yield return new TestCaseData(new[] { new TopologyEdge(0, 1, 1.5f) }, "[−1, 1]");
        yield return new TestCaseData(new[] { new TopologyEdge(0, 1, float.NaN) }, "[−1, 1]");
        yield return new TestCaseData(new[] { new TopologyEdge(0, 1, 0.1f), new TopologyEdge(2, 3, 0.1f), new TopologyEdge(0, 1, 0.2f) }, "twice");
        // ρmax 0.5 with N = 4 gives E_max = 8; nine distinct edges exceed it.
        yield return new TestCaseData(Enumerable.Range(0, 4).SelectMany(i => Enumerable.Range(0, 4).Where(j => j != i)
            .Select(j => new TopologyEdge(i, j, 0.1f))).Take(9).ToArray(), "budget");
    }

    [TestCaseSource(nameof(BadEdges))]
    public void BadSuppliedSkeleton_Throws(TopologyEdge[] edges, string problem)
    {
        using var world = Pipeline.CreateWorld();
        Assert.That(() => TopologyBlock.Create(world, "b", TopologyDefinition.FromEdges(4, edges, TopologyParameters.Default)),
            Throws.InstanceOf<ArgumentException>().With.Message.Contains(problem));
        Assert.That(world.EntityCount, Is.EqualTo(0));
    }

    private static TopologyBlock Sample(out float[] weights)
    {
        var world = Pipeline.CreateWorld();
        var block = TopologyBlock.Create(world, "v", TopologyDefinition.Random(6, 0.3, TopologyParameters.Default));
        block.SetInput([1f, 0.5f, -0.2f, 0f, 0.3f, 0.9f]);
        block.World.Step();
        weights = TopologyTestWorlds.Matrices(block).W;
        return block;
    }

    [Test]
    public void WrongVectorLengths_Throw_AndChangeNothing()
    {
        var block = Sample(out _);
        using var world = block.World;
        var x = block.Activations.ToArray();
        Assert.That(() => block.SetInput(new float[5]), Throws.ArgumentException.With.Message.Contains("input u").And.Message.Contains("6 vertices"));
        Assert.That(() => block.SetSensoryGain(new float[7]), Throws.ArgumentException.With.Message.Contains("sensory gain s"));
        Assert.That(() => block.SetBias(new float[0]), Throws.ArgumentException.With.Message.Contains("bias b"));
        Assert.That(() => block.SetActivations(new float[3]), Throws.ArgumentException.With.Message.Contains("activation x"));
        Assert.That(() => block.CopyActivations(new float[2]), Throws.ArgumentException);
        Assert.That(() => block.CopyWeights(new float[35]), Throws.ArgumentException);
        Assert.That(block.State.InputPending, Is.False);
        Assert.That(block.Activations.ToArray(), Is.EqualTo(x));
    }

    [TestCase(float.NaN)]
    [TestCase(float.PositiveInfinity)]
    [TestCase(float.NegativeInfinity)]
    public void NonFiniteVectors_Throw_AndChangeNothing(float bad)
    {
        var block = Sample(out _);
        using var world = block.World;
        var values = new float[] { 0.1f, 0.2f, bad, 0.4f, 0.5f, 0.6f };
        var gain = block.SensoryGain.ToArray();
        var bias = block.Bias.ToArray();
        Assert.That(() => block.SetInput(values), Throws.ArgumentException.With.Message.Contains("index 2").And.Message.Contains("input u"));
        Assert.That(() => block.SetSensoryGain(values), Throws.ArgumentException.With.Message.Contains("sensory gain s"));
        Assert.That(() => block.SetBias(values), Throws.ArgumentException.With.Message.Contains("bias b"));
        Assert.That(() => block.SetActivations(values), Throws.ArgumentException);
        Assert.That(block.Input.ToArray(), Is.All.EqualTo(0f));
        Assert.That(block.SensoryGain.ToArray(), Is.EqualTo(gain));
        Assert.That(block.Bias.ToArray(), Is.EqualTo(bias));
    }

    [TestCase(float.NaN)]
    [TestCase(float.PositiveInfinity)]
    [TestCase(float.NegativeInfinity)]
    public void BadReward_Throws_AndKeepsTheOldOne(float reward)
    {
        var block = Sample(out _);
        using var world = block.World;
        block.Reward = 0.5f;
        Assert.That(() => block.Reward = reward, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("R"));
        Assert.That(block.Reward, Is.EqualTo(0.5f));
    }

    [Test]
    public void RewardWhoseProductWithEtaOverflows_Throws()
    {
        var block = Sample(out _);
        using var world = block.World;
        var parameters = block.Parameters;
        parameters.LearningRate = 10f;
        block.SetParameters(parameters);
        Assert.That(() => block.Reward = 1e38f, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("η · R"));
        block.Reward = 1e37f;
        Assert.That(block.Reward, Is.EqualTo(1e37f));
    }

    [Test]
    public void ActivationsOutsideRange_Throw()
    {
        var block = Sample(out _);
        using var world = block.World;
        Assert.That(() => block.SetActivations([0f, 0f, 1.01f, 0f, 0f, 0f]), Throws.ArgumentException.With.Message.Contains("[−1, 1]"));
    }

    [Test]
    public void BadCells_AndBadGrowth_Throw_AndChangeNothing()
    {
        var block = Sample(out var weights);
        using var world = block.World;
        Assert.That(() => block.Weight(6, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => block.HasEdge(0, -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => block.AddVertices(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => block.AddVertices(TopologyFactory.MaxVertices), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => block.AddVertices(1, float.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>());
        var tooDense = block.Parameters;
        tooDense.MaxDensity = 0.0;
        Assert.That(() => block.SetParameters(tooDense), Throws.ArgumentException.With.Message.Contains("E_max"));
        var bad = block.Parameters;
        bad.LeakRate = -1f;
        Assert.That(() => block.SetParameters(bad), Throws.InstanceOf<ModelConfigException>().With.Message.Contains("LeakRate"));
        Assert.That(block.VertexCount, Is.EqualTo(6));
        Assert.That(block.Parameters.LeakRate, Is.EqualTo(TopologyParameters.Default.LeakRate));
        Assert.That(TopologyTestWorlds.Matrices(block).W, Is.EqualTo(weights));
    }

    [Test]
    public void Attach_RejectsOtherEntities()
    {
        using var world = Pipeline.CreateWorld();
        var entity = world.Create(new TopologyParameters());
        Assert.That(() => TopologyBlock.Attach(world, entity), Throws.ArgumentException.With.Message.Contains("not a live topology block"));
        var block = TopologyBlock.Create(world, "ok", TopologyDefinition.Empty(3, TopologyParameters.Default));
        Assert.That(TopologyBlock.Attach(world, block.Entity).Name, Is.EqualTo("ok"));
        Assert.That(TopologyBlock.All(world).Select(b => b.Entity), Is.EqualTo(new[] { block.Entity }));
    }
}
