using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Graph;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Graph;

/// <summary>The graph family through the model contract: catalog creation, ports, metrics, description.</summary>
public class GraphPortTests
{
    [Test]
    public void Catalog_CreatesAGraphBlock_FromItsDefinition()
    {
        using var world = Pipeline.CreateWorld(2);
        var population = ModelFamilies.Catalog.Create(world, "g", new GraphDefinition { Config = new GraphConfig { Channels = 2, Hidden = 3 } });
        Assert.That(population, Is.InstanceOf<GraphBlock>());
        Assert.That(population.Family, Is.EqualTo("graph"));
        Assert.That(ModelFamilies.Catalog.Family("graph").Populations(world), Has.Count.EqualTo(1));
        Assert.That(ModelFamilies.Describe(world).Single(), Does.StartWith("graph block 'g': 9 nodes (2 channels, 2 predictors, Lmax 2)"));
        Assert.That(() => ModelFamilies.Catalog.Create(world, "bad", new GraphDefinition { Config = new GraphConfig { HistoryLength = 0 } }),
            Throws.InstanceOf<ModelConfigException>().With.Property(nameof(ModelConfigException.Field)).EqualTo("config.historyLength"));
    }

    [Test]
    public void Ports_StageChannels_AndReadPredictionsErrorsAndStates()
    {
        var (world, block) = GraphTestWorlds.FromTaps(new GraphConfig { Channels = 2, LearningRate = 0f }, new GraphTapSpec());
        using var _ = world;
        Assert.That(Enumerable.Range(0, block.PortCount).Select(i => block.Port(i).ToString()),
            Is.EqualTo(new[] { "channel (in, Float32[2])", "prediction (out, Float32[2])", "error (out, Float32[2])", "state (out, Float32[4])" }));
        block.WritePort("channel", [0.5, -2]);
        world.Step();
        block.WritePort("channel", [1, 1]);
        world.Step();
        Assert.That(block.ReadPort("prediction"), Is.EqualTo(new[] { 0.5, -2 }));
        Assert.That(block.ReadPort("error"), Is.EqualTo(new[] { 0.5, 3 }));
        Assert.That(block.ReadPort("state"), Is.EqualTo(new[] { 1, 1, 0.5, -2 }));
        Assert.That(block.ReadPort("channel"), Is.EqualTo(new[] { 1.0, 1.0 }));
        Assert.That(() => block.WritePort("channel", [double.NaN, 0]), Throws.InstanceOf<ArgumentException>());
        Assert.That(() => block.WritePort("channel", [1e300, 0]), Throws.InstanceOf<ArgumentException>().With.Message.Contains("float range"));
        Assert.That(() => block.WritePort("error", [0, 0]), Throws.InstanceOf<ArgumentException>().With.Message.Contains("output"));
        Assert.That(block.ReadPort("channel"), Is.EqualTo(new[] { 1.0, 1.0 }), "nothing half-applied");
    }

    [Test]
    public void Metrics_NameEveryCounter_AndEachChannelsCycleError()
    {
        var config = new GraphConfig { Channels = 2, Hidden = 4, CycleTicks = 8, SnrWindows = 2 };
        var (world, block) = GraphTestWorlds.Create(config);
        using var _ = world;
        for (int t = 1; t <= 16; t++)
            block.Tick([(float)Math.Sin(t), 0.5f]);
        var names = block.MetricNames;
        Assert.That(names, Is.EqualTo(new[] { "tick", "cycles", "nodes", "predictors", "cstruct", "cactive", "warm", "commits", "displacements",
            "prunes", "splits", "gammaScale", "mse[0]", "nrmse[0]", "mse[1]", "nrmse[1]" }));
        var values = new double[names.Count];
        block.ReadMetrics(values);
        var metrics = block.Metrics();
        Assert.That(values[..4], Is.EqualTo(new double[] { 16, 2, block.NodeCount, 2 }));
        Assert.That((values[4], values[11]), Is.EqualTo(((double)metrics.Cstruct, (double)metrics.GammaScale)));
        Assert.That(values[12], Is.EqualTo(metrics.CycleMse[0]).And.GreaterThan(0));
        Assert.That(values[15], Is.EqualTo(0), "channel 1 is constant: NRMSE reported as 0");
    }
}
