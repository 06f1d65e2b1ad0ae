using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Pool;

/// <summary>
/// pool.md, "Tick": the engine's tick (vector kernels, lazy eligibility, parallel blocks) against a
/// plain one-cell-at-a-time, one-synapse-at-a-time reimplementation of the spec, state compared
/// after every tick. The pools are edited to reach the awkward cases: duplicate targets in a row
/// (the vector kernel's conflict fallback), targets outside the pool (skipped), delays of 0 and past
/// MaxDelay (the ring offset table instead of arithmetic), extreme weights
/// (i16 saturation of the ring), random leak/refract/trace/membrane, short and negative input.
/// </summary>
public class PoolTickReferenceTests
{
    [TestCase(300, 0.1f, 1, 120, true)]
    [TestCase(1000, 0.05f, 1, 60, true)]
    // An odd cell count: integration tails after every vector width (16, 32 and 8 cells per step).
    [TestCase(1003, 0.05f, 1, 40, true)]
    // Parallel integration (> CellBlock cells) and target-split propagation: edited rows (filtered),
    // long sorted rows (cut by binary search) and short sorted rows (other workers' lanes idle).
    [TestCase(9000, 0.02f, 2, 12, true)]
    [TestCase(9000, 0.02f, 2, 12, false)]
    [TestCase(9000, 0.002f, 2, 20, false)]
    public void Tick_MatchesPlainReference(int cells, float density, int threads, int ticks, bool scramble)
        => RunAgainstReference(cells, density, threads, ticks, scramble ? Scramble : null);

    // Rows still in target order (the vector kernel skips the conflict test: a sorted row's
    // targets are distinct) with delays of 16 and more (the slot offset gather instead of the
    // register lookup), extreme weights and eligibilities of both signs.
    [TestCase(3000, 0.05f, 1, 10)]
    [TestCase(1003, 0.05f, 1, 20)]
    [TestCase(9000, 0.02f, 2, 12)]
    public void Tick_SortedRowsWithLongDelays_MatchPlainReference(int cells, float density, int threads, int ticks)
        => RunAgainstReference(cells, density, threads, ticks, ScrambleKeepingOrder);

    // Every weight at ±127 and every delay 1: most ring cells saturate, in order, every tick, on
    // one thread and on two and four (target split, more threads than cores).
    [TestCase(3000, 0.05f, 1)]
    [TestCase(3000, 0.05f, 2)]
    [TestCase(3000, 0.05f, 4)]
    public void Tick_SaturatingRing_MatchesPlainReference(int cells, float density, int threads)
    {
        var reference = RunAgainstReference(cells, density, threads, 12, (pool, rng) =>
        {
            var synapses = pool.View().Synapses;
            for (int s = 0; s < synapses.Length; s++)
            {
                synapses[s].Weight = (sbyte)(synapses[s].Weight >= 0 ? 127 : -127);
                synapses[s].Delay = 1;
            }
        });
        Assert.That(reference.RingClamps, Is.GreaterThan(1000), "the ring must saturate");
    }

    // The last synapse of every row targets cell 0 and the rest of its row's last group is idle:
    // on one worker the vector kernel stores a row's tail group whole, its idle lanes writing back
    // ring cell 0 as they read it, so an active lane's add to that very cell must still land
    // (every delay meets ring offset 0 as the write head turns).
    [TestCase(300, 0.1f, 1, 40)]
    [TestCase(1003, 0.05f, 1, 40)]
    [TestCase(9000, 0.02f, 2, 12)]
    public void Tick_RowTailsAddingToRingCellZero_MatchPlainReference(int cells, float density, int threads, int ticks)
        => RunAgainstReference(cells, density, threads, ticks, (pool, rng) =>
        {
            var view = pool.View();
            var synapses = view.Synapses;
            for (int row = 0; row < view.CellCount; row++)
            {
                int end = row + 1 < view.CellCount ? (int)view.RowStart[row + 1] : synapses.Length;
                if (end > (int)view.RowStart[row] && row != 0)
                {
                    synapses[end - 1].Target = 0;
                    synapses[end - 1].Weight = (sbyte)rng.Next(-127, 128);
                }
            }

            pool.RefreshRowOrder();
        });

    private static ReferencePool RunAgainstReference(int cells, float density, int threads, int ticks, Action<NeuronPool, Random>? edit)
    {
        using var world = Pipeline.CreateWorld(seed: 11);
        world.SetThreadCount(threads);
        var config = PoolConfig.Default;
        var pool = NeuronPool.Create(world, "reference", PoolDefinition.Compat(cells, density, config));
        var rng = new Random(cells);
        edit?.Invoke(pool, rng);
        var reference = new ReferencePool(pool);
        var input = new short[cells];
        long events = 0, parallelTicks = 0;
        for (int t = 0; t < ticks; t++)
        {
            int length = rng.Next(4) == 0 ? rng.Next(cells) : cells;
            for (int i = 0; i < length; i++)
                input[i] = rng.Next(10) switch { 0 => 12000, 1 => (short)rng.Next(-20000, 20000), _ => 0 };
            pool.SetInput(input.AsSpan(0, length));
            events += reference.Tick(input.AsSpan(0, length));
            world.Step();
            reference.AssertMatches(pool, t);
            if ((long)pool.LastSpikeCount * pool.SynapseCount / cells >= PoolSpikeSystem.ParallelEventThreshold)
                parallelTicks++;
        }

        Assert.That(events, Is.GreaterThan(ticks * 100L), "the pools must actually propagate spikes");
        if (threads > 1)
            Assert.That(parallelTicks, Is.GreaterThan(ticks / 2), "most ticks must take the parallel propagation");
        return reference;
    }

    /// <summary>Synapse edits that keep every row in target order: delays up to 40, extreme weights, any eligibility.</summary>
    private static void ScrambleKeepingOrder(NeuronPool pool, Random rng)
    {
        var synapses = pool.View().Synapses;
        int longDelays = 0;
        for (int s = 0; s < synapses.Length; s++)
        {
            int roll = rng.Next(100);
            if (roll < 6)
            {
                synapses[s].Delay = (byte)rng.Next(0, 41);
                longDelays += synapses[s].Delay >= 16 ? 1 : 0;
            }
            else if (roll < 16)
            {
                synapses[s].Weight = (sbyte)(synapses[s].Weight > 0 ? 127 : -127);
            }

            synapses[s].Eligibility = (sbyte)rng.Next(-128, 128);
        }

        pool.RefreshRowOrder();
        Assert.That(pool.State.RowsSorted, Is.EqualTo(1), "the edits must keep the rows sorted");
        Assert.That(longDelays, Is.GreaterThan(synapses.Length / 50), "the edits must make delays of 16 and more");
    }

    /// <summary>Random cell state, and synapse edits the generators never make.</summary>
    private static void Scramble(NeuronPool pool, Random rng)
    {
        var view = pool.View();
        int n = view.CellCount;
        for (int i = 0; i < n; i++)
        {
            view.Membrane[i] = (short)rng.Next(-20000, -14000);
            view.Leak[i] = (byte)rng.Next(0, 10);
            view.Refract[i] = (byte)rng.Next(0, 3);
            view.Trace[i] = (sbyte)rng.Next(-128, 128);
        }

        var synapses = view.Synapses;
        for (int s = 0; s < synapses.Length; s++)
        {
            int roll = rng.Next(100);
            if (roll < 5)
                synapses[s].Target = synapses[Math.Max(0, s - rng.Next(1, 8))].Target; // likely a duplicate in the row
            else if (roll < 6)
                synapses[s].Target = (ushort)Math.Min(ushort.MaxValue, n + rng.Next(0, 5)); // outside the pool
            else if (roll < 16)
                synapses[s].Weight = (sbyte)(synapses[s].Weight > 0 ? 127 : -127);
            else if (roll < 18)
                synapses[s].Delay = (byte)rng.Next(0, 20); // 0 and delays past MaxDelay wrap around the ring
            synapses[s].Eligibility = (sbyte)rng.Next(-128, 128);
        }

        pool.RefreshRowOrder();
    }

    /// <summary>The spec's tick, written as plainly as possible (eager eligibility decay, no vectors, no blocks).</summary>
    private sealed class ReferencePool
    {
        /// <summary>Ring adds so far that saturated.</summary>
        public long RingClamps { get; private set; }

        private readonly PoolConfig config;
        private readonly int n;
        private readonly short[] membrane, threshold, synaptic, ring;
        private readonly byte[] leak, refract;
        private readonly bool[] spikeOut;
        private readonly sbyte[] trace;
        private readonly ushort[] spikeRate;
        private readonly uint[] rowStart;
        private readonly Synapse[] synapses;
        private int writeHead;
        private ulong tickCount;

        public ReferencePool(NeuronPool pool)
        {
            pool.MaterializeEligibility();
            var view = pool.View();
            config = pool.Config;
            n = view.CellCount;
            membrane = view.Membrane.ToArray();
            threshold = view.Threshold.ToArray();
            leak = view.Leak.ToArray();
            refract = view.Refract.ToArray();
            trace = view.Trace.ToArray();
            spikeOut = [.. view.SpikeOut.ToArray().Select(b => b != 0)];
            spikeRate = view.SpikeRate.ToArray();
            synaptic = new short[n];
            ring = view.DelayRing.ToArray();
            rowStart = view.RowStart.ToArray();
            synapses = view.Synapses.ToArray();
            writeHead = pool.State.WriteHead;
            tickCount = pool.TickCount;
        }

        private static short Sat16(int value) => (short)Math.Clamp(value, short.MinValue, short.MaxValue);

        private static sbyte Sat8(int value) => (sbyte)Math.Clamp(value, sbyte.MinValue, sbyte.MaxValue);

        /// <summary>One tick; returns the number of synaptic events.</summary>
        public long Tick(ReadOnlySpan<short> input)
        {
            // 1. Drain.
            for (int i = 0; i < n; i++)
            {
                synaptic[i] = ring[writeHead * n + i];
                ring[writeHead * n + i] = 0;
            }

            writeHead = (writeHead + 1) % config.MaxDelay;

            // 2. Cells.
            for (int i = 0; i < n; i++)
            {
                if (refract[i] > 0)
                {
                    refract[i]--;
                    spikeOut[i] = false;
                    continue;
                }

                int shift = 8 - Math.Min((int)leak[i], 7);
                membrane[i] = Sat16(membrane[i] + ((config.Resting - membrane[i]) >> shift));
                if (i < input.Length)
                    membrane[i] = Sat16(membrane[i] + input[i]);
                membrane[i] = Sat16(membrane[i] + synaptic[i]);
                if (membrane[i] >= threshold[i])
                {
                    spikeOut[i] = true;
                    membrane[i] = config.Reset;
                    refract[i] = config.RefractoryTicks;
                    trace[i] = Sat8(trace[i] + config.StdpPositive);
                }
                else
                {
                    spikeOut[i] = false;
                }

                trace[i] = (sbyte)((short)(trace[i] * config.TraceDecay) / 256);
            }

            // 3. Propagate.
            long events = 0;
            for (int i = 0; i < n; i++)
            {
                if (!spikeOut[i])
                    continue;
                int end = i + 1 < n ? (int)rowStart[i + 1] : synapses.Length;
                for (int s = (int)rowStart[i]; s < end; s++)
                {
                    int target = synapses[s].Target;
                    events++;
                    if (target >= n)
                        continue;
                    synapses[s].Eligibility = Sat8(synapses[s].Eligibility + (spikeOut[target] ? config.StdpNegative : config.StdpPositive));
                    int slot = (writeHead + Math.Max((int)synapses[s].Delay, 1) - 1) % config.MaxDelay;
                    int sum = ring[slot * n + target] + synapses[s].Weight * 64;
                    RingClamps += sum != Sat16(sum) ? 1 : 0;
                    ring[slot * n + target] = Sat16(sum);
                }
            }

            // 4. Homeostasis.
            if (config.HomeostaticRate > 0 && tickCount % 100 == 0)
            {
                for (int i = 0; i < n; i++)
                {
                    spikeRate[i] = (ushort)((spikeRate[i] * 255u + (spikeOut[i] ? 256u : 0u)) / 256u);
                    if (spikeRate[i] > 26)
                        threshold[i] = Sat16(threshold[i] + config.HomeostaticRate);
                    else if (spikeRate[i] < 6)
                        threshold[i] = Sat16(threshold[i] - config.HomeostaticRate);
                }
            }

            // 5. Eligibility decay, every synapse.
            for (int s = 0; s < synapses.Length; s++)
                synapses[s].Eligibility = (sbyte)((short)(synapses[s].Eligibility * config.TraceDecay) / 256);

            // 6.
            tickCount++;
            return events;
        }

        public void AssertMatches(NeuronPool pool, int tick)
        {
            Assert.That(pool.TickCount, Is.EqualTo(tickCount), $"tick count after tick {tick}");
            var view = pool.View();
            Assert.That(view.Membrane.ToArray(), Is.EqualTo(membrane), $"membrane after tick {tick}");
            Assert.That(view.Refract.ToArray(), Is.EqualTo(refract), $"refract after tick {tick}");
            Assert.That(view.Trace.ToArray(), Is.EqualTo(trace), $"trace after tick {tick}");
            Assert.That(view.SpikeOut.ToArray().Select(b => b != 0), Is.EqualTo(spikeOut), $"spikes after tick {tick}");
            Assert.That(view.Threshold.ToArray(), Is.EqualTo(threshold), $"threshold after tick {tick}");
            Assert.That(view.DelayRing.ToArray(), Is.EqualTo(ring), $"delay ring after tick {tick}");
            Assert.That(pool.Synapses().ToArray().Select(s => s.Eligibility), Is.EqualTo(synapses.Select(s => s.Eligibility)),
                $"eligibility after tick {tick}");
        }
    }
}
