using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Engine.Models;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Pool;

/// <summary>Construction, the Dale split, the standard generator and bad input (pool.md, "Data", "Random construction").</summary>
public class PoolFactoryTests
{
    [TestCase(32, 25)]
    [TestCase(1, 0)]
    [TestCase(5, 4)]
    public void DaleSplit(int cells, int excitatory)
    {
        var (world, pool) = PoolTestWorlds.Empty(cells);
        using var _ = world;
        var view = pool.View();
        Assert.That(pool.State.ExcitatoryCount, Is.EqualTo(excitatory));
        for (int i = 0; i < cells; i++)
        {
            Assert.That(view.Flags[i], Is.EqualTo(i < excitatory ? (byte)0x00 : (byte)0x03));
            Assert.That(view.Leak[i], Is.EqualTo(i < excitatory ? (byte)4 : (byte)8));
            Assert.That(view.Membrane[i], Is.EqualTo((short)-17920));
            Assert.That(view.Threshold[i], Is.EqualTo((short)-14080));
        }
    }

    [TestCase(0)]
    [TestCase(-3)]
    [TestCase(65537)]
    public void BadCellCount_Throws_AndWorldStaysEmpty(int cells)
    {
        using var world = Pipeline.CreateWorld();
        Assert.That(() => NeuronPool.Create(world, "p", PoolDefinition.Empty(cells, PoolConfig.Default)),
            Throws.InstanceOf<ModelConfigException>().With.Property("Field").EqualTo("cells"));
        Assert.That(() => NeuronPool.Create(world, "p", PoolDefinition.Compat(cells, 0.1f, PoolConfig.Default)),
            Throws.InstanceOf<ModelConfigException>().With.Property("Field").EqualTo("cells"));
        Assert.That(world.EntityCount, Is.EqualTo(0));
    }

    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void BadDensity_Throws_AndWorldStaysEmpty(double density)
    {
        using var world = Pipeline.CreateWorld();
        Assert.That(() => NeuronPool.Create(world, "p", PoolDefinition.Compat(10, (float)density, PoolConfig.Default)),
            Throws.InstanceOf<ModelConfigException>().With.Property("Field").EqualTo("density"));
        Assert.That(() => NeuronPool.Create(world, "p", PoolDefinition.Standard(10, density, PoolConfig.Default)),
            Throws.InstanceOf<ModelConfigException>().With.Property("Field").EqualTo("density"));
        Assert.That(world.EntityCount, Is.EqualTo(0));
    }

    [Test]
    public void BadInput_Throws_NothingApplied()
    {
        var (world, pool) = PoolTestWorlds.Empty(10);
        using var _ = world;
        pool.SetInputRange(0, 3, 500);
        Assert.That(() => pool.SetInput(new short[11]), Throws.ArgumentException.With.Message.Contains("11 currents"));
        Assert.That(pool.View().Input[..3].ToArray(), Is.All.EqualTo((short)500));
        Assert.That(() => pool.Inject(5, 11, 1, 10), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("outside"));
        Assert.That(() => pool.Inject(0, 3, 2, 10), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Polarity"));
        Assert.That(() => pool.ReadOutput(4, 2), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => pool.ReadOutput(0, 4, new bool[3]), Throws.ArgumentException.With.Message.Contains("Destination"));
        Assert.That(pool.View().Membrane.ToArray(), Is.All.EqualTo((short)-17920));
    }

    [Test]
    public void Inject_AddsPolarityTimesMagnitudeTimes128_Saturating()
    {
        var (world, pool) = PoolTestWorlds.Empty(4);
        using var _ = world;
        pool.Inject(0, 2, 1, 200);
        pool.Inject(2, 3, -1, 255);
        var membrane = pool.View().Membrane.ToArray();
        Assert.That(membrane, Is.EqualTo(new short[] { -17920 + 25600, -17920 + 25600, short.MinValue, -17920 }));
        Assert.That(pool.ReadOutput(0, 4), Is.EqualTo(new[] { false, false, false, false }));
    }

    [Test]
    public void StandardGenerator_HitsRequestedDensity_WithoutTargetBias()
    {
        using var world = Pipeline.CreateWorld(seed: 11);
        var pool = NeuronPool.Create(world, "s", PoolDefinition.Standard(1000, 0.02, PoolConfig.Default));
        double expected = 0.02 * 1000 * 999;
        Assert.That(pool.SynapseCount, Is.InRange(expected * 0.95, expected * 1.05));
        var synapses = pool.Synapses();
        int low = 0, high = 0;
        foreach (var s in synapses)
        {
            if (s.Target < 500) low++; else high++;
            Assert.That(s.Delay, Is.InRange(1, 8));
        }

        Assert.That(Math.Abs(low - high), Is.LessThan(pool.SynapseCount / 10));
        var view = pool.View();
        for (int source = 0; source < 1000; source++)
        {
            var row = view.Synapses[(int)view.RowStart[source]..view.RowEnd(source)];
            for (int k = 0; k < row.Length; k++)
            {
                Assert.That(row[k].Target, Is.Not.EqualTo(source));
                if (k > 0)
                    Assert.That(row[k].Target, Is.GreaterThan(row[k - 1].Target));
                Assert.That(row[k].Weight > 0, Is.EqualTo(source < 800));
            }
        }
    }

    [Test]
    public void StandardGenerator_SameSeedSameBytes_DifferentSeedDifferent()
    {
        Synapse[] Build(ulong seed)
        {
            using var world = Pipeline.CreateWorld(seed);
            return NeuronPool.Create(world, "s", PoolDefinition.Standard(300, 0.05, PoolConfig.Default)).Synapses().ToArray();
        }

        Assert.That(Build(5), Is.EqualTo(Build(5)));
        Assert.That(Build(5), Is.Not.EqualTo(Build(6)));
    }

    [Test]
    public void StandardGenerator_FixedOutDegree_GivesExactDegree()
    {
        using var world = Pipeline.CreateWorld(3);
        var pool = NeuronPool.Create(world, "f", PoolDefinition.FixedOutDegree(100, 7, PoolConfig.Default));
        var view = pool.View();
        for (int source = 0; source < 100; source++)
        {
            var targets = view.Synapses[(int)view.RowStart[source]..view.RowEnd(source)].ToArray().Select(s => (int)s.Target).ToArray();
            Assert.That(targets.Length, Is.EqualTo(7));
            Assert.That(targets, Is.Ordered.Ascending);
            Assert.That(targets, Is.Unique);
            Assert.That(targets, Does.Not.Contain(source));
        }

        Assert.That(() => NeuronPool.Create(world, "f", PoolDefinition.FixedOutDegree(10, 10, PoolConfig.Default)),
            Throws.InstanceOf<ModelConfigException>().With.Property("Field").EqualTo("outDegree"));
    }

    [Test]
    public void DensityOne_CompatThresholdSaturates()
    {
        Assert.That(CompatGenerator.ThresholdOf(1.0f), Is.EqualTo(uint.MaxValue));
        Assert.That(CompatGenerator.ThresholdOf(0f), Is.EqualTo(0u));
        Assert.That(CompatGenerator.ThresholdOf(0.5f), Is.EqualTo(2147483648u));
    }

    [TestCase(1e-20)]
    [TestCase(1e-16)]
    [TestCase(1e-12)]
    public void StandardGenerator_TinyDensity_GivesAnAlmostEmptyPool(double density)
    {
        // log(1 − p) is 0 in double for p below about 1e-16, which used to make every gap 0 and
        // the pool fully connected (261 632 synapses for 512 cells).
        using var world = Pipeline.CreateWorld(seed: 1);
        var pool = NeuronPool.Create(world, "tiny", PoolDefinition.Standard(512, density));

        Assert.That(pool.SynapseCount, Is.EqualTo(0));
    }

    [Test]
    public void StandardGenerator_LogOfKeep_IsAccurateForSmallDensities()
    {
        Assert.That(StandardGenerator.LogOfKeep(1e-20), Is.EqualTo(-1e-20));
        Assert.That(StandardGenerator.LogOfKeep(1e-9), Is.EqualTo(-1e-9 - 5e-19).Within(1e-30));
        Assert.That(StandardGenerator.LogOfKeep(0.02), Is.EqualTo(Math.Log(0.98)));
    }
}
