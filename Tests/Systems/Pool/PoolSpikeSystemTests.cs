using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Pool;

/// <summary>pool.md, "Tick" and "Golden values (compat mode)": membrane, leak, delay line, refractory.</summary>
public class PoolSpikeSystemTests
{
    private static (short[] Membrane, bool[] Spiked, sbyte Trace) Drive(int cell, short current, int ticks)
    {
        var (world, pool) = PoolTestWorlds.Empty(5);
        using var _ = world;
        var input = new short[5];
        input[cell] = current;
        pool.SetInput(input);
        var membrane = new short[ticks];
        var spiked = new bool[ticks];
        for (int t = 0; t < ticks; t++)
        {
            world.Step();
            membrane[t] = pool.View().Membrane[cell];
            spiked[t] = pool.View().SpikeOut[cell] != 0;
        }

        return (membrane, spiked, pool.View().Trace[cell]);
    }

    [Test]
    public void RegularSpiking_Input1000_MembraneTrace()
    {
        var (membrane, spiked, trace) = Drive(0, 1000, 12);
        Assert.That(membrane[..10], Is.EqualTo(new short[] { -16920, -15983, -15105, -14281, -16640, -16640, -16640, -15720, -14858, -16640 }));
        Assert.That(spiked[4], Is.True);
        Assert.That(spiked[9], Is.True);
        Assert.That(spiked[..4], Is.All.False);
        Assert.That(trace, Is.EqualTo((sbyte)29));
    }

    [Test]
    public void RegularSpiking_Input2000_MembraneTrace()
    {
        var (membrane, spiked, trace) = Drive(0, 2000, 12);
        Assert.That(membrane[..6], Is.EqualTo(new short[] { -15920, -16640, -16640, -16640, -14720, -16640 }));
        Assert.That(spiked[1], Is.True);
        Assert.That(spiked[5], Is.True);
        Assert.That(trace, Is.EqualTo((sbyte)42));
    }

    [Test]
    public void FastSpiking_Input1000_NeverSpikes()
    {
        var (membrane, spiked, _) = Drive(4, 1000, 12);
        Assert.That(membrane, Is.EqualTo(new short[] { -16920, -16420, -16170, -16045, -15983, -15952, -15936, -15928, -15924, -15922, -15921, -15921 }));
        Assert.That(spiked, Is.All.False);
    }

    private static short[] Leak(int cell, short start, int ticks)
    {
        var (world, pool) = PoolTestWorlds.Empty(5);
        using var _ = world;
        pool.View().Membrane[cell] = start;
        var result = new short[ticks];
        for (int t = 0; t < ticks; t++)
        {
            world.Step();
            result[t] = pool.View().Membrane[cell];
        }

        return result;
    }

    [Test]
    public void LeakOnly_MatchesReference()
    {
        Assert.That(Leak(0, -15000, 5), Is.EqualTo(new short[] { -15183, -15355, -15516, -15667, -15808 }));
        Assert.That(Leak(4, -15000, 3), Is.EqualTo(new short[] { -16460, -17190, -17555 }));
        Assert.That(Leak(0, -20000, 3), Is.EqualTo(new short[] { -19870, -19749, -19635 }));
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(8)]
    public void DelayLine_ArrivesExactlyDelayTicksLater(int delay)
    {
        var (world, pool) = PoolTestWorlds.Empty(2);
        using var _ = world;
        PoolTestWorlds.Connect(pool, 0, 1, 50, (byte)delay);
        // Spike cell 0 on tick 0 with a large input, then nothing.
        pool.SetInput(new short[] { 10000 });
        world.Step();
        Assert.That(pool.View().SpikeOut[0], Is.EqualTo((byte)1));
        pool.ClearInput();
        // Cell 1 (FS, resting) receives +3200 on tick d: the reference reads −14720 exactly then.
        var membrane = new List<short>();
        for (int t = 1; t <= 9; t++)
        {
            world.Step();
            membrane.Add(pool.View().Membrane[1]);
        }

        Assert.That(membrane[delay - 1], Is.EqualTo((short)-14720));
        Assert.That(membrane.Count(m => m == -14720), Is.EqualTo(1));
    }

    [Test]
    public void DelayLine_EligibilityDecaysAfterPreSpike()
    {
        var (world, pool) = PoolTestWorlds.Empty(2);
        using var _ = world;
        PoolTestWorlds.Connect(pool, 0, 1, 50, 3);
        pool.SetInput(new short[] { 10000 });
        world.Step();
        pool.ClearInput();
        var eligibility = new List<int> { pool.Row(0)[0].Eligibility };
        for (int t = 0; t < 9; t++)
        {
            world.Step();
            eligibility.Add(pool.Row(0)[0].Eligibility);
        }

        Assert.That(eligibility, Is.EqualTo(new[] { 17, 15, 13, 11, 9, 8, 7, 6, 5, 4 }));
    }

    [Test]
    public void Refractory_Input10000_SpikesEveryThirdTick()
    {
        var (_, spiked, _) = Drive(0, 10000, 12);
        var spikeTicks = Enumerable.Range(0, 12).Where(t => spiked[t]).Select(t => t + 1).ToArray();
        Assert.That(spikeTicks, Is.EqualTo(new[] { 1, 4, 7, 10 }));
    }

    [Test]
    public void LazyEligibility_EqualsEagerDecay_OnRandomPool()
    {
        // The exact lazy decay must give the bytes an eager per-tick decay gives.
        using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld();
        var pool = NeuronPool.Create(world, "p", PoolDefinition.Compat(200, 0.05f, PoolConfig.Default));
        var eager = pool.Synapses().ToArray();
        var rng = new Random(7);
        var input = new short[200];
        for (int t = 0; t < 300; t++)
        {
            for (int i = 0; i < input.Length; i++)
                input[i] = (short)(rng.Next(20) == 0 ? 9000 : 0);
            pool.SetInput(input);
            // Reference semantics, synapse by synapse, from the spikes of this tick.
            world.Step();
            var view = pool.View();
            var spikes = view.SpikeOut.ToArray();
            for (int source = 0; source < 200; source++)
            {
                int start = (int)view.RowStart[source], end = view.RowEnd(source);
                for (int s = start; s < end; s++)
                {
                    int e = eager[s].Eligibility;
                    if (spikes[source] != 0)
                        e = Math.Clamp(e + (spikes[eager[s].Target] != 0 ? -10 : 20), -128, 127);
                    eager[s].Eligibility = (sbyte)PoolEligibility.DecayOnce(e, 230);
                }
            }

            if (t % 37 == 0)
                Assert.That(pool.Synapses().ToArray().Select(s => s.Eligibility), Is.EqualTo(eager.Select(s => s.Eligibility)));
        }

        Assert.That(pool.Synapses().ToArray().Select(s => s.Eligibility), Is.EqualTo(eager.Select(s => s.Eligibility)));
    }
}
