using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Pool;

/// <summary>pool.md, "Golden values (compat mode)": construction.</summary>
public class CompatGeneratorTests
{
    private static (int Count, int Negative, long SumAbsWeight, long SumDelay, NeuronPool Pool) Build(int cells, float density)
    {
        var world = Pipeline.CreateWorld();
        var pool = NeuronPool.Create(world, "p", PoolDefinition.Compat(cells, density, PoolConfig.Default));
        var synapses = pool.Synapses();
        int negative = 0;
        long sumAbs = 0, sumDelay = 0;
        foreach (var s in synapses)
        {
            if (s.Weight < 0) negative++;
            sumAbs += Math.Abs((int)s.Weight);
            sumDelay += s.Delay;
        }

        return (synapses.Length, negative, sumAbs, sumDelay, pool);
    }

    [Test]
    public void N32_Density025_MatchesReference()
    {
        var (count, negative, sumAbs, sumDelay, pool) = Build(32, 0.25f);
        Assert.That(pool.State.ExcitatoryCount, Is.EqualTo(25));
        Assert.That(pool.CellCount - pool.State.ExcitatoryCount, Is.EqualTo(7));
        Assert.That(count, Is.EqualTo(517));
        Assert.That(negative, Is.EqualTo(117));
        Assert.That(sumAbs, Is.EqualTo(20468));
        Assert.That(sumDelay, Is.EqualTo(2389));
        var row0 = pool.Row(0).ToArray().Take(6).Select(s => (s.Target, s.Weight, s.Delay)).ToArray();
        Assert.That(row0, Is.EqualTo(new (ushort, sbyte, byte)[] { (3, 39, 2), (4, 25, 8), (11, 17, 5), (12, 36, 3), (14, 13, 3), (18, 50, 2) }));
        var row31 = pool.Row(31).ToArray().Take(4).Select(s => (s.Target, s.Weight, s.Delay)).ToArray();
        Assert.That(row31, Is.EqualTo(new (ushort, sbyte, byte)[] { (0, -41, 3), (1, -64, 3), (5, -12, 1), (7, -20, 7) }));
    }

    [Test]
    public void N50_Density01_MatchesReference()
    {
        var (count, negative, sumAbs, sumDelay, pool) = Build(50, 0.1f);
        Assert.That(count, Is.EqualTo(493));
        Assert.That(negative, Is.EqualTo(100));
        Assert.That(sumAbs, Is.EqualTo(19383));
        Assert.That(sumDelay, Is.EqualTo(2244));
        var row0 = pool.Row(0).ToArray().Take(3).Select(s => (s.Target, s.Weight, s.Delay)).ToArray();
        Assert.That(row0, Is.EqualTo(new (ushort, sbyte, byte)[] { (2, 38, 6), (4, 43, 7), (16, 63, 6) }));
    }

    [Test]
    public void N100_Density005_MatchesReference()
    {
        var (count, negative, sumAbs, _, _) = Build(100, 0.05f);
        Assert.That(count, Is.EqualTo(948));
        Assert.That(negative, Is.EqualTo(174));
        Assert.That(sumAbs, Is.EqualTo(36199));
    }
}
