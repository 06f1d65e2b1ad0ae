using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Structural invariants of every graph block, checked after a world is loaded, so a damaged file
/// can neither break graph.md's rules (row order, one tap per (source, lag), predictors never tap
/// sources, counters) nor make a kernel index outside its tables.
/// </summary>
public static class GraphInvariants
{
    /// <summary>Throws <see cref="InvalidDataException"/> naming the first violated invariant of any block.</summary>
    public static void Validate(World world)
    {
        foreach (var block in GraphBlock.All(world))
            Validate(world, block);
    }

    private static void Validate(World world, GraphBlock block)
    {
        string name = $"graph block '{block.Name}' ({block.Entity})";
        var config = block.Config;
        try
        {
            config.Validate();
        }
        catch (ArgumentOutOfRangeException error)
        {
            Fail(name, $"has a bad config: {error.Message}");
        }

        var state = block.State;
        ValidateTables(world, block.Entity, state, name);
        var a = new GraphArrays(world, state);
        int n = a.NodeCount, h = config.HistoryLength, p0 = state.PredictorStart;
        Require(p0 >= a.ChannelCount && p0 <= n, name, $"has predictor start {p0} outside the nodes");
        Require(world.GetTable(state.Rings).Count == n * h, name, "ring table does not hold N · H rows");
        Require(a.CandidateRows == (n - p0) * config.ShortlistSize, name, "candidate table does not hold ShortlistSize rows per predictor");
        Require(world.GetTable(state.Windows).Count == a.CandidateRows * config.SnrWindows, name, "window table does not match the candidates");
        int cstruct = 0;
        for (int i = 0; i < n; i++)
        {
            ValidateNode(a, config, i, p0, name);
            if (i >= p0)
                cstruct += a.TapCount[i];
        }

        Require(cstruct == state.Cstruct, name, $"counts Cstruct {state.Cstruct} but its predictors hold {cstruct} taps");
        ValidateGroups(a, p0, name);
        if (config.DeltaLog)
        {
            Require(world.GetTable(state.DeltaEntries).Count == n * config.DeltaHorizon, name, "Δ-log entry ring does not hold N · DeltaHorizon rows");
            Require(world.GetTable(state.DeltaStates).Count == n * (config.DeltaHorizon + 1), name, "Δ-log state ring has the wrong size");
            Require(state.DeltaCount >= 0 && state.DeltaCount <= n * config.DeltaHorizon && (uint)state.DeltaFirst < (uint)Math.Max(1, n * config.DeltaHorizon),
                name, "Δ-log ring position lies outside the ring");
        }
    }

    private static void ValidateTables(World world, Entity entity, in GraphState state, string name)
    {
        foreach (var handle in new[] { state.Nodes, state.Rings, state.Taps, state.Channels, state.Candidates, state.Windows, state.Events, state.DeltaEntries, state.DeltaStates })
        {
            Require(world.IsAlive(handle), name, "refers to a missing table");
            Require(world.GetTable(handle).Owner == entity, name, "refers to a table it does not own");
        }

        Require(world.GetTable(state.Nodes).Set.IsSupersetOf(GraphColumns.NodeTable.Set), name, "node table lacks its columns");
        Require(world.GetTable(state.Taps).Set.IsSupersetOf(GraphColumns.TapTable.Set), name, "tap table lacks its columns");
        Require(world.GetTable(state.Channels).Set.IsSupersetOf(GraphColumns.ChannelTable.Set), name, "channel table lacks its columns");
        Require(world.GetTable(state.Candidates).Set.IsSupersetOf(GraphColumns.CandidateTable.Set), name, "candidate table lacks its columns");
    }

    private static void ValidateNode(in GraphArrays a, in GraphConfig config, int i, int p0, string name)
    {
        int h = config.HistoryLength;
        var kind = (GraphNodeKind)a.Kind[i];
        var expected = i < a.ChannelCount ? GraphNodeKind.Input : i >= p0 ? GraphNodeKind.Predictor : kind;
        Require(kind == expected && Enum.IsDefined(kind) && (i < a.ChannelCount || kind != GraphNodeKind.Input), name, $"node {i} has kind {kind} out of row order");
        Require((uint)a.Head[i] < (uint)h, name, $"node {i} has head {a.Head[i]} outside its ring");
        Require(a.Frequency[i] is >= 0f and <= 1f, name, $"node {i} has update frequency {a.Frequency[i]}");
        Require(float.IsFinite(a.Bias[i]) && float.IsFinite(a.Next[i]), name, $"node {i} holds a non-finite value");
        if (kind == GraphNodeKind.Summary)
            Require((uint)a.ChildA[i] < (uint)i && (uint)a.ChildB[i] < (uint)i && a.ChildA[i] >= a.ChannelCount, name, $"Summary node {i} has bad children");
        if (kind is GraphNodeKind.Input or GraphNodeKind.Predictor)
            Require((uint)a.Channel[i] < (uint)a.ChannelCount, name, $"node {i} has channel {a.Channel[i]}");
        if (kind == GraphNodeKind.Predictor)
            Require(float.IsFinite(a.Alpha[i]) && a.Alpha[i] > 0f && a.TapCapacity[i] == config.MaxInDegree, name, $"predictor {i} has a bad alpha or tap region");
        int start = a.TapStart[i], count = a.TapCount[i];
        Require(start >= 0 && count >= 0 && count <= a.TapCapacity[i] && (long)start + a.TapCapacity[i] <= a.TapRows, name, $"node {i}'s taps lie outside the tap table");
        Require(kind is GraphNodeKind.Hidden or GraphNodeKind.Predictor || count == 0, name, $"node {i} ({kind}) has taps");
        for (int t = start; t < start + count; t++)
        {
            Require((uint)a.TapSource[t] < (uint)p0 && a.TapLag[t] < h, name, $"node {i} has a tap ({a.TapSource[t]}, {a.TapLag[t]}) outside the sources");
            Require(float.IsFinite(a.TapWeight[t]), name, $"node {i} has a non-finite tap weight");
            Require(t == start || GraphMath.Key(a.TapSource[t], a.TapLag[t], h) > GraphMath.Key(a.TapSource[t - 1], a.TapLag[t - 1], h),
                name, $"node {i}'s taps are not in ascending (source, lag) order");
        }
    }

    private static void ValidateGroups(in GraphArrays a, int p0, string name)
    {
        int members = 0;
        for (int c = 0; c < a.ChannelCount; c++)
        {
            int count = 0, last = -1;
            for (int g = a.FirstPredictor[c]; g >= 0 && count <= a.NodeCount; g = a.GroupNext[g])
            {
                Require(g >= p0 && g < a.NodeCount && g > last && a.Channel[g] == c, name, $"channel {c}'s group holds a bad predictor {g}");
                (last, count) = (g, count + 1);
            }

            Require(count == a.PredictorCount[c] && count >= 1 && last == a.LastPredictor[c], name, $"channel {c}'s group does not match its count");
            members += count;
        }

        Require(members == a.NodeCount - p0, name, "predictors belong to no group");
    }

    private static void Require(bool condition, string block, string problem)
    {
        if (!condition)
            Fail(block, problem);
    }

    private static void Fail(string block, string problem)
        => throw new InvalidDataException($"Invariant violated: {block} {problem}.");
}
