using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Network;

/// <summary>network.md: links, sources, modulators and projection building, observable one tick at a time.</summary>
public class NetworkSemanticsTests
{
    private static (World World, NeuronPool A, NeuronPool B) TwoPools(int cells = 10)
    {
        var world = Pipeline.CreateWorld(seed: 5);
        return (world, NeuronPool.Create(world, "A", PoolDefinition.Empty(cells)), NeuronPool.Create(world, "B", PoolDefinition.Empty(cells)));
    }

    [Test]
    public void Projection_SpikeArrivesDelayTicksLater_AfterTheTargetsOwnSynapses()
    {
        // pool.md golden "Delay line 0→1 (weight 50 → +3200): the post membrane reads −14720 exactly on tick d", here across pools.
        foreach (byte delay in new byte[] { 1, 3, 8 })
        {
            var (world, a, b) = TwoPools(2);
            using var _ = world;
            NetworkBuilder.Connect(world, "p", a, b, ProjectionDefinition.Explicit(new ExplicitSynapse(0, 1, 50, delay)));
            a.SetInputRange(0, 1, 10000);
            world.Step(); // tick 0: A0 spikes
            a.ClearInput();
            var membranes = new List<short>();
            for (int t = 1; t <= 9; t++)
            {
                world.Step();
                membranes.Add(b.View().Membrane[1]);
            }

            int arrival = membranes.IndexOf(-14720) + 1;
            Assert.That(arrival, Is.EqualTo(delay), $"delay {delay}");
        }
    }

    [Test]
    public void Link_HasOneTickOfLatency_AndConvertsToI16()
    {
        var (world, a, b) = TwoPools();
        using var _ = world;
        NetworkBuilder.Link(world, new LinkDefinition { From = "A/spikes", To = "B/current", Gain = 1000.5 });
        a.SetInputRange(0, 3, 10000);
        world.Step(); // A0..2 spike in tick 0
        Assert.That(b.ReadPort("current")[0], Is.EqualTo(0), "tick 0 read the outputs of before tick 0");
        world.Step(); // tick 1 stages A's tick-0 spikes: 1000.5 rounds half away from zero to 1001
        Assert.That(b.ReadPort("current")[..4], Is.EqualTo(new double[] { 1001, 1001, 1001, 0 }));
    }

    [Test]
    public void Link_PoolThenBroadcast_Ema_Clamp_AndAddAfterSet()
    {
        var (world, a, b) = TwoPools();
        using var _ = world;
        NetworkBuilder.AddSource(world, "c", SourceDefinition.Constant("B/current[0..2]", 7));
        NetworkBuilder.Link(world, new LinkDefinition { From = "c/value", To = "B/current[0..4]", Map = LinkMap.PoolBroadcast, Reduce = Reduction.Sum, Ema = 0.5, Gain = 10, Offset = 1, ClampMax = 60, Write = WriteMode.Add });
        world.Step(); // c.value was 0 at the end of the previous tick: ema 0 → 1 added
        Assert.That(b.ReadPort("current")[..5], Is.EqualTo(new double[] { 8, 8, 1, 1, 0 }));
        world.Step(); // sum 14 → ema 7 → 71 → clamp 60
        Assert.That(b.ReadPort("current")[..5], Is.EqualTo(new double[] { 67, 67, 60, 60, 0 }));
    }

    [Test]
    public void Sources_WindowAndEvery_AndValuePortIsWhatWasWritten()
    {
        var (world, a, _) = TwoPools();
        using var __ = world;
        var source = NetworkBuilder.AddSource(world, "s", SourceDefinition.Sequence("A/current[0..1]", [[1], [2], [3]], hold: 2) with { Start = 2, Stop = 12, Every = 2 });
        var seen = new List<double>();
        for (int t = 0; t < 14; t++)
        {
            world.Step();
            seen.Add(source.ReadPort("value")[0]);
        }

        // Active at ticks 2, 4, …, 10; frame = ((t − 2) / 2) % 3.
        Assert.That(seen, Is.EqualTo(new double[] { 0, 0, 1, 0, 2, 0, 3, 0, 1, 0, 2, 0, 0, 0 }));
    }

    [Test]
    public void WrittenPort_StartsEveryTickAtZero_WhenTheWholePortSetterIsOutsideItsWindow()
    {
        // network.md, "Links": a port a source writes starts the Input phase at 0. The reset is
        // skipped only when the tick's first write sets the whole port; outside the source's
        // window nothing sets it, so what the host wrote before the tick is gone.
        var (world, a, _) = TwoPools(4);
        using var __ = world;
        NetworkBuilder.AddSource(world, "s", SourceDefinition.Constant("A/current", 300) with { Start = 1, Stop = 2 });
        a.SetInputRange(0, 4, 500);
        world.Step(); // tick 0: outside the window
        Assert.That(a.ReadPort("current"), Is.EqualTo(new double[] { 0, 0, 0, 0 }));
        world.Step(); // tick 1: the source sets every cell
        Assert.That(a.ReadPort("current"), Is.EqualTo(new double[] { 300, 300, 300, 300 }));
        a.SetInputRange(0, 4, 500);
        world.Step(); // tick 2: outside again
        Assert.That(a.ReadPort("current"), Is.EqualTo(new double[] { 0, 0, 0, 0 }));
    }

    [Test]
    public void WrittenPort_PartlySetBySource_RestStartsAtZero_AndAnAddLinkAddsOnTop()
    {
        var (world, a, b) = TwoPools(4);
        using var __ = world;
        NetworkBuilder.AddSource(world, "s", SourceDefinition.Constant("B/current[0..2]", 40));
        NetworkBuilder.AddSource(world, "whole", SourceDefinition.Constant("A/current", 20));
        NetworkBuilder.Link(world, new LinkDefinition { From = "s/value", To = "A/current", Map = LinkMap.PoolBroadcast, Reduce = Reduction.Max, Write = WriteMode.Add });
        b.SetInputRange(0, 4, 500);
        world.Step(); // the link reads s's value of before tick 0 (0)
        Assert.That(b.ReadPort("current"), Is.EqualTo(new double[] { 40, 40, 0, 0 }));
        Assert.That(a.ReadPort("current"), Is.EqualTo(new double[] { 20, 20, 20, 20 }));
        world.Step();
        Assert.That(a.ReadPort("current"), Is.EqualTo(new double[] { 60, 60, 60, 60 }));
    }

    [Test]
    public void RandomSources_DrawFromTheCounterRandom_SameOnAnotherWorld()
    {
        double[] Draw()
        {
            var (world, a, _) = TwoPools();
            using var __ = world;
            var s = NetworkBuilder.AddSource(world, "u", SourceDefinition.Uniform("A/current", -100, 100));
            world.Step();
            world.Step();
            return s.ReadPort("value");
        }

        var first = Draw();
        Assert.That(Draw(), Is.EqualTo(first));
        Assert.That(first.Distinct().Count(), Is.GreaterThan(5));
        Assert.That(first.All(v => v is >= -100 and < 100), Is.True);
    }

    [Test]
    public void PoissonCount_HasTheRequestedMean()
    {
        var (world, a, _) = TwoPools(1);
        using var __ = world;
        var s = NetworkBuilder.AddSource(world, "p", SourceDefinition.Poisson("A/current", 3.0, count: true));
        double sum = 0;
        for (int t = 0; t < 2000; t++)
        {
            world.Step();
            sum += s.ReadPort("value")[0];
        }

        Assert.That(sum / 2000, Is.EqualTo(3.0).Within(0.2));
    }

    [Test]
    public void Modulator_LevelsRoundHalfAwayAndClamp_AndMatchTheHostCallBetweenTicks()
    {
        // The same modulation through a modulator and by the host between ticks gives the same bytes.
        byte[] Run(bool modulator)
        {
            var world = Pipeline.CreateWorld(seed: 9);
            using var _ = world;
            var pool = NeuronPool.Create(world, "P", PoolDefinition.Compat(50, 0.1f));
            if (modulator)
                NetworkBuilder.AddModulator(world, new ModulatorDefinition { Target = "P", Constant0 = 199.5, Constant1 = -4 });
            pool.SetInputRange(0, 15, 8000);
            for (int t = 0; t < 20; t++)
            {
                world.Step();
                if (!modulator)
                    pool.ApplyModulation(200, 0, 0); // 199.5 → 200; −4 → 0
            }

            return GrowNet.Ecs.Serialization.Worlds.WorldCodec.ToBytes(world).AsSpan(0).ToArray();
        }

        var host = Run(false);
        var modulated = Run(true);
        // The files differ only by the modulator's own entity and table; compare the pool's synapses instead.
        Assert.That(modulated.Length, Is.GreaterThan(host.Length));
        var w1 = GrowNet.Ecs.Serialization.Worlds.WorldCodec.Load(new MemoryStream(host));
        var w2 = GrowNet.Ecs.Serialization.Worlds.WorldCodec.Load(new MemoryStream(modulated));
        var p1 = (NeuronPool)ModelFamilies.Catalog.Get(w1, "P");
        var p2 = (NeuronPool)ModelFamilies.Catalog.Get(w2, "P");
        Assert.That(p2.Synapses().ToArray(), Is.EqualTo(p1.Synapses().ToArray()));
        Assert.That(p2.Thermal(), Is.Not.EqualTo(new ThermalCounts(p2.SynapseCount, 0, 0, 0, 0)));
    }

    [Test]
    public void RemovingAPool_RemovesItsProjectionsLinksAndModulators()
    {
        var (world, a, b) = TwoPools();
        using var _ = world;
        var c = NeuronPool.Create(world, "C", PoolDefinition.Empty(5));
        NetworkBuilder.Connect(world, "ab", a, b, ProjectionDefinition.Bernoulli(0.5));
        NetworkBuilder.Connect(world, "ca", c, a, ProjectionDefinition.Bernoulli(0.5));
        NetworkBuilder.Link(world, new LinkDefinition { From = "B/spikes", To = "A/current" });
        NetworkBuilder.AddModulator(world, new ModulatorDefinition { Target = "ab", Constant0 = 200 });
        NetworkBuilder.Remove(world, b.Entity);
        Assert.That(NetworkBuilder.Projections(world).Select(p => p.Name), Is.EqualTo(new[] { "ca" }));
        world.Step();
        Assert.That(NetworkBuilder.Describe(world).Count(), Is.EqualTo(1));
        // A pool destroyed directly through the world is noticed at the next tick.
        world.Destroy(c.Entity);
        world.Step();
        Assert.That(NetworkBuilder.Projections(world), Is.Empty);
    }

    [TestCase("X/current", "no population 'X'")]
    [TestCase("B/nope", "has no port 'nope'")]
    [TestCase("B/current[5..11]", "outside port B/current of length 10")]
    [TestCase("B/spikes", "is an output")]
    [TestCase("B/current[3..", "bad range")]
    public void Link_BadTarget_NamesIt_AndBuildsNothing(string to, string message)
    {
        var (world, _, _) = TwoPools();
        using var __ = world;
        var error = Assert.Throws<ArgumentException>(() => NetworkBuilder.Link(world, new LinkDefinition { From = "A/spikes", To = to }));
        Assert.That(error!.Message, Does.Contain(message));
        Assert.That(NetworkBuilder.Describe(world), Is.Empty);
    }

    [Test]
    public void BadInput_IsRefusedBeforeAnythingIsBuilt()
    {
        var (world, a, b) = TwoPools();
        using var _ = world;
        Assert.That(Assert.Throws<ArgumentException>(() => NetworkBuilder.Link(world, new LinkDefinition { From = "A/spikes[0..3]", To = "B/current[0..4]" }))!.Message,
            Does.Contain("equal lengths"));
        Assert.That(Assert.Throws<ModelConfigException>(() => NetworkBuilder.Link(world, new LinkDefinition { From = "A/spikes", To = "B/current", Gain = double.NaN }))!.Field,
            Is.EqualTo("gain"));
        Assert.That(Assert.Throws<ModelConfigException>(() => NetworkBuilder.Connect(world, "p", a, b, ProjectionDefinition.Bernoulli(0.1) with { MaxDelay = 9 }))!.Message,
            Does.Contain("ring of 8 slots"));
        Assert.That(Assert.Throws<ModelConfigException>(() => NetworkBuilder.Connect(world, "p", a, b, ProjectionDefinition.Explicit(new ExplicitSynapse(0, 1, 5, 9))))!.Field,
            Is.EqualTo("synapses[0]"));
        Assert.That(Assert.Throws<ModelConfigException>(() => NetworkBuilder.Connect(world, "p", a, b, ProjectionDefinition.Explicit(new ExplicitSynapse(9, 1, 5, 1))))!.Message,
            Does.Contain("Dale"));
        Assert.That(Assert.Throws<ModelConfigException>(() => NetworkBuilder.AddSource(world, "s", SourceDefinition.Sequence("A/current[0..2]", [[1, 2, 3]])))!.Field,
            Is.EqualTo("frames[0]"));
        Assert.That(Assert.Throws<ModelConfigException>(() => NetworkBuilder.AddSource(world, "s", SourceDefinition.Poisson("A/current", 1.5)))!.Field,
            Is.EqualTo("p0"));
        Assert.That(Assert.Throws<ArgumentException>(() => NetworkBuilder.AddModulator(world, new ModulatorDefinition { Target = "nobody" }))!.Message,
            Does.Contain("no pool or projection 'nobody'"));
        Assert.That(Assert.Throws<ModelConfigException>(() => NetworkBuilder.AddModulator(world, new ModulatorDefinition { Target = "A", Terms = [new(2, 1, "A/spikes")] }))!.Field,
            Is.EqualTo("terms[0].level"));
        Assert.That(NetworkBuilder.Projections(world), Is.Empty);
        Assert.That(NetworkBuilder.Describe(world), Is.Empty);
        Assert.That(SignalSource.All(world), Is.Empty);
    }

    [Test]
    public void LinkCycles_AreFine()
    {
        var (world, a, b) = TwoPools();
        using var _ = world;
        NetworkBuilder.Link(world, new LinkDefinition { From = "A/spikes", To = "B/current", Gain = 20000 });
        NetworkBuilder.Link(world, new LinkDefinition { From = "B/spikes", To = "A/current", Gain = 20000 });
        a.Inject(0, 10, 1, 255); // the held current would be reset by the link: a port links write starts each tick at 0
        world.Step();
        int total = 0;
        for (int t = 0; t < 12; t++)
        {
            world.Step();
            total += a.LastSpikeCount + b.LastSpikeCount;
        }

        Assert.That(total, Is.GreaterThan(0), "activity bounces between the pools");
    }

    [Test]
    public void FileSource_Csv_And_Pgm_AndAChangedFileIsRefusedOnLoad()
    {
        string dir = Directory.CreateTempSubdirectory("gnw-source").FullName;
        string csv = Path.Combine(dir, "in.csv"), pgm = Path.Combine(dir, "in.pgm");
        File.WriteAllText(csv, "t,value\n0,5\n1,6.5\n");
        File.WriteAllBytes(pgm, [.. "P5 2 1 255\n"u8.ToArray(), 0, 255, .. "P2 2 1 255\n10 20\n"u8.ToArray()]);
        var (world, a, b) = TwoPools(2);
        var fromCsv = NetworkBuilder.AddSource(world, "csv", SourceDefinition.File("A/current", csv, column: 1));
        var fromPgm = NetworkBuilder.AddSource(world, "pgm", SourceDefinition.File("B/current", pgm));
        world.Step();
        world.Step();
        Assert.That(fromCsv.ReadPort("value"), Is.EqualTo(new double[] { 6.5, 6.5 }));
        Assert.That(fromPgm.ReadPort("value"), Is.EqualTo(new[] { 10 / 255.0, 20 / 255.0 }));
        var bytes = GrowNet.Ecs.Serialization.Worlds.WorldCodec.ToBytes(world);
        world.Dispose();
        GrowNet.Ecs.Serialization.Worlds.WorldCodec.Load(new MemoryStream(bytes)).Dispose();
        File.AppendAllText(csv, "2,7\n");
        var error = Assert.Throws<GrowNet.Ecs.Serialization.Worlds.WorldFormatException>(() => GrowNet.Ecs.Serialization.Worlds.WorldCodec.Load(new MemoryStream(bytes)).Dispose());
        Assert.That(error!.Message, Does.Contain("source 'csv'").And.Contain("the file changed"));
        Directory.Delete(dir, recursive: true);
    }
}
