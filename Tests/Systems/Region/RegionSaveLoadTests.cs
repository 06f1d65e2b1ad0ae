using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization.Worlds;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>
/// Every bit of region state lives in the world's tables, so the generic world codec restores it:
/// run T₁ → save → load → run T₂ equals running T₁ + T₂ (queued events, growth, ports and all).
/// </summary>
public class RegionSaveLoadTests
{
    private static Region Build(World world)
    {
        var region = Region.Create(world, "saved");
        int input = region.AddInputLayer2D(8, 8, 1.0, 0.05);
        int hidden = region.AddLayer(20, 3, 2, SlotConfig.Default with { SlotLimit = 3, FallbackGrowthThreshold = 2 });
        int output = region.AddOutputLayer2D(8, 8, 0.5);
        int scalar = region.AddLayer(10, 1, 1, SlotConfig.Default with { SlotLimit = 0 });
        region.ConnectLayersWindowed(input, hidden, 3, 3, 1, 1, WindowPadding.Same);
        region.ConnectLayersTopographic(input, output, TopographicOptions.Default with { KernelHeight = 3, KernelWidth = 3 });
        region.ConnectLayers(hidden, output, 0.2);
        region.ConnectLayers(scalar, hidden, 0.3);
        region.ConnectLayers(hidden, scalar, 0.1, feedback: true);
        region.BindInput2D("img", input);
        region.BindInput("s", scalar);
        region.BindOutput("out", output);
        return region;
    }

    private static void Drive(Region region, int from, int to)
    {
        var frame = new double[64];
        for (int t = from; t < to; t++)
        {
            for (int i = 0; i < frame.Length; i++)
            {
                double r = CounterRandom.NextDouble(3, 9, (ulong)t, (ulong)i);
                frame[i] = r < 0.3 ? 0.1 + 3 * r : 0.0;
            }

            region.SetFrame("img", frame);
            region.SetInput("s", t % 4 == 0 ? 0.0 : t * 0.37);
            region.World.Step();
        }
    }

    [Test]
    public void SaveMidRun_LoadAndContinue_IdenticalToRunningThrough()
    {
        // Run until the save point is interesting: events waiting in queues and a grown hidden layer.
        using var first = GrowNet.Ecs.Systems.Pipeline.CreateWorld(11);
        var half = Build(first);
        int saveAt = 0;
        while (saveAt < 60 && !(Enumerable.Range(0, half.TractCount).Sum(half.QueuedEvents) > 0 && half.NeuronCount(1) > 25))
            Drive(half, saveAt, ++saveAt);
        Assert.That(saveAt, Is.LessThan(60));
        byte[] bytes = WorldCodec.ToBytes(first);
        using var loaded = WorldCodec.Load(new MemoryStream(bytes));
        var resumed = Region.All(loaded).Single();
        Assert.That(resumed.Name, Is.EqualTo("saved"));
        Assert.That(resumed.PortLayers("img"), Is.EqualTo(new[] { 0 }));
        Assert.That(RegionTestWorlds.Hash(loaded), Is.EqualTo(RegionTestWorlds.Hash(first)));
        Drive(resumed, saveAt, saveAt + 20);

        using var straight = GrowNet.Ecs.Systems.Pipeline.CreateWorld(11);
        var through = Build(straight);
        Drive(through, 0, saveAt + 20);
        Assert.That(RegionTestWorlds.Hash(loaded), Is.EqualTo(RegionTestWorlds.Hash(straight)));
        Assert.That(resumed.Metrics, Is.EqualTo(through.Metrics));
        Assert.That(resumed.NeuronCount(1), Is.EqualTo(through.NeuronCount(1)));
        Assert.That(WorldCodec.ToBytes(loaded), Is.EqualTo(WorldCodec.ToBytes(straight)));
    }
}
