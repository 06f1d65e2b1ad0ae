using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Workloads.Network;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Workloads.Network;

/// <summary>network.md, "Scenarios that must run", Scale: the builder's shape (here with small pools).</summary>
public class ScaleNetworkTests
{
    [Test]
    public void Build_SixteenPools_TwoProjectionsOfInDegree20EachAndPoissonDrive()
    {
        using var world = Pipeline.CreateWorld(seed: 4);
        ScaleNetwork.Build(world, cells: 512);
        var pools = NeuronPool.All(world);
        var projections = Projection.All(world);
        Assert.That(pools.Select(p => p.Name), Is.EqualTo(Enumerable.Range(0, 16).Select(ScaleNetwork.PoolName)));
        Assert.That(projections.Select(p => p.Name).Take(2), Is.EqualTo(new[] { "p1->p0", "p5->p0" }));
        Assert.That(projections.Select(p => p.SynapseCount), Is.All.EqualTo(512 * ScaleNetwork.ProjectedDegree));
        Assert.That(SignalSource.All(world).Count, Is.EqualTo(16));
        double meanInDegree = pools.Average(p => (double)p.SynapseCount) / 512;
        Assert.That(meanInDegree, Is.InRange(95.0, 105.0));

        var counter = new SynapticEventCounter(world);
        var (intra, projected, spikes) = counter.Sample(20);
        Assert.That(spikes, Is.GreaterThan(0));
        Assert.That(intra, Is.GreaterThan(0));
        Assert.That(projected, Is.GreaterThan(0));
    }
}
