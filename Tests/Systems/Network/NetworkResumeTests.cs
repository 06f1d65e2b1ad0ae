using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Network;

/// <summary>
/// network.md, "Determinism and files": same seed ⇒ same bytes on any thread count, and saving at
/// any tick then resuming equals the uninterrupted run, for a network with projections, sources,
/// links and modulators.
/// </summary>
public class NetworkResumeTests
{
    /// <summary>Two pools, a projection each way, random and sequence sources, links with EMA and pooling, modulators.</summary>
    internal static World Build(int threads)
    {
        var world = Pipeline.CreateWorld(seed: 7);
        world.SetThreadCount(threads);
        var input = NeuronPool.Create(world, "in", PoolDefinition.Standard(400, 0.02));
        var output = NeuronPool.Create(world, "out", PoolDefinition.Standard(300, 0.02));
        NetworkBuilder.Connect(world, "in->out", input, output, ProjectionDefinition.Bernoulli(0.05));
        NetworkBuilder.Connect(world, "out->in", output, input, ProjectionDefinition.FixedInDegree(3));
        NetworkBuilder.AddSource(world, "noise", SourceDefinition.Poisson("in/current[0..200]", 0.1, scale: 9000));
        NetworkBuilder.AddSource(world, "drift", SourceDefinition.Normal("in/current[200..400]", 500, 800) with { Every = 3 });
        NetworkBuilder.AddSource(world, "stim", SourceDefinition.Sequence("in/inject[0..2]", [[100, 0], [0, 100], [0, 0]], hold: 5) with { Start = 10, Stop = 90 });
        NetworkBuilder.Link(world, new LinkDefinition { From = "in/spikes[0..300]", To = "out/current", Gain = 4000, Ema = 0.5, ClampMax = 3000 });
        NetworkBuilder.Link(world, new LinkDefinition { From = "out/spikes", To = "in/current[0..10]", Map = LinkMap.PoolBroadcast, Reduce = Reduction.Count, Gain = 50, Write = WriteMode.Add });
        NetworkBuilder.AddModulator(world, new ModulatorDefinition
        {
            Target = "in->out", Every = 5, Constant0 = 128, Constant1 = 30,
            Terms = [new(0, 2000, "out/spikes", Reduction.Mean), new(1, 500, "noise/value", Reduction.Mean, "in/spikes", Reduction.Mean)],
        });
        NetworkBuilder.AddModulator(world, new ModulatorDefinition { Target = "out", Every = 7, Constant0 = 140, Constant1 = 20 });
        NetworkBuilder.AddModulator(world, new ModulatorDefinition { Action = ModulatorAction.Synaptogenesis, Target = "out->in", Every = 11, Constant0 = 200 });
        NetworkBuilder.AddModulator(world, new ModulatorDefinition { Action = ModulatorAction.PruneDead, Target = "in->out", Every = 13 });
        return world;
    }

    private static byte[] Run(int threads, int ticks)
    {
        using var world = Build(threads);
        for (int t = 0; t < ticks; t++)
            world.Step();
        return WorldCodec.ToBytes(world);
    }

    private static byte[] RunWithResume(int threads, int first, int second)
    {
        byte[] saved;
        using (var world = Build(threads))
        {
            for (int t = 0; t < first; t++)
                world.Step();
            saved = WorldCodec.ToBytes(world);
        }

        using var resumed = WorldCodec.Load(new MemoryStream(saved));
        resumed.SetThreadCount(threads);
        for (int t = 0; t < second; t++)
            resumed.Step();
        return WorldCodec.ToBytes(resumed);
    }

    [Test]
    public void SaveAndResume_EqualsTheUninterruptedRun_OnOneAndTwoThreads()
    {
        var straight = Run(1, 120);
        Assert.That(Run(2, 120), Is.EqualTo(straight), "two threads");
        Assert.That(RunWithResume(1, 47, 73), Is.EqualTo(straight), "resumed at 47 on one thread");
        Assert.That(RunWithResume(2, 12, 108), Is.EqualTo(straight), "resumed at 12 on two threads");
    }

    [Test]
    public void TheNetworkActuallyWorks()
    {
        using var world = Build(1);
        var output = (NeuronPool)ModelFamilies.Catalog.Get(world, "out");
        long spikes = 0;
        for (int t = 0; t < 60; t++)
        {
            world.Step();
            spikes += output.LastSpikeCount;
        }

        Assert.That(spikes, Is.GreaterThan(0), "the output pool is driven only through the projection and the link");
        Assert.That(Projection.Find(world, "in->out")!.Thermal().Hot, Is.LessThan(Projection.Find(world, "in->out")!.SynapseCount),
            "the modulator changed maturities of the projection");
    }

    [Test]
    public void DamagedNetworkSection_IsRejectedNamingIt()
    {
        using var world = Build(1);
        for (int t = 0; t < 5; t++)
            world.Step();
        // A projection synapse whose target lies outside the target pool: the CRCs are fixed up, so only the invariant can catch it.
        var projection = Projection.Find(world, "in->out")!;
        world.GetTable(projection.State.Synapses).Span(NetworkColumns.Synapses)[0].Target = 300;
        var bytes = WorldCodec.ToBytes(world);
        var error = Assert.Throws<WorldFormatException>(() => WorldCodec.Load(new MemoryStream(bytes)).Dispose());
        Assert.That(error!.Message, Does.Contain("projection 'in->out'").And.Contain("outside the target pool"));
    }

    [Test]
    public void FlippedByteInANetworkColumn_IsAChecksumError()
    {
        using var world = Build(1);
        var bytes = WorldCodec.ToBytes(world);
        var report = WorldCodec.Inspect(new MemoryStream(bytes));
        Assert.That(report.Error, Is.Null);
        // Find the link snapshot column's name in the file and flip a byte in the payload after it.
        int at = IndexOf(bytes, "network.modulator.term"u8.ToArray());
        Assert.That(at, Is.GreaterThan(0));
        bytes[^40] ^= 0x10;
        Assert.Throws<WorldFormatException>(() => WorldCodec.Load(new MemoryStream(bytes)).Dispose());
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
                return i;
        return -1;
    }
}
