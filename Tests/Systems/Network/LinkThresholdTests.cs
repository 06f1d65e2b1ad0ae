using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Network;

/// <summary>
/// docs/network.md, "Decisions where the spec is silent": a link's optional threshold step turns
/// each mapped value into 1 (above the threshold) or 0, after pooling and before the EMA, gain and offset.
/// </summary>
public class LinkThresholdTests
{
    private static readonly double[][] Frames = [[0.2, 0.5, 0.9, -1]];

    [Test]
    public void Elementwise_StepsEachValue_ThenGainAndOffset()
    {
        using var world = Pipeline.CreateWorld(seed: 1);
        NeuronPool.Create(world, "A", PoolDefinition.Empty(4));
        var b = NeuronPool.Create(world, "B", PoolDefinition.Empty(4));
        NetworkBuilder.AddSource(world, "s", SourceDefinition.Sequence("A/current", Frames));
        NetworkBuilder.Link(world, new LinkDefinition { From = "s/value", To = "B/current", Threshold = 0.5, Gain = 100, Offset = 7 });
        world.Step(); // the link read s/value before tick 0: zeros, none above 0.5
        Assert.That(b.ReadPort("current"), Is.EqualTo(new double[] { 7, 7, 7, 7 }));
        world.Step(); // 0.5 is not above 0.5
        Assert.That(b.ReadPort("current"), Is.EqualTo(new double[] { 7, 7, 107, 7 }));
    }

    [Test]
    public void Pooled_StepsThePooledValue_BeforeTheEma()
    {
        using var world = Pipeline.CreateWorld(seed: 1);
        NeuronPool.Create(world, "A", PoolDefinition.Empty(4));
        var b = NeuronPool.Create(world, "B", PoolDefinition.Empty(2));
        NetworkBuilder.AddSource(world, "s", SourceDefinition.Sequence("A/current", Frames));
        NetworkBuilder.Link(world, new LinkDefinition
        {
            From = "s/value", To = "B/current", Map = LinkMap.PoolBroadcast, Reduce = Reduction.Max, Threshold = 0.8, Ema = 0.5, Gain = 1000,
        });
        world.Step();
        Assert.That(b.ReadPort("current"), Is.EqualTo(new double[] { 0, 0 }));
        world.Step(); // max 0.9 > 0.8 → 1; EMA 0.5 · 1 → 0.5; · 1000
        Assert.That(b.ReadPort("current"), Is.EqualTo(new double[] { 500, 500 }));
        world.Step(); // EMA 0.75
        Assert.That(b.ReadPort("current"), Is.EqualTo(new double[] { 750, 750 }));
    }

    [Test]
    public void OnlyThresholdedLinksCarryIt_AndAFileKeepsIt()
    {
        using var world = Pipeline.CreateWorld(seed: 1);
        NeuronPool.Create(world, "A", PoolDefinition.Empty(4));
        NeuronPool.Create(world, "B", PoolDefinition.Empty(4));
        NetworkBuilder.AddSource(world, "s", SourceDefinition.Sequence("A/current", Frames));
        var plain = NetworkBuilder.Link(world, new LinkDefinition { From = "s/value", To = "B/current[0..2]", Map = LinkMap.PoolBroadcast });
        var stepped = NetworkBuilder.Link(world, new LinkDefinition { From = "s/value", To = "B/current[2..4]", Map = LinkMap.PoolBroadcast, Threshold = -0.25, Gain = 9 });
        Assert.That((world.Has<LinkThreshold>(plain), world.Has<LinkThreshold>(stepped)), Is.EqualTo((false, true)));
        world.Step();
        byte[] saved = WorldCodec.ToBytes(world);
        using var loaded = WorldCodec.Load(new MemoryStream(saved));
        Assert.That(loaded.Get<LinkThreshold>(stepped).Value, Is.EqualTo(-0.25));
        world.Step();
        loaded.Step();
        Assert.That(WorldCodec.ToBytes(loaded), Is.EqualTo(WorldCodec.ToBytes(world)));
        Assert.That(NeuronPoolOf(loaded, "B").ReadPort("current"), Is.EqualTo(new double[] { 0, 0, 9, 9 }), "mean 0.15 > −0.25; the plain link passes the mean 0.15, which rounds to 0");
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void NonFiniteThreshold_IsRefused_AndNothingIsBuilt(double threshold)
    {
        using var world = Pipeline.CreateWorld(seed: 1);
        NeuronPool.Create(world, "A", PoolDefinition.Empty(4));
        var error = Assert.Throws<ModelConfigException>(() =>
            NetworkBuilder.Link(world, new LinkDefinition { From = "A/spikes", To = "A/current", Threshold = threshold }));
        Assert.That(error!.Field, Is.EqualTo("threshold"));
        Assert.That(NetworkBuilder.Describe(world), Is.Empty);
    }

    private static NeuronPool NeuronPoolOf(GrowNet.Ecs.Engine.World world, string name) => (NeuronPool)ModelFamilies.Catalog.Get(world, name);
}
