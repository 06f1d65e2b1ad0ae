using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Systems;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>Structural invariants checked after a world load (the kernels index without bounds checks).</summary>
public class RegionInvariantsTests
{
    private static (GrowNet.Ecs.Engine.World World, Region Region) Built()
    {
        var (world, region) = RegionTestWorlds.Empty();
        int a = region.AddLayer(4, 1, 0);
        int b = region.AddLayer(3, 0, 0);
        region.ConnectLayers(a, b, 1.0);
        region.BindInput("in", a);
        region.StepInput("in", 0.0);
        return (world, region);
    }

    [Test]
    public void ValidRegion_Passes_AndIsDescribed()
    {
        var (world, _) = Built();
        using var _w = world;
        Assert.That(() => ModelFamilies.Validate(world), Throws.Nothing);
        Assert.That(ModelFamilies.Describe(world), Has.Some.StartsWith("region 'test': 2 layers, 8 neurons/pixels"));
    }

    [Test]
    public void SlotBlockOutsideTheTable_IsRefused()
    {
        var (world, region) = Built();
        using var _w = world;
        var neurons = world.GetTable(world.Get<LayerState>(region.LayerEntity(0)).Neurons);
        neurons.Span(RegionColumns.SlotStart)[2] = 1_000_000;
        Assert.That(() => RegionInvariants.Validate(world),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("neuron 2").And.Message.Contains("slot range"));
    }

    [Test]
    public void EdgeToAMissingNeuron_IsRefused()
    {
        var (world, region) = Built();
        using var _w = world;
        var edges = world.GetTable(world.Get<TractState>(region.TractEntity(0)).Edges);
        edges.Span(RegionColumns.EdgeTarget)[5] = 3;
        Assert.That(() => RegionInvariants.Validate(world),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("missing neuron 3"));
    }
}
