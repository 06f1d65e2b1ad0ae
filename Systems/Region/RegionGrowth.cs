using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Structural growth (grownet.md "Growth"): a new neuron copying its seed, deterministic
/// autowiring by mesh-rule replay, and spillover layers. Runs in the Growth phase (or at host
/// time), never inside a parallel pass.
/// </summary>
internal static class RegionGrowth
{
    /// <summary>Adds a neuron to layer <paramref name="layerIndex"/> copying <paramref name="seedRow"/>; returns its row.</summary>
    public static int GrowNeuron(World world, Entity region, int layerIndex, int seedRow)
    {
        var layer = RegionAccess.Layers(world, world.Get<RegionState>(region))[layerIndex];
        var neurons = world.GetTable(world.Get<LayerState>(layer).Neurons);
        var kind = neurons.Span(RegionColumns.NeuronKind)[seedRow];
        int? limit = (neurons.Span(RegionColumns.NeuronFlags)[seedRow] & NeuronFlags.HasSlotLimit) != 0 ? neurons.Span(RegionColumns.SlotLimit)[seedRow] : null;
        int row = LayerBuilder.AddNeurons(world, layer, kind, 1, limit);
        foreach (var tract in RegionAccess.Tracts(world, world.Get<RegionState>(region)))
        {
            if (world.Get<TractInfo>(tract).Source == layerIndex)
                AddSourceRow(world, tract);
        }

        Autowire(world, region, layerIndex, row);
        world.Get<LayerState>(layer).GrownNeurons++;
        return row;
    }

    /// <summary>
    /// Replays the mesh rules for a new neuron: outbound rules in recording order (one draw per
    /// destination neuron), then inbound rules in recording order (one draw per source neuron);
    /// an edge when the draw is below the rule's probability. A neuron is never paired with itself.
    /// </summary>
    public static void Autowire(World world, Entity region, int layerIndex, int row)
    {
        ref var state = ref world.Get<RegionState>(region);
        var random = RegionRandom.Wiring(world, region, state.WiringDraws);
        long step = world.Get<BusState>(region).CurrentStep;
        var layers = RegionAccess.Layers(world, state);
        var tracts = RegionAccess.Tracts(world, state);
        var rules = RegionAccess.Rules(world, state);
        var chosen = new List<int>();
        foreach (var rule in rules)
        {
            if (rule.Source != layerIndex)
                continue;
            int count = RegionAccess.NeuronCount(world, layers[rule.Destination]);
            chosen.Clear();
            for (int d = 0; d < count; d++)
            {
                if (rule.Destination == layerIndex && d == row)
                    continue;
                if (random.NextDouble() < rule.Probability)
                    chosen.Add(d);
            }

            AppendRow(world, tracts[rule.Tract], row, chosen, step);
        }

        foreach (var rule in rules)
        {
            if (rule.Destination != layerIndex)
                continue;
            int count = RegionAccess.NeuronCount(world, layers[rule.Source]);
            chosen.Clear();
            for (int s = 0; s < count; s++)
            {
                if (rule.Source == layerIndex && s == row)
                    continue;
                if (random.NextDouble() < rule.Probability)
                    chosen.Add(s);
            }

            InsertIntoRows(world, tracts[rule.Tract], chosen, row, step);
        }

        state.WiringDraws = random.Position;
    }

    /// <summary>Adds a spillover layer of max(4, E/2) excitatory neurons fed by <paramref name="fullLayer"/> with p = 1.</summary>
    public static int AddSpillover(World world, Entity region, int fullLayer)
    {
        var layer = RegionAccess.Layers(world, world.Get<RegionState>(region))[fullLayer];
        var info = world.Get<LayerInfo>(layer);
        var slots = world.Get<SlotConfig>(layer);
        int index = LayerBuilder.AddStandard(world, region, Math.Max(4, info.Excitatory / 2), 0, 0, slots, info.NeuronLimit);
        TractBuilder.ConnectGated(world, region, fullLayer, index, 1.0, feedback: false);
        ref var state = ref world.Get<RegionState>(region);
        state.HasGrownLayer = true;
        state.LastLayerGrowthStep = world.Get<BusState>(region).CurrentStep;
        return index;
    }

    /// <summary>Gives a tract's source table one more (empty) row for a new source neuron.</summary>
    private static void AddSourceRow(World world, Entity tract)
    {
        var handle = world.Get<TractState>(tract).Sources;
        int row = world.AddRows(handle, 1);
        var rowStart = world.GetTable(handle).Span(RegionColumns.EdgeRowStart);
        rowStart[row] = rowStart[row - 1];
    }

    /// <summary>Writes the edges of the last source row (the new neuron) at the end of the edge table.</summary>
    private static void AppendRow(World world, Entity tract, int row, List<int> targets, long step)
    {
        var state = world.Get<TractState>(tract);
        int first = world.AddRows(state.Edges, targets.Count);
        var edges = world.GetTable(state.Edges);
        for (int i = 0; i < targets.Count; i++)
            TractBuilder.InitEdge(edges, first + i, targets[i], 1.0, step);
        var rowStart = world.GetTable(state.Sources).Span(RegionColumns.EdgeRowStart);
        rowStart[row + 1] = rowStart[row] + targets.Count;
    }

    /// <summary>Appends one edge to <paramref name="target"/> at the end of each listed source row (ascending sources).</summary>
    private static void InsertIntoRows(World world, Entity tract, List<int> sources, int target, long step)
    {
        if (sources.Count == 0)
            return;
        var state = world.Get<TractState>(tract);
        world.AddRows(state.Edges, sources.Count);
        var edges = world.GetTable(state.Edges);
        var rowStart = world.GetTable(state.Sources).Span(RegionColumns.EdgeRowStart);
        int shift = sources.Count;
        int next = sources.Count - 1;
        // Walk rows from the back so every move lands on rows already moved or free.
        for (int s = rowStart.Length - 2; s >= 0 && shift > 0; s--)
        {
            int start = rowStart[s];
            int end = rowStart[s + 1];
            bool insert = next >= 0 && sources[next] == s;
            rowStart[s + 1] = end + shift;
            if (insert)
            {
                TractBuilder.InitEdge(edges, end + shift - 1, target, 1.0, step);
                shift--;
                next--;
            }

            edges.MoveRows(start, start + shift, end - start);
        }
    }
}
