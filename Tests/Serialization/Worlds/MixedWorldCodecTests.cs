using System.Diagnostics;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Systems.Region;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Serialization.Worlds;

/// <summary>world-format.md: a world holding every model at once saves, loads and continues exactly.</summary>
public class MixedWorldCodecTests
{
    [Flags]
    public enum Models { Pool = 1, Region = 2, Topology = 4, All = 7 }

    private static World Build(Models models = Models.All)
    {
        var world = Pipeline.CreateWorld(seed: 21);
        if (models.HasFlag(Models.Pool))
        {
            var pool = NeuronPool.Create(world, "pool", PoolDefinition.Compat(40, 0.15f, PoolConfig.Default));
            pool.SetInputRange(0, 6, 9000);
        }

        if (models.HasFlag(Models.Region))
        {
            var region = Region.Create(world, "region");
            int input = region.AddLayer(6, 2, 1, SlotConfig.Default with { SlotLimit = 2, FallbackGrowthThreshold = 1 });
            int output = region.AddLayer(4, 1, 1);
            region.ConnectLayers(input, output, 0.5);
            region.ConnectLayers(output, input, 0.1, feedback: true);
            region.BindInput("in", input);
        }

        if (models.HasFlag(Models.Topology))
            TopologyBlock.Create(world, "block", TopologyDefinition.Random(24, 0.2, TopologyParameters.Default));
        return world;
    }

    private static void Run(World world, int ticks)
    {
        var region = Region.All(world).SingleOrDefault();
        var block = TopologyBlock.All(world).SingleOrDefault();
        var input = new float[block?.VertexCount ?? 0];
        for (int t = 0; t < ticks; t++)
        {
            ulong tick = world.Tick;
            // Growing input values push the region's neurons onto the fallback slot: neuron growth.
            region?.SetInput("in", 1.0 + tick * 0.35);
            for (int v = 0; v < input.Length; v++)
                input[v] = (float)Math.Cos(tick * 0.11 + v);
            block?.SetInput(input);
            world.Step();
            if (tick % 40 == 39)
            {
                foreach (var pool in NeuronPool.All(world))
                {
                    pool.ApplyModulation(200, 40, 100);
                    pool.Synaptogenesis(200);
                    pool.PruneDead();
                }

                region?.Prune(10, 0.5);
            }
        }
    }

    [TestCase(Models.Pool, 60, 70)]
    [TestCase(Models.Region, 60, 70)]
    [TestCase(Models.Topology, 60, 70)]
    [TestCase(Models.All, 1, 150)]
    [TestCase(Models.All, 77, 80)]
    public void Continuation_EachModelAndAll_EqualsUninterrupted(Models models, int t1, int t2)
    {
        using var straight = Build(models);
        Run(straight, t1 + t2);
        if (models.HasFlag(Models.Region))
            Assert.That(Region.All(straight).Single().NeuronCount(0), Is.GreaterThan(9), "the region grew");
        using var first = Build(models);
        Run(first, t1);
        var saved = WorldCodec.ToBytes(first);
        using var resumed = WorldCodec.Load(new MemoryStream(saved));
        Assert.That(WorldCodec.ToBytes(resumed), Is.EqualTo(saved));
        Run(resumed, t2);
        Assert.That(WorldCodec.ToBytes(resumed), Is.EqualTo(WorldCodec.ToBytes(straight)));
    }

    [Test]
    public void FreshProcess_InspectsAMixedWorld()
    {
        // A new process has registered nothing yet: the catalog must register every model's columns.
        using var world = Build();
        Run(world, 30);
        string path = Path.Combine(Path.GetTempPath(), $"grownet-mixed-{Guid.NewGuid():N}.gnw");
        try
        {
            WorldCodec.SaveFile(world, path);
            string cli = Path.Combine(AppContext.BaseDirectory, "grownet.dll");
            var start = new ProcessStartInfo("dotnet", [cli, "inspect", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            Assert.That(process.WaitForExit(60_000), Is.True);
            Assert.That(process.ExitCode, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("pool 'pool'"));
            Assert.That(output, Does.Contain("region"));
            Assert.That(output, Does.Contain("block"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
