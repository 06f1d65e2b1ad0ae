using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>docs/topology.md, "The model contract": <c>TopologyDefinition.Bias</c> is the block's bias b, validated with the rest.</summary>
public class TopologyBiasDefinitionTests
{
    [Test]
    public void Bias_IsSetOnCreation_AndEmptyMeansZero()
    {
        using var world = Pipeline.CreateWorld(seed: 2);
        var biased = TopologyBlock.Create(world, "biased", TopologyDefinition.Empty(4) with { Bias = [0f, 0.25f, -0.5f, 1f] });
        var plain = TopologyBlock.Create(world, "plain", TopologyDefinition.Empty(4));
        using var expected = Pipeline.CreateWorld(seed: 2);
        var set = TopologyBlock.Create(expected, "biased", TopologyDefinition.Empty(4));
        set.SetBias([0f, 0.25f, -0.5f, 1f]);
        TopologyBlock.Create(expected, "plain", TopologyDefinition.Empty(4));
        Assert.That(GrowNet.Ecs.Serialization.Worlds.WorldCodec.ToBytes(world), Is.EqualTo(GrowNet.Ecs.Serialization.Worlds.WorldCodec.ToBytes(expected)),
            "the same as SetBias after creation");
        Assert.That(plain.VertexCount, Is.EqualTo(4));
    }

    [TestCase(3, float.NaN, "bias")]
    [TestCase(4, float.PositiveInfinity, "bias[2]")]
    [TestCase(4, float.NaN, "bias[2]")]
    public void BadBias_NamesTheField_AndCreatesNothing(int count, float bad, string field)
    {
        using var world = Pipeline.CreateWorld(seed: 2);
        var bias = new float[count];
        bias[2] = bad;
        var error = Assert.Throws<ModelConfigException>(() => TopologyBlock.Create(world, "b", TopologyDefinition.Empty(4) with { Bias = bias }));
        Assert.That(error!.Field, Is.EqualTo(field));
        Assert.That(TopologyBlock.All(world), Is.Empty);
    }
}
