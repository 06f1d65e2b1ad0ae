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
        return Bernoulli(new Shape(seed, Stream, cells, cells, excitatoryCount, null, config.MaxDelay), density);
    }

    /// <summary>Builds a CSR where every row has exactly <paramref name="outDegree"/> distinct random targets.</summary>
    public static SynapseRows GenerateFixedOutDegree(ulong seed, int cells, int outDegree, int excitatoryCount, in PoolConfig config)
    {
        PoolFactory.ValidateCellCount(cells);
        if (outDegree < 0 || outDegree > cells - 1)
            throw new ArgumentOutOfRangeException(nameof(outDegree), outDegree, $"Out-degree must lie in 0..{cells - 1} (N − 1).");
        return FixedOutDegree(new Shape(seed, Stream, cells, cells, excitatoryCount, null, config.MaxDelay), outDegree);
    }

    /// <summary>
    /// What a generator connects: <paramref name="Sources"/> rows and <paramref name="Targets"/>
    /// target cells (the same cells when <paramref name="SkipSelf"/>: a pool, or a projection from a
    /// pool to itself), Dale's sign from the source (the first <paramref name="ExcitatoryCount"/>
    /// sources, or bit 0 of <paramref name="SourceFlags"/> when given), delays 1..<paramref name="MaxDelay"/>,
    /// row i drawing from (seed, <paramref name="Stream"/>, i).
    /// </summary>
    internal readonly record struct Shape(ulong Seed, ulong Stream, int Sources, int Targets, int ExcitatoryCount,
        byte[]? SourceFlags, byte MaxDelay, bool SkipSelf = true)
    {
        public bool Inhibitory(int source) => SourceFlags == null ? source >= ExcitatoryCount : (SourceFlags[source] & 1) != 0;

        /// <summary>Number of candidate targets per row (the self pair excluded when skipped).</summary>
        public int Candidates => SkipSelf ? Targets - 1 : Targets;
    }

    /// <summary>Each (source, target) pair independently with probability <paramref name="density"/>, by geometric gaps.</summary>
    internal static SynapseRows Bernoulli(in Shape shape, double density)
    {
        int candidates = shape.Candidates;
        var rows = new SynapseRows(shape.Sources, (int)Math.Min(density * shape.Sources * (double)candidates * 1.01 + 16, int.MaxValue - 64));
        // Geometric gaps: the distance to the next connected target is floor(log(u) / log(1 − p)).
        double logKeep = LogOfKeep(density);
        for (int source = 0; source < shape.Sources; source++)
        {
            rows.BeginRow(source);
            if (density <= 0)
                continue;
            var random = new RandomStream(shape.Seed, shape.Stream, (ulong)source);
            bool inhibitory = shape.Inhibitory(source);
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
                    if (gap >= shape.Targets)
                        break;
                    candidate += 1 + (long)gap;
                }

                if (candidate >= candidates)
                    break;
                rows.Add(MakeSynapse(ref random, TargetOf(shape, source, (int)candidate), inhibitory, shape.MaxDelay));
            }
        }

        rows.Complete();
        return rows;
    }

    /// <summary>Exactly <paramref name="outDegree"/> distinct targets per row (Floyd's sampling), rows ascending by target.</summary>
    internal static SynapseRows FixedOutDegree(in Shape shape, int outDegree)
    {
        int candidates = shape.Candidates;
        var rows = new SynapseRows(shape.Sources, (int)Math.Min((long)shape.Sources * outDegree, int.MaxValue - 64));
        var chosen = new bool[candidates];
        var picks = new int[outDegree];
        for (int source = 0; source < shape.Sources; source++)
        {
            rows.BeginRow(source);
            var random = new RandomStream(shape.Seed, shape.Stream, (ulong)source);
            bool inhibitory = shape.Inhibitory(source);
            int picked = Floyd(ref random, candidates, outDegree, chosen, picks);
            for (int p = 0; p < picked; p++)
                rows.Add(MakeSynapse(ref random, TargetOf(shape, source, picks[p]), inhibitory, shape.MaxDelay));
        }

        rows.Complete();
        return rows;
    }

    /// <summary>
    /// Exactly <paramref name="inDegree"/> distinct sources per target cell: target t draws from
    /// (seed, stream, t) its sources (Floyd's sampling) and then, source by source ascending, each
    /// synapse's weight and delay. Rows stay in ascending target order, since targets are visited
    /// in ascending order.
    /// </summary>
    internal static SynapseRows FixedInDegree(in Shape shape, int inDegree)
    {
        int candidates = shape.SkipSelf ? shape.Sources - 1 : shape.Sources;
        long total = (long)shape.Targets * inDegree;
        if (total > int.MaxValue - 64)
            throw new ArgumentOutOfRangeException(nameof(inDegree), inDegree, "The projection would hold more than 2^31 synapses.");
        var sourceOf = new int[total];
        var drawn = new Synapse[total];
        var chosen = new bool[candidates];
        var picks = new int[inDegree];
        int at = 0;
        for (int target = 0; target < shape.Targets; target++)
        {
            var random = new RandomStream(shape.Seed, shape.Stream, (ulong)target);
            int picked = Floyd(ref random, candidates, inDegree, chosen, picks);
            for (int p = 0; p < picked; p++)
            {
                int source = shape.SkipSelf && picks[p] >= target ? picks[p] + 1 : picks[p];
                sourceOf[at] = source;
                drawn[at++] = MakeSynapse(ref random, target, shape.Inhibitory(source), shape.MaxDelay);
            }
        }

        // Stable counting sort by source: within a row, synapses stay in ascending target order.
        var rowStart = new int[shape.Sources + 1];
        foreach (int source in sourceOf)
            rowStart[source + 1]++;
        for (int r = 0; r < shape.Sources; r++)
            rowStart[r + 1] += rowStart[r];
        var next = rowStart[..^1];
        var sorted = new Synapse[total];
        for (int k = 0; k < at; k++)
            sorted[next[sourceOf[k]]++] = drawn[k];
        var rows = new SynapseRows(shape.Sources, at);
        int position = 0;
        for (int source = 0; source < shape.Sources; source++)
        {
            rows.BeginRow(source);
            for (int end = rowStart[source + 1]; position < end; position++)
                rows.Add(sorted[position]);
        }

        rows.Complete();
        return rows;
    }

    /// <summary>Floyd's sampling of <paramref name="count"/> distinct values of 0..<paramref name="range"/> − 1, sorted into <paramref name="picks"/>.</summary>
    private static int Floyd(ref RandomStream random, int range, int count, bool[] chosen, int[] picks)
    {
        int picked = 0;
        for (int j = range - count; j < range; j++)
        {
            int value = random.NextInt(j + 1);
            if (chosen[value])
                value = j;
            chosen[value] = true;
            picks[picked++] = value;
        }

        Array.Sort(picks, 0, picked);
        for (int p = 0; p < picked; p++)
            chosen[picks[p]] = false;
        return picked;
    }

    /// <summary>Candidate index → target cell: candidates skip the source itself when the shape says so.</summary>
    private static int TargetOf(in Shape shape, int source, int candidate)
        => shape.SkipSelf && candidate >= source ? candidate + 1 : candidate;

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
