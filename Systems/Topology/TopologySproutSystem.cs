using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Step 4, sprouting (Growth phase). Sees the skeleton after pruning (the plasticity system
/// already removed weak edges), finds the strongest non-edges with <c>P = x_u x_v &gt; θ_sprout</c>
/// (at most K, by a k-way merge over vertices sorted by |x|, never an N×N temporary:
/// <see cref="CandidateSetup"/>, <see cref="CandidateMerge"/>), fills free capacity up to
/// <c>E_max</c>, then runs the duel: remaining candidates, strongest first, against existing edges,
/// weakest first (<see cref="WeakestEdges"/>), until the first candidate that loses. The
/// candidate search and the weakest-edge scan share one parallel loop (<see cref="SproutLoop"/>).
/// The decisions are recorded in the block's change table; the Prune phase applies them.
/// </summary>
public sealed class TopologySproutSystem : ISystem
{
    private readonly SproutScratch scratch = new();

    /// <inheritdoc />
    public string Name => "TopologySprout";

    /// <inheritdoc />
    public void Update(World world)
    {
        // Recording resizes the blocks' own change tables, never the block entities' table.
        foreach (var table in world.QueryOwners(TopologyBlocks.BlockSet))
        {
            for (int row = 0; row < table.Count; row++)
            {
                if (!world.IsRemote(table.Entities[row]))
                    Sprout(world, table.Span<TopologyParameters>()[row], ref table.Span<TopologyState>()[row]);
            }
        }
    }

    private void Sprout(World world, in TopologyParameters parameters, ref TopologyState state)
    {
        var vertices = world.GetTable(state.Vertices);
        int n = vertices.Count;
        var representation = state.Representation;
        var dense = representation == TopologyRepresentation.Dense ? DenseSkeleton.Of(world, state) : default;
        var sparse = representation == TopologyRepresentation.Sparse ? SparseSkeleton.Of(world, state) : default;
        int edges = state.EdgeCount;
        int free = Math.Max(0, parameters.EdgeBudget(n) - edges);
        int limit = (int)Math.Min(parameters.SproutLimit(n), (long)n * (n - 1) - edges);
        int candidates = 0;
        // Sparse blocks guess the duels before the merge (every candidate slot filled, the usual
        // case under a full budget) and scan for the weakest edges beside it (see SproutLoop).
        int guessedDuels = Math.Min(limit - Math.Min(free, limit), edges);
        ulong guessedBound = ulong.MaxValue;
        int sampleKeep = 0;
        if (limit > 0)
        {
            sampleKeep = representation == TopologyRepresentation.Sparse ? guessedDuels : 0;
            var merge = CandidateSetup.Prepare(scratch, vertices.Span(TopologyColumns.Activation), dense, sparse, representation,
                parameters.SproutThreshold, limit);
            var guessedScan = sampleKeep > 0 ? WeakestEdges.LayOut(scratch, dense, sparse, representation, n, sampleKeep) : default;
            candidates = SproutLoop.Run(world, scratch, merge, sparse, sampleKeep, guessedScan);
            if (sampleKeep > 0)
                guessedBound = scratch.SampledBound[0];
        }

        int sprouts = Math.Min(free, candidates);
        int duels = Math.Min(candidates - sprouts, edges);
        int weakest = 0;
        if (duels > 0)
        {
            float strongest = TopologyKeys.CandidateValue(scratch.CandidateKeys[sprouts]);
            // The guessed scan is exactly WeakestEdges.Find's first scan when the guess was right
            // and the sample's bound lies below the strongest remaining candidate's; Find keeps
            // its result when it found enough edges, and so does this.
            bool guessHolds = guessedBound != ulong.MaxValue && duels == guessedDuels && guessedBound < TopologyKeys.WeakBound(strongest);
            if (guessHolds && scratch.LoopFlags[SproutScratch.CollectedWeakest] >= duels)
                weakest = duels;
            else
                weakest = WeakestEdges.Find(world, scratch, dense, sparse, representation, n, duels, strongest);
        }

        int replaced = Duel(sprouts, weakest);
        Record(world, state.Changes, n, sprouts + replaced, replaced);
        state.LastSprouted = sprouts;
        state.LastReplaced = replaced;
    }

    /// <summary>
    /// The duel: the k-th remaining candidate (strongest first) replaces the k-th weakest edge while
    /// its P exceeds that |W|; returns how many did. Candidates' P never rises along the list and the
    /// weakest edges' |W| never falls, so when the last pair wins every pair does, and the weakest
    /// edges (held unordered) need sorting only when some candidate loses.
    /// </summary>
    private int Duel(int sprouts, int weakest)
    {
        if (weakest == 0)
            return 0;
        var candidateKeys = scratch.CandidateKeys;
        var weak = scratch.WeakKeys.AsSpan(0, weakest);
        ulong strongestOfWeak = 0;
        foreach (ulong key in weak)
            strongestOfWeak = Math.Max(strongestOfWeak, key);
        if (TopologyKeys.CandidateValue(candidateKeys[sprouts + weakest - 1]) > TopologyKeys.WeakValue(strongestOfWeak))
            return weakest;
        weak.Sort();
        int replaced = 0;
        while (replaced < weakest && TopologyKeys.CandidateValue(candidateKeys[sprouts + replaced]) > TopologyKeys.WeakValue(weak[replaced]))
            replaced++;
        return replaced;
    }

    /// <summary>Writes the sprouts (with their P as weight) and the duel's removals to the change table.</summary>
    private void Record(World world, TableHandle changes, int n, int sprouts, int removals)
    {
        world.ResizeTable(changes, sprouts + removals);
        var table = world.GetTable(changes);
        var rows = table.Span(TopologyColumns.ChangeRow);
        var columns = table.Span(TopologyColumns.ChangeColumn);
        var weights = table.Span(TopologyColumns.ChangeWeight);
        var kinds = table.Span(TopologyColumns.ChangeKind);
        var candidateKeys = scratch.CandidateKeys;
        var weakKeys = scratch.WeakKeys;
        for (int k = 0; k < sprouts; k++)
        {
            (rows[k], columns[k]) = Math.DivRem(TopologyKeys.Cell(candidateKeys[k]), n);
            weights[k] = TopologyKeys.CandidateValue(candidateKeys[k]);
            kinds[k] = (byte)TopologyChangeKind.Sprout;
        }

        for (int k = 0; k < removals; k++)
        {
            (rows[sprouts + k], columns[sprouts + k]) = Math.DivRem(TopologyKeys.Cell(weakKeys[k]), n);
            weights[sprouts + k] = 0f;
            kinds[sprouts + k] = (byte)TopologyChangeKind.Remove;
        }
    }
}
