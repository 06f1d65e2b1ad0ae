using System.Numerics;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Pool;

/// <summary>architecture.md, "Determinism": the parallel spike kernels give the serial bytes on any thread count.</summary>
public class PoolDeterminismTests
{
    private static byte[] Run(int threads, bool shuffleRows)
    {
        using var world = Pipeline.CreateWorld(seed: 3);
        world.SetThreadCount(threads);
        // Large enough for block-parallel integration (> CellBlock cells) and target-split propagation.
        var pool = NeuronPool.Create(world, "big", PoolDefinition.Standard(20000, 0.01, PoolConfig.Default));
        if (shuffleRows)
        {
            // Reverse every third row: rows out of target order take the filtering path.
            var view = pool.View();
            for (int cell = 0; cell < view.CellCount; cell += 3)
                view.Synapses[(int)view.RowStart[cell]..view.RowEnd(cell)].Reverse();
            pool.RefreshRowOrder();
            Assert.That(pool.State.RowsSorted, Is.EqualTo((byte)0));
        }

        var input = new short[20000];
        for (int t = 0; t < 25; t++)
        {
            for (int i = 0; i < input.Length; i++)
                input[i] = (short)(SaturatedPattern(i, t) ? 10000 : 0);
            pool.SetInput(input);
            world.Step();
        }

        Assert.That(pool.LastSpikeCount, Is.GreaterThan(PoolSpikeSystem.ParallelEventThreshold / 200));
        return WorldCodec.ToBytes(world);
    }

    private static bool SaturatedPattern(int i, int t)
    {
        uint h = BitOperations.RotateLeft(unchecked((uint)i * 2654435761u + (uint)t * 40503u), 13) * 0x9E3779B1u;
        return (h >> 16) % 1000 < 50;
    }

    [TestCase(false)]
    [TestCase(true)]
    public void ParallelEqualsSerial_OnAnyThreadCount(bool shuffleRows)
    {
        var serial = Run(1, shuffleRows);
        Assert.That(Run(2, shuffleRows), Is.EqualTo(serial));
        Assert.That(Run(4, shuffleRows), Is.EqualTo(serial));
    }

    [Test]
    public void Synaptogenesis_OutOfOrderAppend_ClearsTheRowOrderFlag()
    {
        var (world, pool) = PoolTestWorlds.Empty(20);
        using var _ = world;
        PoolTestWorlds.Connect(pool, 0, 19, 30, 1);
        Assert.That(pool.State.RowsSorted, Is.EqualTo((byte)1));
        pool.SetInputRange(0, 8, 8000);
        for (int t = 0; t < 10; t++)
            world.Step();
        Assert.That(pool.Synaptogenesis(200), Is.EqualTo(16));
        // Row 0 now holds target 19 followed by smaller targets.
        Assert.That(pool.State.RowsSorted, Is.EqualTo((byte)0));
        PoolInvariants.Validate(pool);
    }
}
