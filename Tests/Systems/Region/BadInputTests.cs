using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>architecture.md "Embedding API shape": bad input gets a clear exception and leaves the world unchanged.</summary>
public class BadInputTests
{
    private World world = null!;
    private Region region = null!;
    private int scalar, input, output;

    [SetUp]
    public void SetUp()
    {
        (world, region) = RegionTestWorlds.Empty();
        scalar = region.AddLayer(3, 1, 1);
        input = region.AddInputLayer2D(4, 4, 1.0, 0.01);
        output = region.AddOutputLayer2D(4, 4, 0.0);
        region.ConnectLayers(scalar, scalar, 0.5);
        region.ConnectLayersWindowed(input, output, 2, 2, 2, 2);
        region.BindInput("in", scalar);
        region.BindInput2D("img", input);
        region.StepInput("in", 0.5);
    }

    [TearDown]
    public void TearDown() => world.Dispose();

    /// <summary>Asserts <paramref name="action"/> throws <typeparamref name="T"/> mentioning <paramref name="text"/> and changes nothing.</summary>
    private void Rejects<T>(Action action, string text) where T : Exception
    {
        ulong before = RegionTestWorlds.Hash(world);
        int entities = world.EntityCount;
        Assert.That(action, Throws.InstanceOf<T>().With.Message.Contains(text));
        Assert.That(RegionTestWorlds.Hash(world), Is.EqualTo(before));
        Assert.That(world.EntityCount, Is.EqualTo(entities));
    }

    [Test]
    public void UnknownPort_NamesThePort()
    {
        Rejects<ArgumentException>(() => region.StepInput("pixels", 1.0), "'pixels'");
        Rejects<ArgumentException>(() => region.SetFrame("nope", new double[4, 4]), "'nope'");
        Rejects<ArgumentException>(() => region.GetOutputFrame("in"), "'in'");
    }

    [Test]
    public void WrongPortKind()
    {
        Rejects<ArgumentException>(() => region.StepInput("img", 1.0), "SetFrame");
        Rejects<ArgumentException>(() => region.StepFrame("in", new double[4, 4]), "SetInput");
    }

    [Test]
    public void FrameOfTheWrongShape()
    {
        Rejects<ArgumentException>(() => region.StepFrame("img", new double[3, 4]), "3×4");
        Rejects<ArgumentException>(() => region.StepFrame("img", new double[15]), "15 values");
    }

    [Test]
    public void NaNAndInfiniteValues()
    {
        Rejects<ArgumentException>(() => region.StepInput("in", double.NaN), "finite");
        Rejects<ArgumentException>(() => region.SetInput("in", double.PositiveInfinity), "finite");
        var frame = new double[4, 4];
        frame[2, 3] = double.NaN;
        Rejects<ArgumentException>(() => region.StepFrame("img", frame), "(2, 3)");
        var big = new double[1, 40];
        big[0, 37] = double.NegativeInfinity;
        Rejects<ArgumentException>(() => FrameStagingOf(big), "(0, 37)");
        Rejects<ArgumentException>(() => region.PulseInhibition(double.NaN), "finite");
    }

    private void FrameStagingOf(double[,] frame)
    {
        // A 1×40 layer of its own exercises the vector scan's lanes and tail.
        var (w, r) = RegionTestWorlds.Empty();
        using var _ = w;
        int l = r.AddInputLayer2D(1, 40, 1.0, 0.01);
        r.BindInput2D("wide", l);
        r.SetFrame("wide", frame);
    }

    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void ProbabilityOutsideZeroOne(double probability)
        => Rejects<ArgumentOutOfRangeException>(() => region.ConnectLayers(scalar, scalar, probability), "probability");

    [TestCase(0, 2, 1, 1)]
    [TestCase(2, -1, 1, 1)]
    [TestCase(2, 2, 0, 1)]
    [TestCase(2, 2, 1, -3)]
    public void KernelOrStrideNotPositive(int kh, int kw, int sh, int sw)
        => Rejects<ArgumentOutOfRangeException>(() => region.ConnectLayersWindowed(input, output, kh, kw, sh, sw), "");

    [Test]
    public void MissingLayers()
    {
        Rejects<ArgumentOutOfRangeException>(() => region.ConnectLayers(0, 7, 0.5), "no layer 7");
        Rejects<ArgumentOutOfRangeException>(() => region.ConnectLayers(-1, 0, 0.5), "no layer -1");
        Rejects<ArgumentOutOfRangeException>(() => region.BindInput("in", 9), "no layer 9");
        Rejects<ArgumentOutOfRangeException>(() => region.ConnectLayersWindowed(input, 5, 2, 2, 1, 1), "no layer 5");
        Rejects<ArgumentOutOfRangeException>(() => region.Neuron(4, 0), "no layer 4");
        Rejects<ArgumentOutOfRangeException>(() => region.Neuron(scalar, 5), "5 neurons");
        Rejects<ArgumentOutOfRangeException>(() => region.Tract(3), "no tract 3");
    }

    [Test]
    public void WrongLayerKinds()
    {
        Rejects<ArgumentException>(() => region.ConnectLayersWindowed(scalar, output, 2, 2, 1, 1), "InputLayer2D");
        Rejects<ArgumentException>(() => region.ConnectLayers(output, scalar, 0.5), "sink");
        Rejects<ArgumentException>(() => region.ConnectLayers(scalar, input, 0.5), "fed only by its port");
        Rejects<ArgumentException>(() => region.BindInput("x", input), "BindInput2D");
        Rejects<ArgumentException>(() => region.BindInput2D("x", scalar), "InputLayer2D");
        Rejects<ArgumentException>(() => region.SlotCount(input, 0), "not a layer of slot neurons");
        Rejects<ArgumentException>(() => region.GetFrame(scalar), "not an OutputLayer2D");
        int small = -1;
        Rejects<ArgumentException>(() => small = region.ConnectLayersTopographic(input, scalar), "OutputLayer2D");
    }

    [Test]
    public void MismatchedOutputShape()
    {
        var (w, r) = RegionTestWorlds.Empty();
        using var _ = w;
        int i = r.AddInputLayer2D(4, 4, 1.0, 0.01);
        int o = r.AddOutputLayer2D(3, 4, 0.0);
        Assert.That(() => r.ConnectLayersWindowed(i, o, 2, 2, 1, 1), Throws.ArgumentException.With.Message.Contains("3×4"));
    }

    [Test]
    public void BadSizesAndConfigs()
    {
        Rejects<ArgumentOutOfRangeException>(() => region.AddLayer(-1, 0, 0), "excitatory");
        Rejects<ArgumentOutOfRangeException>(() => region.AddInputLayer2D(0, 4, 1.0, 0.01), "height");
        Rejects<ArgumentOutOfRangeException>(() => region.AddOutputLayer2D(4, 4, 1.5), "Smoothing");
        Rejects<ArgumentException>(() => region.AddLayer(1, 0, 0, SlotConfig.Default with { BinWidthPct = double.NaN }), "BinWidthPct");
        Rejects<ArgumentException>(() => region.ConfigureSlots(scalar, SlotConfig.Default with { EpsilonScale = 0 }), "EpsilonScale");
        Rejects<ArgumentOutOfRangeException>(() => region.Prune(-1), "staleWindow");
        Rejects<ArgumentException>(() => region.NeuronValue(scalar, 0, "vibes"), "vibes");
        Assert.That(() => Region.Create(world, "bad", new RegionDefinition { Config = RegionConfig.Default with { InhibitionPulse = double.NaN } }),
            Throws.InstanceOf<ModelConfigException>().With.Property(nameof(ModelConfigException.Field)).EqualTo("config.inhibitionPulse"));
    }

    [Test]
    public void WorldWithoutRegionSystems_IsRefused()
    {
        using var bare = new World();
        Assert.That(() => Region.Create(bare, "r"), Throws.InvalidOperationException.With.Message.Contains("Pipeline.CreateWorld"));
        Assert.That(bare.EntityCount, Is.EqualTo(0));
    }

    [Test]
    public void AfterRejections_TheRegionStillTicks()
    {
        Assert.That(() => region.StepInput("in", double.NaN), Throws.ArgumentException);
        Assert.That(() => region.StepFrame("img", new double[2, 2]), Throws.ArgumentException);
        var metrics = region.StepInput("in", 0.5);
        Assert.That(metrics.Step, Is.EqualTo(1));
        region.StepFrame("img", new double[4, 4]);
        Assert.That(region.Bus.CurrentStep, Is.EqualTo(3));
    }
}
