using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Demos;

/// <summary>
/// network.md, "Determinism and files": the demos' inputs (sources, the topology reward link) are
/// world state, so a demo world saved at tick 200 and resumed for 200 ticks is, byte for byte, the
/// world of 400 uninterrupted ticks — on one and two threads.
/// </summary>
public class DemoWorldResumeTests
{
    private static readonly TopologyDemoOptions TopologyOptions = new();

    public static IEnumerable<TestCaseData> Demos()
    {
        foreach (int threads in new[] { 1, 2 })
        {
            yield return new TestCaseData("region", threads);
            yield return new TestCaseData("growth", threads);
            yield return new TestCaseData("topology", threads);
        }
    }

    [TestCaseSource(nameof(Demos))]
    public void SaveAt200_Resume200_EqualsFourHundredStraight(string demo, int threads)
    {
        byte[] straight;
        using (var world = Build(demo, threads))
        {
            Step(world, 400);
            straight = WorldCodec.ToBytes(world);
        }

        byte[] saved;
        using (var world = Build(demo, threads))
        {
            Step(world, 200);
            saved = WorldCodec.ToBytes(world);
        }

        using var resumed = WorldCodec.Load(new MemoryStream(saved));
        resumed.SetThreadCount(threads);
        Step(resumed, 200);
        Assert.That(resumed.Tick, Is.EqualTo(400UL));
        Assert.That(WorldCodec.ToBytes(resumed), Is.EqualTo(straight));
    }

    [Test]
    public void TheWorldInputsDriveTheDemos()
    {
        using var region = Build("region", 1);
        Step(region, 50);
        Assert.That(GrowNet.Ecs.Systems.Region.Region.All(region).Single().Metrics.TotalSlots, Is.GreaterThan(0), "the uniform source fed the region");
        using var topology = Build("topology", 1);
        Step(topology, 1);
        var block = GrowNet.Ecs.Systems.Topology.TopologyBlock.All(topology).Single();
        Assert.That(block.Reward, Is.EqualTo(TopologyOptions.Penalty), "the output was not active before tick 0: the link wrote the penalty");
        var patterns = ModelFamilies.Catalog.Get(topology, TopologyDemo.PatternSource).ReadPort("value");
        Assert.That(patterns, Has.Length.EqualTo(TopologyOptions.InputVertices));
        Assert.That(patterns.All(v => v is 1 or -1), Is.True, "the pattern source wrote ±1 to the input vertices");
    }

    private static World Build(string demo, int threads)
    {
        var world = Pipeline.CreateWorld(seed: demo == "growth" ? GrowthDemo.DefaultSeed : 42);
        world.SetThreadCount(threads);
        switch (demo)
        {
            case "region": RegionDemo.Build(world); break;
            case "growth": GrowthDemo.Build(world); break;
            default: TopologyDemo.Build(world, TopologyOptions); break;
        }

        return world;
    }

    private static void Step(World world, int ticks)
    {
        for (int t = 0; t < ticks; t++)
            world.Step();
    }
}
