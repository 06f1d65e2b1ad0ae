using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>
/// Every piece of a block's state lives in the world's tables and components: saved mid-run by
/// the generic world codec and loaded, a block continues exactly as if it had never stopped.
/// </summary>
public class TopologyCodecTests
{
    [TestCase(RepresentationPolicy.Dense)]
    [TestCase(RepresentationPolicy.Sparse)]
    [TestCase(RepresentationPolicy.Auto)]
    public void SaveLoadMidRun_ContinuesBitForBit(RepresentationPolicy policy)
    {
        var parameters = TopologyTestWorlds.Parameters(policy, 0.3);
        parameters.SwitchCooldownTicks = 3;
        var (world, block) = TopologyTestWorlds.RandomBlock(131, 70, 0.04, parameters);
        using var _ = world;
        for (int t = 0; t < 15; t++)
        {
            block.Reward = t % 4 == 0 ? -0.3f : 1f;
            block.SetInput(TopologyTestWorlds.NoiseVector(131, t, 70, 2f));
            block.World.Step();
        }

        block.Reward = 0.7f;
        block.SetInput(TopologyTestWorlds.NoiseVector(131, 99, 70));
        using var loaded = WorldCodec.Load(new MemoryStream(WorldCodec.ToBytes(world)));
        var copy = TopologyBlock.Attach(loaded, block.Entity);
        Assert.That(copy.Name, Is.EqualTo("test"));
        Assert.That(copy.Reward, Is.EqualTo(0.7f));
        Assert.That(copy.State.InputPending, Is.True);
        TopologyReferenceTests.AssertIdentical(block, copy, "after load");
        for (int t = 15; t < 40; t++)
        {
            world.Step();
            loaded.Step();
            TopologyReferenceTests.AssertIdentical(block, copy, $"tick {t}");
            var input = TopologyTestWorlds.NoiseVector(131, t, 70, 2f);
            block.SetInput(input);
            copy.SetInput(input);
        }

        Assert.That(copy.State.Switches, Is.EqualTo(block.State.Switches));
        Assert.That(copy.State.TickCount, Is.EqualTo(block.State.TickCount));
    }
}
