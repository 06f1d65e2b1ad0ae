using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>network.md, "Ports": the topology block's outputs, inputs and metrics through the model contract.</summary>
[TestFixture]
public class TopologyBlockPortTests
{
    [Test]
    public void Ports_AreThoseOfTheNetworkSpec()
    {
        using var world = Pipeline.CreateWorld(seed: 5);
        var block = TopologyBlock.Create(world, "t", TopologyDefinition.Random(12, 0.2));

        var ports = Enumerable.Range(0, block.PortCount).Select(block.Port).ToArray();
        Assert.That(ports, Is.EqualTo(new PortDescriptor[]
        {
            new("activation", PortDirection.Output, PortElement.Float32, 12),
            new("sensory", PortDirection.Input, PortElement.Float32, 12),
            new("reward", PortDirection.Input, PortElement.Float32, 1),
        }));
        Assert.That(block.Family, Is.EqualTo("topology"));
        block.AddVertices(3);
        Assert.That(block.Port(TopologyBlock.ActivationPort).Length, Is.EqualTo(15), "port lengths follow growth");
    }

    [Test]
    public void SensoryPort_StagesTheInput_LikeSetInput_AndTheTickConsumesIt()
    {
        using var viaPortWorld = Pipeline.CreateWorld(seed: 5);
        using var viaMethodWorld = Pipeline.CreateWorld(seed: 5);
        var viaPort = TopologyBlock.Create(viaPortWorld, "t", TopologyDefinition.Random(8, 0.3));
        var viaMethod = TopologyBlock.Create(viaMethodWorld, "t", TopologyDefinition.Random(8, 0.3));
        var input = new float[] { 0, 0, 0.25f, -1.5f, 3f, 0, 0, 0 };

        viaPort.WritePort(TopologyBlock.SensoryPort, 2, [0.25, -1.5, 3.0]);
        viaMethod.SetInput(input);

        Assert.That(viaPort.Input.ToArray(), Is.EqualTo(input));
        Assert.That(viaPort.ReadPort("sensory"), Is.EqualTo(input.Select(v => (double)v).ToArray()));
        Assert.That(viaPort.State.InputPending, Is.True);
        viaPortWorld.Step();
        viaMethodWorld.Step();
        Assert.That(viaPort.Activations.ToArray(), Is.EqualTo(viaMethod.Activations.ToArray()));
        Assert.That(viaPort.ReadPort("sensory"), Is.All.EqualTo(0.0), "u is consumed by the tick");
    }

    [Test]
    public void ActivationPort_ReadsX_AndRewardPort_HoldsR()
    {
        using var world = Pipeline.CreateWorld(seed: 5);
        var block = TopologyBlock.Create(world, "t", TopologyDefinition.Random(10, 0.3));
        block.SetInput(Enumerable.Range(0, 10).Select(i => i * 0.3f - 1f).ToArray());
        world.Step();

        Assert.That(block.ReadPort("activation"), Is.EqualTo(block.Activations.ToArray().Select(v => (double)v).ToArray()));
        Assert.That(block.ReadPort("activation").Any(v => v != 0), Is.True);
        block.WritePort("reward", [-0.5]);
        Assert.That(block.Reward, Is.EqualTo(-0.5f));
        Assert.That(block.ReadPort("reward"), Is.EqualTo(new[] { -0.5 }));
    }

    [Test]
    public void BadPortWrites_AreRefused_AndChangeNothing()
    {
        using var world = Pipeline.CreateWorld(seed: 5);
        var parameters = TopologyParameters.Default;
        parameters.LearningRate = 10f;
        var block = TopologyBlock.Create(world, "t", TopologyDefinition.Empty(4, parameters));

        Assert.That(() => block.WritePort(TopologyBlock.ActivationPort, 0, [0.5]), Throws.ArgumentException.With.Message.Contains("output"));
        Assert.That(() => block.WritePort(TopologyBlock.SensoryPort, 3, [1, 2]), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => block.WritePort(TopologyBlock.SensoryPort, 0, [1, double.NaN]), Throws.ArgumentException.With.Message.Contains("finite"));
        Assert.That(() => block.WritePort(TopologyBlock.SensoryPort, 0, [1, 1e300]), Throws.ArgumentException.With.Message.Contains("float"));
        Assert.That(() => block.WritePort("reward", [1e38]), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("η · R"));
        Assert.That(() => block.WritePort("nope", [1]), Throws.ArgumentException.With.Message.Contains("activation, sensory, reward"));
        Assert.That(block.Input.ToArray(), Is.All.EqualTo(0f));
        Assert.That(block.State.InputPending, Is.False);
        Assert.That(block.Reward, Is.EqualTo(1f));
    }

    [Test]
    public void Metrics_AreTheStatistics()
    {
        using var world = Pipeline.CreateWorld(seed: 5);
        var block = TopologyBlock.Create(world, "t", TopologyDefinition.Random(16, 0.25));
        block.SetInput(Enumerable.Repeat(2f, 16).ToArray());
        world.Step();

        var values = new double[block.MetricNames.Count];
        block.ReadMetrics(values);
        var statistics = block.Statistics();
        Assert.That(block.MetricNames, Is.EqualTo(new[]
            { "vertices", "edges", "budget", "meanAbsWeight", "activity", "representation", "tick", "pruned", "sprouted", "replaced" }));
        Assert.That(values, Is.EqualTo(new[]
        {
            16, statistics.Edges, statistics.EdgeBudget, statistics.MeanAbsWeight, statistics.Activity, (double)statistics.Representation, 1,
            block.State.LastPruned, block.State.LastSprouted, block.State.LastReplaced,
        }));
        Assert.That(() => block.ReadMetrics(new double[3]), Throws.ArgumentException);
    }
}
