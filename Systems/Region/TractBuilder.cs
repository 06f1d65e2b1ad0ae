using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Creates tract entities and their edges: gated random meshes (drawing from the region's
/// wiring stream and recording a mesh rule) and fixed windowed tracts. Callers validate first.
/// </summary>
internal static class TractBuilder
{
    private static readonly ComponentSet TractComponents = ComponentSet.Of<TractInfo, TractState>();

    /// <summary>Creates an empty tract with one source row per source neuron.</summary>
    public static Entity Create(World world, Entity region, TractInfo info, int sourceCount)
    {
        var tract = world.Create(TractComponents);
        ref var regionState = ref world.Get<RegionState>(region);
        info.Region = region;
        info.Index = world.GetTable(regionState.Tracts).Count;
        world.Get<TractInfo>(tract) = info;
        world.Get<TractState>(tract) = new TractState
        {
            Sources = world.CreateTable(RegionTables.Sources.Set, tract, sourceCount + 1),
            Edges = world.CreateTable(RegionTables.Edges.Set, tract),
            EntryQueue = world.CreateTable(RegionTables.Queue.Set, tract),
            PendingQueue = world.CreateTable(RegionTables.Queue.Set, tract),
        };
        int row = world.AddRows(regionState.Tracts, 1);
        RegionAccess.Tracts(world, regionState)[row] = tract;
        return tract;
    }

    /// <summary>
    /// ConnectLayers: for each source row (outer) and destination row (inner), skipping a neuron
    /// paired with itself, one draw; an edge with a fresh gate when the draw is below
    /// <paramref name="probability"/>. Records the mesh rule; returns the edge count.
    /// </summary>
    public static int ConnectGated(World world, Entity region, int source, int destination, double probability, bool feedback)
    {
        var layers = RegionAccess.Layers(world, world.Get<RegionState>(region));
        int sourceCount = RegionAccess.NeuronCount(world, layers[source]);
        int destinationCount = RegionAccess.NeuronCount(world, layers[destination]);
        var tract = Create(world, region, new TractInfo
        {
            Source = source,
            Destination = destination,
            Kind = TractKind.Gated,
            Feedback = feedback,
            Probability = probability,
        }, sourceCount);

        ref var regionState = ref world.Get<RegionState>(region);
        var random = RegionRandom.Wiring(world, region, regionState.WiringDraws);
        var targets = new List<int>();
        var sources = world.GetTable(world.Get<TractState>(tract).Sources).Span(RegionColumns.EdgeRowStart);
        for (int s = 0; s < sourceCount; s++)
        {
            sources[s] = targets.Count;
            for (int d = 0; d < destinationCount; d++)
            {
                if (source == destination && s == d)
                    continue;
                if (random.NextDouble() < probability)
                    targets.Add(d);
            }
        }

        sources[sourceCount] = targets.Count;
        regionState.WiringDraws = random.Position;
        long step = world.Get<BusState>(region).CurrentStep;
        var state = world.Get<TractState>(tract);
        int first = world.AddRows(state.Edges, targets.Count);
        var edges = world.GetTable(state.Edges);
        for (int i = 0; i < targets.Count; i++)
            InitEdge(edges, first + i, targets[i], 1.0, step);

        int rule = world.AddRows(regionState.MeshRules, 1);
        RegionAccess.Rules(world, regionState)[rule] = new MeshRule
        {
            Source = source,
            Destination = destination,
            Probability = probability,
            Feedback = feedback,
            Tract = world.Get<TractInfo>(tract).Index,
        };
        return targets.Count;
    }

    /// <summary>
    /// ConnectLayersWindowed (and the topographic preset): a fixed tract from an InputLayer2D.
    /// Into an OutputLayer2D every window pixel maps to the window's center (duplicates removed);
    /// into any other layer every participating pixel reaches every neuron. Returns the number
    /// of distinct participating source pixels.
    /// </summary>
    public static int ConnectWindowed(World world, Entity region, int source, int destination, in TractInfo geometry)
    {
        var layers = RegionAccess.Layers(world, world.Get<RegionState>(region));
        var input = world.Get<LayerInfo>(layers[source]);
        var output = world.Get<LayerInfo>(layers[destination]);
        var info = geometry;
        info.Source = source;
        info.Destination = destination;
        info.Kind = TractKind.Windowed;
        info.Broadcast = output.Kind != LayerKind.Output2D;
        int pixels = input.Height * input.Width;
        var tract = Create(world, region, info, pixels);
        var state = world.Get<TractState>(tract);
        var sourceTable = world.GetTable(state.Sources);
        var rowStart = sourceTable.Span(RegionColumns.EdgeRowStart);
        var participates = sourceTable.Span(RegionColumns.SourceParticipates);
        if (info.Broadcast)
        {
            var covered = WindowGeometry.Participants(input.Height, input.Width, info.KernelHeight, info.KernelWidth,
                info.StrideHeight, info.StrideWidth, info.Padding);
            int count = 0;
            for (int p = 0; p < pixels; p++)
            {
                if (!covered[p])
                    continue;
                participates[p] = 1;
                count++;
            }

            world.Get<TractState>(tract).ParticipatingSources = count;
            return count;
        }

        var pairs = WindowGeometry.CenterPairs(input.Height, input.Width, info.KernelHeight, info.KernelWidth,
            info.StrideHeight, info.StrideWidth, info.Padding);
        var weights = info.Topographic
            ? TopographicWeights.Compute(pairs, input.Width, info.Sigma, info.Normalize)
            : null;

        // Group by source, keeping window order within a source (stable counting sort).
        var counts = new int[pixels + 1];
        foreach (var (s, _) in pairs)
            counts[s + 1]++;
        for (int p = 0; p < pixels; p++)
            counts[p + 1] += counts[p];
        counts.AsSpan().CopyTo(rowStart);
        long step = world.Get<BusState>(region).CurrentStep;
        int first = world.AddRows(state.Edges, pairs.Count);
        var edges = world.GetTable(state.Edges);
        for (int i = 0; i < pairs.Count; i++)
        {
            var (s, center) = pairs[i];
            InitEdge(edges, first + counts[s]++, center, weights?[i] ?? 1.0, step);
        }

        int participating = 0;
        for (int p = 0; p < pixels; p++)
        {
            if (rowStart[p + 1] > rowStart[p])
            {
                participates[p] = 1;
                participating++;
            }
        }

        world.Get<TractState>(tract).ParticipatingSources = participating;
        return participating;
    }

    /// <summary>Writes a fresh edge: a new gate (all zero), fixed weight <paramref name="weight"/>, created at <paramref name="step"/>.</summary>
    internal static void InitEdge(Table edges, int index, int target, double weight, long step)
    {
        edges.ClearRows(index, 1);
        edges.Span(RegionColumns.EdgeTarget)[index] = target;
        edges.Span(RegionColumns.EdgeWeight)[index] = weight;
        edges.Span(RegionColumns.EdgeLastStep)[index] = step;
    }
}
