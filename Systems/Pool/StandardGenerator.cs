using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// The engine's own random connectivity (pool.md, "Standard generator"): every ordered pair
/// (no self pairs) independently with probability p — or a fixed out-degree — with no target
/// bias, magnitudes uniform in 10..69 with Dale's sign, delays uniform in 1..MaxDelay, rows in
/// ascending target order. Draws come from the world's counter-based random, row by row
/// (row i uses index space of stream <see cref="Stream"/> at tick i), so rows can be built in
/// any order or in parallel with the same result. Rows are not capped by MaxSynapsesPerNeuron
/// (that cap limits synaptogenesis).
/// </summary>
public static class StandardGenerator
{
    /// <summary>Random stream id used for standard construction.</summary>
    public const ulong Stream = 0x506F6F6C_53746431UL; // "PoolStd1"

    /// <summary>Builds a Bernoulli(p) CSR.</summary>
    public static SynapseRows GenerateBernoulli(ulong seed, int cells, double density, int excitatoryCount, in PoolConfig config)
    {
        PoolFactory.ValidateCellCount(cells);
        PoolFactory.ValidateDensity(density);
        var rows = new SynapseRows(cells, (int)Math.Min(density * cells * (cells - 1.0) * 1.01 + 16, int.MaxValue - 64));
        // Geometric gaps: the distance to the next connected target is floor(log(u) / log(1 − p)).
        double logKeep = LogOfKeep(density);
        for (int source = 0; source < cells; source++)
        {
            rows.BeginRow(source);
            if (density <= 0)
                continue;
            var random = new RandomStream(seed, Stream, (ulong)source);
            bool inhibitory = source >= excitatoryCount;
            long candidate = -1;
            while (true)
            {
                if (density >= 1)
                {
                    candidate++;
                }
                else
                {
                    double u = 1.0 - random.NextDouble(); // (0, 1]
                    double gap = Math.Floor(Math.Log(u) / logKeep);
                    // A gap past the row ends it; checked in double, since a huge gap does not fit a long.
                    if (gap >= cells)
                        break;
                    candidate += 1 + (long)gap;
                }

                if (candidate >= cells - 1)
                    break;
                // Candidates index the N − 1 targets other than the source.
                int target = (int)(candidate < source ? candidate : candidate + 1);
                rows.Add(MakeSynapse(ref random, target, inhibitory, config.MaxDelay));
            }
        }

        rows.Complete();
        return rows;
    }

    /// <summary>Builds a CSR where every row has exactly <paramref name="outDegree"/> distinct random targets.</summary>
    public static SynapseRows GenerateFixedOutDegree(ulong seed, int cells, int outDegree, int excitatoryCount, in PoolConfig config)
    {
        PoolFactory.ValidateCellCount(cells);
        if (outDegree < 0 || outDegree > cells - 1)
            throw new ArgumentOutOfRangeException(nameof(outDegree), outDegree, $"Out-degree must lie in 0..{cells - 1} (N − 1).");
        var rows = new SynapseRows(cells, (int)Math.Min((long)cells * outDegree, int.MaxValue - 64));
        var chosen = new bool[cells];
        var picks = new int[outDegree];
        for (int source = 0; source < cells; source++)
        {
            rows.BeginRow(source);
            var random = new RandomStream(seed, Stream, (ulong)source);
            bool inhibitory = source >= excitatoryCount;
            // Floyd's sampling of outDegree distinct values from the N − 1 non-self targets.
            int picked = 0;
            for (int j = cells - 1 - outDegree; j < cells - 1; j++)
            {
                int value = random.NextInt(j + 1);
                if (chosen[value])
                    value = j;
                chosen[value] = true;
                picks[picked++] = value;
            }

            Array.Sort(picks, 0, picked);
            for (int p = 0; p < picked; p++)
            {
                chosen[picks[p]] = false;
                int target = picks[p] < source ? picks[p] : picks[p] + 1;
                rows.Add(MakeSynapse(ref random, target, inhibitory, config.MaxDelay));
            }
        }

        rows.Complete();
        return rows;
    }

    /// <summary>
    /// log(1 − p). For p below 1e-8, 1 − p loses most of p's digits (and is exactly 1 below about
    /// 1e-16, which made every gap 0 and the pool fully connected), so the series −p − p²/2 is
    /// used; its error there is below p³. Above, the plain logarithm (as every saved pool used).
    /// </summary>
    internal static double LogOfKeep(double density)
        => density < 1e-8 ? -density - density * density / 2 : Math.Log(1.0 - density);

    private static Synapse MakeSynapse(ref RandomStream random, int target, bool inhibitory, byte maxDelay)
    {
        ulong bits = random.NextUInt64();
        int magnitude = 10 + (int)((bits & 0xFFFFFFFF) % 60);
        byte delay = (byte)(1 + (int)((bits >> 32) % maxDelay));
        return new Synapse((ushort)target, (sbyte)(inhibitory ? -magnitude : magnitude), delay, 0, Maturity.New);
    }
}
