using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Network;

/// <summary>
/// A plain transcription of pool.md's tick and network.md's projection transmission: one cell and
/// one synapse at a time, eager eligibility decay, pools in creation order then projections in
/// creation order (marks with the target's spikes of this tick, adds into the target's ring after
/// its own synapses).
/// </summary>
internal sealed class ReferenceNetwork
{
    private readonly List<Cells> pools = new();
    private readonly List<Store> projections = new();

    public void AddPool(NeuronPool pool) => pools.Add(new Cells(pool));

    public void AddProjection(Projection projection)
    {
        var source = pools.Single(p => p.Name == projection.Source.Name);
        var target = pools.Single(p => p.Name == projection.Target.Name);
        projections.Add(new Store(projection.RowStart.ToArray(), projection.Synapses().ToArray(), source, target, projection.Config));
    }

    /// <summary>Synaptic events of projections so far.</summary>
    public long ProjectionEvents { get; private set; }

    public void Tick(IReadOnlyList<short[]> inputs)
    {
        for (int p = 0; p < pools.Count; p++)
            pools[p].DrainIntegratePropagate(inputs[p]);
        foreach (var store in projections)
            ProjectionEvents += store.Transmit();
        foreach (var pool in pools)
            pool.HomeostasisDecayClock();
        foreach (var store in projections)
            store.Decay();
    }

    public void AssertMatches(IReadOnlyList<NeuronPool> actualPools, IReadOnlyList<Projection> actualProjections, int tick)
    {
        for (int p = 0; p < pools.Count; p++)
            pools[p].AssertMatches(actualPools[p], tick);
        for (int k = 0; k < projections.Count; k++)
        {
            var actual = actualProjections[k].Synapses();
            Assert.That(actual.Length, Is.EqualTo(projections[k].Synapses.Length));
            for (int s = 0; s < actual.Length; s++)
                if (!actual[s].Equals(projections[k].Synapses[s]))
                    Assert.Fail($"tick {tick}, projection {k}, synapse {s}: {Show(actual[s])} vs reference {Show(projections[k].Synapses[s])}");
        }
    }

    private static string Show(Synapse s) => $"(t{s.Target} w{s.Weight} d{s.Delay} e{s.Eligibility} m{s.Maturity})";

    private static short Sat16(int value) => (short)Math.Clamp(value, short.MinValue, short.MaxValue);

    private static sbyte Sat8(int value) => (sbyte)Math.Clamp(value, sbyte.MinValue, sbyte.MaxValue);

    private sealed class Cells
    {
        public readonly string Name;
        public readonly PoolConfig Config;
        public readonly int N;
        public readonly short[] Membrane, Threshold, Synaptic, Ring;
        public readonly byte[] Leak, Refract;
        public readonly bool[] SpikeOut;
        public readonly sbyte[] Trace;
        public readonly ushort[] SpikeRate;
        public readonly uint[] RowStart;
        public readonly Synapse[] Synapses;
        public int WriteHead;
        public ulong TickCount;

        public Cells(NeuronPool pool)
        {
            Name = pool.Name;
            pool.MaterializeEligibility();
            var view = pool.View();
            Config = pool.Config;
            N = view.CellCount;
            Membrane = view.Membrane.ToArray();
            Threshold = view.Threshold.ToArray();
            Leak = view.Leak.ToArray();
            Refract = view.Refract.ToArray();
            Trace = view.Trace.ToArray();
            SpikeOut = [.. view.SpikeOut.ToArray().Select(b => b != 0)];
            SpikeRate = view.SpikeRate.ToArray();
            Synaptic = new short[N];
            Ring = view.DelayRing.ToArray();
            RowStart = view.RowStart.ToArray();
            Synapses = view.Synapses.ToArray();
            WriteHead = pool.State.WriteHead;
            TickCount = pool.TickCount;
        }

        public void DrainIntegratePropagate(short[] input)
        {
            for (int i = 0; i < N; i++)
            {
                Synaptic[i] = Ring[WriteHead * N + i];
                Ring[WriteHead * N + i] = 0;
            }

            WriteHead = (WriteHead + 1) % Config.MaxDelay;
            for (int i = 0; i < N; i++)
            {
                if (Refract[i] > 0)
                {
                    Refract[i]--;
                    SpikeOut[i] = false;
                    continue;
                }

                int shift = 8 - Math.Min((int)Leak[i], 7);
                Membrane[i] = Sat16(Membrane[i] + ((Config.Resting - Membrane[i]) >> shift));
                Membrane[i] = Sat16(Membrane[i] + input[i]);
                Membrane[i] = Sat16(Membrane[i] + Synaptic[i]);
                SpikeOut[i] = Membrane[i] >= Threshold[i];
                if (SpikeOut[i])
                {
                    Membrane[i] = Config.Reset;
                    Refract[i] = Config.RefractoryTicks;
                    Trace[i] = Sat8(Trace[i] + Config.StdpPositive);
                }

                Trace[i] = (sbyte)((short)(Trace[i] * Config.TraceDecay) / 256);
            }

            for (int i = 0; i < N; i++)
            {
                if (!SpikeOut[i])
                    continue;
                int end = i + 1 < N ? (int)RowStart[i + 1] : Synapses.Length;
                for (int s = (int)RowStart[i]; s < end; s++)
                    Add(ref Synapses[s], this, Config.StdpPositive, Config.StdpNegative);
            }
        }

        /// <summary>One synaptic event into this pool's ring, with the STDP mark from its spikes.</summary>
        public static void Add(ref Synapse synapse, Cells target, int positive, int negative)
        {
            int t = synapse.Target;
            synapse.Eligibility = Sat8(synapse.Eligibility + (target.SpikeOut[t] ? negative : positive));
            int slot = (target.WriteHead + Math.Max((int)synapse.Delay, 1) - 1) % target.Config.MaxDelay;
            target.Ring[slot * target.N + t] = Sat16(target.Ring[slot * target.N + t] + synapse.Weight * 64);
        }

        public void HomeostasisDecayClock()
        {
            if (Config.HomeostaticRate > 0 && TickCount % 100 == 0)
            {
                for (int i = 0; i < N; i++)
                {
                    SpikeRate[i] = (ushort)((SpikeRate[i] * 255u + (SpikeOut[i] ? 256u : 0u)) / 256u);
                    if (SpikeRate[i] > 26)
                        Threshold[i] = Sat16(Threshold[i] + Config.HomeostaticRate);
                    else if (SpikeRate[i] < 6)
                        Threshold[i] = Sat16(Threshold[i] - Config.HomeostaticRate);
                }
            }

            for (int s = 0; s < Synapses.Length; s++)
                Synapses[s].Eligibility = (sbyte)((short)(Synapses[s].Eligibility * Config.TraceDecay) / 256);
            TickCount++;
        }

        public void AssertMatches(NeuronPool pool, int tick)
        {
            var view = pool.View();
            Assert.That(view.Membrane.ToArray(), Is.EqualTo(Membrane), $"tick {tick}, pool {Name}: membrane");
            Assert.That(view.DelayRing.ToArray(), Is.EqualTo(Ring), $"tick {tick}, pool {Name}: delay ring");
            Assert.That(view.Trace.ToArray(), Is.EqualTo(Trace), $"tick {tick}, pool {Name}: trace");
            Assert.That(view.Threshold.ToArray(), Is.EqualTo(Threshold), $"tick {tick}, pool {Name}: threshold");
            Assert.That(pool.Synapses().ToArray(), Is.EqualTo(Synapses), $"tick {tick}, pool {Name}: synapses");
        }
    }

    private sealed class Store(uint[] rowStart, Synapse[] synapses, Cells source, Cells target, GrowNet.Ecs.Components.Network.ProjectionConfig config)
    {
        public Synapse[] Synapses => synapses;

        public long Transmit()
        {
            long events = 0;
            for (int i = 0; i < source.N; i++)
            {
                if (!source.SpikeOut[i])
                    continue;
                int end = i + 1 < source.N ? (int)rowStart[i + 1] : synapses.Length;
                for (int s = (int)rowStart[i]; s < end; s++, events++)
                    Cells.Add(ref synapses[s], target, config.StdpPositive, config.StdpNegative);
            }

            return events;
        }

        public void Decay()
        {
            for (int s = 0; s < synapses.Length; s++)
                synapses[s].Eligibility = (sbyte)((short)(synapses[s].Eligibility * config.TraceDecay) / 256);
        }
    }
}
