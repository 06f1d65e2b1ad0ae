using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Systems.Region;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests;

/// <summary>The README's embedding example, as written there (fewer frames), so it keeps compiling and running.</summary>
public class ReadmeExampleTests
{
    [Test]
    public void EmbeddingExample_Runs_AndSavesALoadableWorld()
    {
        string path = Path.Combine(Path.GetTempPath(), $"grownet-readme-{Guid.NewGuid():N}.gnw");
        try
        {
            using var world = Pipeline.CreateWorld(seed: 42);
            var pool = NeuronPool.Create(world, "cortex", PoolDefinition.Compat(4096, 0.02f, PoolConfig.Default));
            pool.SetInputRange(0, 100, 10000);
            var region = Region.Create(world, "vision");
            int input = region.AddLayer(excitatory: 40, inhibitory: 8, modulatory: 4);
            int hidden = region.AddLayer(30, 6, 3);
            region.ConnectLayers(input, hidden, probability: 0.10);
            region.BindInput("pixels", input);
            var block = TopologyBlock.Create(world, "assoc", TopologyDefinition.Random(256, 0.05, TopologyParameters.Default));
            for (int frame = 0; frame < 50; frame++)
            {
                region.SetInput("pixels", 0.42);
                world.Step();
                if (pool.CountSpikes(3800, 4096) > 10)
                    pool.ApplyModulation(dopamine: 200, cortisol: 30, acetylcholine: 100);
            }

            Assert.That(pool.TickCount, Is.EqualTo(50UL));
            Assert.That(block.TickCount, Is.EqualTo(50UL));
            Assert.That(world.Scheduler.Timings.All(t => t.Calls == 50), Is.True);
            WorldCodec.SaveFile(world, path);
            using var loaded = WorldCodec.LoadFile(path);
            Assert.That(loaded.Tick, Is.EqualTo(50UL));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
