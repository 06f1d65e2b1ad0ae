using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>The dense/sparse crossover: density bounds, the cost model, hysteresis, cooldown, conversions.</summary>
public class TopologyRepresentationTests
{
    [Test]
    public void CostModel_DensityBoundsAndHysteresis()
    {
        const int n = 1000;
        Assert.That(TopologyCostModel.Choose(n, 49_000, TopologyRepresentation.Dense), Is.EqualTo(TopologyRepresentation.Sparse));
        Assert.That(TopologyCostModel.Choose(n, 201_000, TopologyRepresentation.Sparse), Is.EqualTo(TopologyRepresentation.Dense));
        // Between the bounds the cost model decides; at its break-even point neither side moves.
        int breakEven = Enumerable.Range(50_000, 150_000).First(e => TopologyCostModel.PredictSparse(n, e) >= TopologyCostModel.PredictDense(n));
        Assert.That(TopologyCostModel.Choose(n, breakEven, TopologyRepresentation.Dense), Is.EqualTo(TopologyRepresentation.Dense));
        Assert.That(TopologyCostModel.Choose(n, breakEven, TopologyRepresentation.Sparse), Is.EqualTo(TopologyRepresentation.Sparse));
        Assert.That(TopologyCostModel.Initial(n, breakEven - 1000), Is.EqualTo(TopologyRepresentation.Sparse));
        Assert.That(TopologyCostModel.Initial(n, breakEven + 1000), Is.EqualTo(TopologyRepresentation.Dense));
    }

    [Test]
    public void Creation_PicksTheRepresentationByDensity()
    {
        using var world = Pipeline.CreateWorld(3);
        Assert.That(TopologyBlock.Create(world, "a", TopologyDefinition.Random(200, 0.01, TopologyParameters.Default)).Representation,
            Is.EqualTo(TopologyRepresentation.Sparse));
        Assert.That(TopologyBlock.Create(world, "b", TopologyDefinition.Random(200, 0.4, TopologyParameters.Default)).Representation,
            Is.EqualTo(TopologyRepresentation.Dense));
    }

    [Test]
    public void AutoBlock_SwitchesAsDensityChanges_RespectingTheCooldown()
    {
        // Sparse at 1 % density; strong correlated input and a 60 % budget make it fill up, then a
        // survival threshold above every |W| empties it again.
        var parameters = TopologyTestWorlds.Parameters(RepresentationPolicy.Auto, 0.6);
        parameters.SwitchCooldownTicks = 5;
        parameters.MaxSproutsPerTick = 400;
        parameters.LeakRate = 1f;
        var (world, block) = TopologyTestWorlds.RandomBlock(91, 60, 0.01, parameters);
        using var _ = world;
        block.SetSensoryGain(Enumerable.Repeat(1f, 60).ToArray());
        Assert.That(block.Representation, Is.EqualTo(TopologyRepresentation.Sparse));
        var seen = new List<TopologyRepresentation>();
        int lastSwitch = -100;
        int switches = 0;
        for (int t = 0; t < 80; t++)
        {
            if (t == 40)
            {
                var thinning = block.Parameters;
                thinning.SurvivalThreshold = 1.5f;
                thinning.SproutThreshold = 2f;
                block.SetParameters(thinning);
            }

            var before = block.Representation;
            block.SetInput(Enumerable.Repeat(t % 2 == 0 ? 3f : -3f, 60).ToArray());
            block.World.Step();
            if (block.Representation != before)
            {
                Assert.That(t - lastSwitch, Is.GreaterThanOrEqualTo(parameters.SwitchCooldownTicks), $"switch at tick {t}");
                lastSwitch = t;
                switches++;
            }

            seen.Add(block.Representation);
            TopologyTestWorlds.AssertInvariants(block, $"tick {t}");
        }

        Assert.That(seen, Does.Contain(TopologyRepresentation.Dense));
        Assert.That(seen[^1], Is.EqualTo(TopologyRepresentation.Sparse));
        Assert.That(block.State.Switches, Is.EqualTo(switches));
        Assert.That(switches, Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void ConvertingMidRun_ChangesNoResult()
    {
        var parameters = TopologyTestWorlds.Parameters(RepresentationPolicy.Dense, 0.3);
        var (worldA, steady) = TopologyTestWorlds.RandomBlock(93, 45, 0.2, parameters);
        var (worldB, switching) = TopologyTestWorlds.RandomBlock(93, 45, 0.2, parameters);
        using var a = worldA;
        using var b = worldB;
        for (int t = 0; t < 30; t++)
        {
            if (t % 7 == 3)
            {
                var p = switching.Parameters;
                p.Representation = switching.Representation == TopologyRepresentation.Dense ? RepresentationPolicy.Sparse : RepresentationPolicy.Dense;
                switching.SetParameters(p);
            }

            var input = TopologyTestWorlds.NoiseVector(93, t, 45);
            steady.SetInput(input);
            steady.World.Step();
            switching.SetInput(input);
            switching.World.Step();
            TopologyReferenceTests.AssertIdentical(steady, switching, $"tick {t}");
        }

        Assert.That(switching.State.Switches, Is.GreaterThanOrEqualTo(4));
    }

    [Test]
    public void SameSeed_SameWorldBytes_OnAnyThreadCount()
    {
        static byte[] Run(int threads)
        {
            var parameters = TopologyTestWorlds.Parameters(RepresentationPolicy.Auto, 0.4);
            parameters.SwitchCooldownTicks = 4;
            var (world, block) = TopologyTestWorlds.RandomBlock(97, 260, 0.03, parameters, threads);
            using var _ = world;
            for (int t = 0; t < 25; t++)
            {
                block.SetInput(TopologyTestWorlds.NoiseVector(97, t, 260, 2f));
                block.World.Step();
            }

            Assert.That(block.State.Switches, Is.GreaterThan(0));
            var bytes = new List<byte>();
            foreach (var table in world.Tables())
            {
                foreach (int id in table.ColumnIds)
                    bytes.AddRange(table.GetColumn(id).RowBytes(table.Count).ToArray());
            }

            return bytes.ToArray();
        }

        Assert.That(Run(3), Is.EqualTo(Run(1)));
    }
}
