using GrowNet.Ecs.Distributed.Network;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Distributed.Network;

/// <summary>docs/distributed.md, "Placement": explicit ranks, the default by size, bad placements.</summary>
[TestFixture]
public sealed class PopulationRanksTests
{
    private static readonly (string, IPopulationDefinition)[] Pools =
    [
        ("a", PoolDefinition.Empty(100)), ("b", PoolDefinition.Empty(400)), ("c", PoolDefinition.Empty(300)), ("d", PoolDefinition.Empty(200)),
    ];

    [Test]
    public void DefaultPlacesLargestFirstOnTheLeastLoadedRank()
    {
        var ranks = PopulationRanks.Assign(Pools, 2);
        // b(400)→0, c(300)→1, d(200)→1 (300 < 400), a(100)→0 (400 < 500).
        Assert.That(new[] { "a", "b", "c", "d" }.Select(ranks.RankOf), Is.EqualTo(new[] { 0, 0, 1, 1 }));
    }

    [Test]
    public void ExplicitRanksCountFirst()
    {
        var ranks = PopulationRanks.Assign(Pools, 2, new Dictionary<string, int> { ["b"] = 1 });
        // b→1 (400); c(300)→0; d(200)→0 (300 < 400); a(100)→1 (400 < 500).
        Assert.That(new[] { "a", "b", "c", "d" }.Select(ranks.RankOf), Is.EqualTo(new[] { 1, 1, 0, 0 }));
    }

    [Test]
    public void BadPlacementsNameTheField()
    {
        var unknown = Assert.Throws<ModelConfigException>(() => PopulationRanks.Assign(Pools, 2, new Dictionary<string, int> { ["x"] = 0 }));
        Assert.That(unknown!.Field, Is.EqualTo("placement.x"));
        var outside = Assert.Throws<ModelConfigException>(() => PopulationRanks.Assign(Pools, 2, new Dictionary<string, int> { ["a"] = 2 }));
        Assert.That(outside!.Message, Does.Contain("rank 2 is outside 0..1"));
    }
}
