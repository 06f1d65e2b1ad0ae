using System.Diagnostics;
using GrowNet.Ecs.Components.Pool;
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
    private static World Build()
    {
        var world = Pipeline.CreateWorld(seed: 21);
        var pool = PoolFactory.CreateCompat(world, "pool", 40, 0.15f, PoolConfig.Default);
        pool.SetInputRange(0, 6, 9000);
        var region = Region.Create(world, "region");
        int input = region.AddLayer(6, 2, 1);
        int output = region.AddLayer(4, 1, 1);
        region.ConnectLayers(input, output, 0.5);
        region.ConnectLayers(output, input, 0.1, feedback: true);
        region.BindInput("in", input);
        TopologyFactory.CreateRandom(world, "block", 24, 0.2, TopologyParameters.Default);
        return world;
    }

    private static void Run(World world, int ticks)
    {
        var region = Region.All(world).Single();
        var block = TopologyBlock.All(world).Single();
        var input = new float[block.VertexCount];
        for (int t = 0; t < ticks; t++)
        {
            ulong tick = world.Tick;
            region.SetInput("in", 0.5 + 0.4 * Math.Sin(tick * 0.37));
            for (int v = 0; v < input.Length; v++)
                input[v] = (float)Math.Cos(tick * 0.11 + v);
            block.SetInput(input);
            world.Step();
            if (tick % 40 == 39)
            {
                var pool = NeuronPool.All(world).Single();
                pool.ApplyModulation(200, 40, 100);
                pool.Synaptogenesis(200);
                pool.PruneDead();
            }
        }
    }

    [TestCase(1, 150)]
    [TestCase(77, 80)]
    public void Continuation_AllModels_EqualsUninterrupted(int t1, int t2)
    {
        using var straight = Build();
        Run(straight, t1 + t2);
        using var first = Build();
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
