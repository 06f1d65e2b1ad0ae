using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Pool;

/// <summary>network.md, "Ports": the pool's outputs and inputs through the model contract.</summary>
[TestFixture]
public class NeuronPoolPortTests
{
    [Test]
    public void Ports_AreThoseOfTheNetworkSpec()
    {
        using var world = Pipeline.CreateWorld(seed: 3);
        var pool = NeuronPool.Create(world, "p", PoolDefinition.Standard(64, 0.1));

        var ports = Enumerable.Range(0, pool.PortCount).Select(pool.Port).ToArray();
        Assert.That(ports, Is.EqualTo(new PortDescriptor[]
        {
            new("spikes", PortDirection.Output, PortElement.Bool, 64),
            new("trace", PortDirection.Output, PortElement.Int8, 64),
            new("spikeCount", PortDirection.Output, PortElement.Int32, 1),
            new("current", PortDirection.Input, PortElement.Int16, 64),
            new("inject", PortDirection.Input, PortElement.Int16, 64),
        }));
        Assert.That(pool.Family, Is.EqualTo("pool"));
    }

    [Test]
    public void CurrentPort_HoldsTheInput_LikeSetInputRange_WithTheSpecsRounding()
    {
        using var world = Pipeline.CreateWorld(seed: 3);
        var viaPort = NeuronPool.Create(world, "a", PoolDefinition.Empty(16));
        var viaMethod = NeuronPool.Create(world, "b", PoolDefinition.Empty(16));

        viaPort.WritePort(NeuronPool.CurrentPort, 2, [9999.5, 9999.5, 40000, -2.5]);
        viaMethod.SetInputRange(2, 4, 10000);
        viaMethod.SetInputRange(4, 5, short.MaxValue);
        viaMethod.SetInputRange(5, 6, -3);

        Assert.That(viaPort.View().Input.ToArray(), Is.EqualTo(viaMethod.View().Input.ToArray()));
        Assert.That(viaPort.State.InputLength, Is.EqualTo(6));
        var read = new double[4];
        viaPort.ReadPort(NeuronPool.CurrentPort, 2, read);
        Assert.That(read, Is.EqualTo(new double[] { 10000, 10000, 32767, -3 }));
    }

    [Test]
    public void SpikesAndSpikeCount_ReadTheLastTick()
    {
        using var world = Pipeline.CreateWorld(seed: 3);
        var pool = NeuronPool.Create(world, "p", PoolDefinition.Empty(32));
        pool.SetInputRange(0, 10, 10000);
        for (int t = 0; t < 50 && pool.LastSpikeCount == 0; t++)
            world.Step();

        var spikes = pool.ReadPort("spikes");
        var expected = pool.ReadOutput(0, 32).Select(s => s ? 1.0 : 0.0).ToArray();
        Assert.That(spikes, Is.EqualTo(expected));
        Assert.That(pool.ReadPort("spikeCount"), Is.EqualTo(new double[] { pool.LastSpikeCount }));
        Assert.That(pool.LastSpikeCount, Is.GreaterThan(0), "the driven cells spike within 50 ticks");
    }

    [Test]
    public void InjectPort_AddsToTheMembranesOnce()
    {
        using var world = Pipeline.CreateWorld(seed: 3);
        var pool = NeuronPool.Create(world, "p", PoolDefinition.Empty(8));
        short before = pool.View().Membrane[3];

        pool.WritePort(NeuronPool.InjectPort, 3, [1280]);

        Assert.That(pool.View().Membrane[3], Is.EqualTo((short)(before + 1280)));
        Assert.That(pool.ReadPort("inject"), Is.All.EqualTo(0.0));
    }

    [Test]
    public void BadPortWrites_AreRefused_AndChangeNothing()
    {
        using var world = Pipeline.CreateWorld(seed: 3);
        var pool = NeuronPool.Create(world, "p", PoolDefinition.Empty(8));
        var before = pool.View().Input.ToArray();

        Assert.That(() => pool.WritePort(NeuronPool.CurrentPort, 0, [1, double.NaN]),
            Throws.ArgumentException.With.Message.Contains("p/current").And.Message.Contains("NaN"));
        Assert.That(() => pool.WritePort(NeuronPool.CurrentPort, 6, [1, 2, 3]),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("[6..9)"));
        Assert.That(() => pool.WritePort(NeuronPool.SpikesPort, 0, [1]),
            Throws.ArgumentException.With.Message.Contains("is an output"));
        Assert.That(() => pool.PortIndex("spike"),
            Throws.ArgumentException.With.Message.Contains("no port 'spike'").And.Message.Contains("spikeCount"));
        Assert.That(pool.View().Input.ToArray(), Is.EqualTo(before));
        Assert.That(pool.State.InputLength, Is.EqualTo(0));
    }

    [Test]
    public void Metrics_AreNamed_AndMatchTheStats()
    {
        using var world = Pipeline.CreateWorld(seed: 3);
        var pool = NeuronPool.Create(world, "p", PoolDefinition.Standard(64, 0.1));
        world.Step();
        var values = new double[pool.MetricNames.Count];
        pool.ReadMetrics(values);

        var stats = pool.Stats();
        Assert.That(pool.MetricNames, Is.EqualTo(new[] { "cells", "synapses", "tick", "spikes", "hot", "warm", "cool", "cold", "dead" }));
        Assert.That(values, Is.EqualTo(new double[]
        {
            64, stats.Synapses, 1, stats.LastSpikes, stats.Thermal.Hot, stats.Thermal.Warm, stats.Thermal.Cool, stats.Thermal.Cold, stats.Thermal.Dead,
        }));
        Assert.That(() => pool.ReadMetrics(new double[3]), Throws.ArgumentException);
    }

    [Test]
    public void Catalog_CreatesPools_AndRefusesTakenNames()
    {
        using var world = Pipeline.CreateWorld(seed: 3);
        var created = ModelFamilies.Catalog.Create(world, "p", PoolDefinition.Empty(8));

        Assert.That(created, Is.InstanceOf<NeuronPool>());
        Assert.That(ModelFamilies.Catalog.Get(world, "p").Entity, Is.EqualTo(created.Entity));
        Assert.That(() => ModelFamilies.Catalog.Create(world, "p", PoolDefinition.Empty(8)),
            Throws.ArgumentException.With.Message.Contains("'p' exists already"));
        Assert.That(() => ModelFamilies.Catalog.Create(world, "q", PoolDefinition.Empty(0)),
            Throws.InstanceOf<ModelConfigException>().With.Property("Field").EqualTo("cells"));
        Assert.That(world.EntityCount, Is.EqualTo(1));
    }

    [TestCase(0, 700)]
    [TestCase(3, 650)]
    [TestCase(13, 9)]
    [TestCase(699, 1)]
    public void ReadNonZero_OfSpikes_ListsTheCellsReadPortShowsSpiking(int start, int width)
    {
        using var world = Pipeline.CreateWorld(seed: 3);
        var pool = NeuronPool.Create(world, "p", PoolDefinition.Standard(700, 0.05));
        pool.SetInputRange(0, 350, 10000);
        var indices = new int[width];
        int ticksWithSpikes = 0;
        for (int t = 0; t < 40; t++)
        {
            world.Step();
            var flags = new double[width];
            pool.ReadPort(NeuronPool.SpikesPort, start, flags);
            int[] expected = [.. Enumerable.Range(start, width).Where(i => flags[i - start] != 0)];
            int count = pool.ReadNonZero(NeuronPool.SpikesPort, start, width, indices);
            Assert.That(indices[..count], Is.EqualTo(expected), $"tick {world.Tick}");
            ticksWithSpikes += count > 0 ? 1 : 0;
        }

        Assert.That(ticksWithSpikes, Is.GreaterThan(5), "the test must see spikes");
    }

    [Test]
    public void ReadNonZero_OfOtherPorts_UsesTheFamilyNeutralRead()
    {
        using var world = Pipeline.CreateWorld(seed: 3);
        var pool = NeuronPool.Create(world, "p", PoolDefinition.Empty(600));
        pool.WritePort(NeuronPool.CurrentPort, 0, [.. Enumerable.Range(0, 600).Select(i => i % 7 == 0 ? 5.0 : 0.0)]);
        var indices = new int[590];
        int count = pool.ReadNonZero(NeuronPool.CurrentPort, 10, 590, indices);
        Assert.That(indices[..count], Is.EqualTo(Enumerable.Range(10, 590).Where(i => i % 7 == 0).ToArray()));
    }

    [Test]
    public void ReadNonZero_RefusesABadRangeOrAShortBuffer()
    {
        using var world = Pipeline.CreateWorld(seed: 3);
        var pool = NeuronPool.Create(world, "p", PoolDefinition.Empty(16));
        Assert.That(() => pool.ReadNonZero(NeuronPool.SpikesPort, 10, 7, new int[7]), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => pool.ReadNonZero(NeuronPool.SpikesPort, 0, 16, new int[15]), Throws.ArgumentException);
        Assert.That(() => pool.ReadNonZero(9, 0, 1, new int[1]), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
