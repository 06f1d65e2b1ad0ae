using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems.Graph;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Graph;

/// <summary>
/// Every piece of a block's state lives in world tables and components: saved at any tick by the
/// generic world codec and loaded, a block continues exactly as an uninterrupted run, byte for byte,
/// on any thread count.
/// </summary>
public class GraphCodecTests
{
    /// <summary>A block big enough for the parallel loops (N ≥ 2048), growing, splitting and logging fast.</summary>
    internal static GraphConfig GrowingConfig => new()
    {
        Channels = 3, Hidden = 1100, HiddenInDegree = 4, HistoryLength = 5, CycleTicks = 16, SnrWindows = 2, ShortlistSize = 8,
        MaxInDegree = 3, MaxPredictorsPerChannel = 3, DeltaLog = true, DeltaHorizon = 12, SnrThreshold = 0f, MinGainFraction = 0f,
    };

    internal static float[] Inputs(long t) => [(float)Math.Sin(0.3 * t), (float)Math.Sign(Math.Sin(0.11 * t)), (float)Math.Cos(0.05 * t * t % 7)];

    [TestCase(1, 37, 2)]
    [TestCase(2, 40, 1)]
    [TestCase(2, 8, 2)]
    public void SaveAtAnyTick_ThenResume_EqualsTheUninterruptedRun(int threadsBefore, int saveTick, int threadsAfter)
    {
        const int total = 100;
        byte[] uninterrupted = Run(total, threads: 1);
        using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld(7);
        world.SetThreadCount(threadsBefore);
        var block = GraphFactory.Create(world, "grow", GrowingConfig);
        for (long t = 1; t <= saveTick; t++)
            block.Tick(Inputs(t));
        using var loaded = WorldCodec.Load(new MemoryStream(WorldCodec.ToBytes(world)));
        loaded.SetThreadCount(threadsAfter);
        var copy = GraphBlock.Attach(loaded, block.Entity);
        Assert.That((copy.Name, copy.TickCount, copy.Cstruct), Is.EqualTo(("grow", (long)saveTick, block.Cstruct)));
        for (long t = saveTick + 1; t <= total; t++)
            copy.Tick(Inputs(t));
        Assert.That(copy.Metrics().Splits, Is.GreaterThan(0), "the run exercised clone-and-split");
        Assert.That(copy.Metrics().Commits, Is.GreaterThan(0), "the run exercised commits");
        Assert.That(WorldCodec.ToBytes(loaded), Is.EqualTo(uninterrupted));
    }

    [Test]
    public void OneAndTwoThreads_GiveIdenticalBytes()
    {
        Assert.That(Run(70, threads: 2), Is.EqualTo(Run(70, threads: 1)));
    }

    [Test]
    public void LoadedWorld_IsCheckedByTheInvariants()
    {
        using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld(7);
        var block = GraphFactory.Create(world, "grow", GrowingConfig with { Hidden = 20 });
        for (long t = 1; t <= 20; t++)
            block.Tick(Inputs(t));
        // A Hidden node's tap reads a predictor: predictors are never tap sources.
        var a = block.Arrays;
        a.TapSource[a.TapStart[block.ChannelCount]] = block.PredictorStart;
        var bytes = WorldCodec.ToBytes(world);
        Assert.That(() => WorldCodec.Load(new MemoryStream(bytes)),
            Throws.InstanceOf<WorldFormatException>().With.Message.Contains("graph block 'grow'").And.Message.Contains("outside the sources"));
    }

    private static byte[] Run(int ticks, int threads)
    {
        using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld(7);
        world.SetThreadCount(threads);
        var block = GraphFactory.Create(world, "grow", GrowingConfig);
        for (long t = 1; t <= ticks; t++)
            block.Tick(Inputs(t));
        return WorldCodec.ToBytes(world);
    }
}
