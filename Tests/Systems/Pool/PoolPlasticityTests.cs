using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Pool;

/// <summary>pool.md, "Golden values": plasticity, synaptogenesis, pruning.</summary>
public class PoolPlasticityTests
{
    [Test]
    public void N50_Modulation_Synaptogenesis_Prune_MatchReference()
    {
        using var world = Pipeline.CreateWorld();
        var pool = NeuronPool.Create(world, "plastic", PoolDefinition.Compat(50, 0.1f, PoolConfig.Default));
        pool.SetInputRange(0, 15, 8000);
        for (int t = 0; t < 20; t++)
            world.Step();
        Assert.That(pool.Synapses().ToArray().Count(s => s.Eligibility != 0), Is.EqualTo(484));
        Assert.That(pool.ApplyModulation(200, 30, 100), Is.EqualTo((333, 151)));
        Assert.That(pool.ApplyModulation(128, 80, 100), Is.EqualTo((151, 333)));
        Assert.That(pool.Synaptogenesis(200), Is.EqualTo(16));
        Assert.That(pool.SynapseCount, Is.EqualTo(509));
        Assert.That(pool.PruneDead(), Is.EqualTo(0));
        AssertCsrValid(pool);
    }

    [Test]
    public void EmptyN20_Traces_Synaptogenesis_MatchReference()
    {
        var (world, pool) = PoolTestWorlds.Empty(20);
        using var _ = world;
        pool.SetInputRange(0, 8, 8000);
        for (int t = 0; t < 10; t++)
            world.Step();
        var traces = pool.View().Trace.ToArray();
        Assert.That(traces[..8], Is.All.EqualTo((sbyte)60));
        Assert.That(traces[8..], Is.All.EqualTo((sbyte)0));
        Assert.That(pool.Synaptogenesis(200), Is.EqualTo(16));
        Assert.That(pool.Synaptogenesis(100), Is.EqualTo(0));
        AssertCsrValid(pool);
        // Every created synapse joins two active cells, with Dale's sign and a fresh maturity.
        foreach (var synapse in pool.Synapses())
        {
            Assert.That(synapse.Target, Is.LessThan(8));
            Assert.That(synapse.Maturity, Is.EqualTo(Maturity.New));
            Assert.That(synapse.Weight, Is.InRange(5, 24));
            Assert.That(synapse.Delay, Is.InRange(1, 8));
        }
    }

    [Test]
    public void Modulation_WithoutReward_ChangesNothing()
    {
        using var world = Pipeline.CreateWorld();
        var pool = NeuronPool.Create(world, "p", PoolDefinition.Compat(50, 0.1f, PoolConfig.Default));
        pool.SetInputRange(0, 15, 8000);
        for (int t = 0; t < 20; t++)
            world.Step();
        var before = pool.Synapses().ToArray();
        Assert.That(pool.ApplyModulation(128, 30, 255), Is.EqualTo((0, 0)));
        Assert.That(pool.Synapses().ToArray(), Is.EqualTo(before));
    }

    [Test]
    public void PruneDead_RemovesDeadKeepingOrder()
    {
        using var world = Pipeline.CreateWorld();
        var pool = NeuronPool.Create(world, "p", PoolDefinition.Compat(32, 0.25f, PoolConfig.Default));
        var view = pool.View();
        var expected = new List<(int Source, Synapse Synapse)>();
        for (int source = 0; source < 32; source++)
        {
            for (int s = (int)view.RowStart[source]; s < view.RowEnd(source); s++)
            {
                if (s % 3 == 0)
                    view.Synapses[s].Maturity = Maturity.Dead;
                else
                    expected.Add((source, view.Synapses[s]));
            }
        }

        int pruned = pool.PruneDead();
        Assert.That(pruned, Is.EqualTo(517 - expected.Count));
        var after = new List<(int, Synapse)>();
        for (int source = 0; source < 32; source++)
            foreach (var synapse in pool.Row(source))
                after.Add((source, synapse));
        Assert.That(after, Is.EqualTo(expected));
        AssertCsrValid(pool);
    }

    internal static void AssertCsrValid(NeuronPool pool)
    {
        var view = pool.View();
        for (int cell = 0; cell < view.CellCount; cell++)
        {
            Assert.That(view.RowStart[cell], Is.LessThanOrEqualTo((uint)view.RowEnd(cell)));
            foreach (var synapse in view.Synapses[(int)view.RowStart[cell]..view.RowEnd(cell)])
                Assert.That(synapse.Target, Is.LessThan(view.CellCount));
        }

        Assert.That(view.RowStart[0], Is.EqualTo(0u));
    }
}
