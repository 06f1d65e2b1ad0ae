using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Creates dynamic-topology blocks in a world: the block entity (<see cref="TopologyParameters"/> +
/// <see cref="TopologyState"/>) and its vertex, dense, sparse and change tables. Everything is
/// validated before anything is created, so bad input leaves the world untouched. New blocks
/// have x = 0, s = 1, b = 0, R = 1.
/// </summary>
public static class TopologyFactory
{
    /// <summary>Largest block: N² cells must fit the tables' 32-bit row indices with room for the dense stride.</summary>
    public const int MaxVertices = 32768;

    /// <summary>Counter-random stream of skeleton presence draws (the block's entity index is mixed in).</summary>
    public const ulong SkeletonStream = 0x746F_706F_0001UL;

    /// <summary>Counter-random stream of initial weight draws.</summary>
    public const ulong WeightStream = 0x746F_706F_0002UL;

    /// <summary>A block without edges.</summary>
    public static TopologyBlock CreateEmpty(World world, string name, int vertices, TopologyParameters parameters)
    {
        ValidateCommon(world, name, vertices, parameters);
        return Build(world, name, vertices, parameters, 0, (_, _) => { });
    }

    /// <summary>
    /// A block whose skeleton has each ordered pair i ≠ j with probability <paramref name="density"/>,
    /// drawn from the world's counter-based random streams (keyed by the world seed, the block's
    /// entity index, the world tick and the cell), with weights uniform in
    /// [−<paramref name="maxInitialWeight"/>, <paramref name="maxInitialWeight"/>]. Should the draws
    /// exceed E_max, the edges of the highest cells are left out.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Density outside [0, ρmax], or a bad weight scale, vertex count or parameter.</exception>
    public static TopologyBlock CreateRandom(World world, string name, int vertices, double density, TopologyParameters parameters,
        float maxInitialWeight = 0.5f)
    {
        ValidateCommon(world, name, vertices, parameters);
        if (!(density >= 0.0 && density <= 1.0))
            throw new ArgumentOutOfRangeException(nameof(density), density, "Initial density must be a number in [0, 1].");
        if (density > parameters.MaxDensity)
            throw new ArgumentOutOfRangeException(nameof(density), density,
                $"Initial density {density} exceeds MaxDensity (ρmax) {parameters.MaxDensity}; the skeleton would break the edge budget.");
        if (!(maxInitialWeight >= 0f && maxInitialWeight <= 1f))
            throw new ArgumentOutOfRangeException(nameof(maxInitialWeight), maxInitialWeight, "The initial weight scale must be a number in [0, 1].");
        int budget = parameters.EdgeBudget(vertices);
        var columns = new int[vertices];
        var weights = new float[vertices];
        return Build(world, name, vertices, parameters, EstimateEdges(vertices, density, budget), (entity, write) =>
        {
            ulong seed = world.Seed, tick = world.Tick;
            ulong presenceStream = SkeletonStream ^ ((ulong)(uint)entity.Index << 32);
            ulong weightStream = WeightStream ^ ((ulong)(uint)entity.Index << 32);
            int total = 0;
            for (int i = 0; i < vertices && total < budget; i++)
            {
                int count = 0;
                for (int j = 0; j < vertices && total + count < budget; j++)
                {
                    ulong cell = (ulong)i * (ulong)vertices + (ulong)j;
                    if (i == j || CounterRandom.NextDouble(seed, presenceStream, tick, cell) >= density)
                        continue;
                    double u = CounterRandom.NextDouble(seed, weightStream, tick, cell);
                    columns[count] = j;
                    weights[count] = (float)((2.0 * u - 1.0) * maxInitialWeight);
                    count++;
                }

                write(i, columns.AsSpan(0, count), weights.AsSpan(0, count));
                total += count;
            }
        });
    }

    /// <summary>A block with the supplied skeleton.</summary>
    /// <exception cref="ArgumentException">An edge is out of range, a self edge, a duplicate, has a weight outside [−1, 1], or the edges exceed E_max.</exception>
    public static TopologyBlock CreateFromEdges(World world, string name, int vertices, ReadOnlySpan<TopologyEdge> edges,
        TopologyParameters parameters)
    {
        ValidateCommon(world, name, vertices, parameters);
        int budget = parameters.EdgeBudget(vertices);
        if (edges.Length > budget)
            throw new ArgumentException(
                $"{edges.Length} edges exceed the edge budget E_max = ceil(ρmax · N²) = {budget} (ρmax {parameters.MaxDensity}, N {vertices}).",
                nameof(edges));
        var sorted = edges.ToArray();
        for (int k = 0; k < sorted.Length; k++)
        {
            var edge = sorted[k];
            if ((uint)edge.Row >= (uint)vertices || (uint)edge.Column >= (uint)vertices)
                throw new ArgumentException($"Edge {k} ({edge.Row}, {edge.Column}) lies outside the block's {vertices} vertices.", nameof(edges));
            if (edge.Row == edge.Column)
                throw new ArgumentException($"Edge {k} ({edge.Row}, {edge.Column}) is a self edge; M[i, i] is always 0.", nameof(edges));
            if (!(edge.Weight >= -1f && edge.Weight <= 1f))
                throw new ArgumentException($"Edge {k} ({edge.Row}, {edge.Column}) has weight {edge.Weight}; weights lie in [−1, 1].", nameof(edges));
        }

        Array.Sort(sorted, static (a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        for (int k = 1; k < sorted.Length; k++)
        {
            if (sorted[k].Row == sorted[k - 1].Row && sorted[k].Column == sorted[k - 1].Column)
                throw new ArgumentException($"Edge ({sorted[k].Row}, {sorted[k].Column}) is given twice.", nameof(edges));
        }

        return Build(world, name, vertices, parameters, sorted.Length, (_, write) =>
        {
            var columns = new int[vertices];
            var weights = new float[vertices];
            int k = 0;
            for (int i = 0; i < vertices; i++)
            {
                int count = 0;
                for (; k < sorted.Length && sorted[k].Row == i; k++)
                {
                    columns[count] = sorted[k].Column;
                    // +0 for a supplied −0, so both representations hold the same bits from the start.
                    weights[count] = sorted[k].Weight + 0f;
                    count++;
                }

                write(i, columns.AsSpan(0, count), weights.AsSpan(0, count));
            }
        });
    }

    /// <summary>Throws unless 1 ≤ N ≤ <see cref="MaxVertices"/>.</summary>
    public static void ValidateVertexCount(int vertices)
    {
        if (vertices < 1 || vertices > MaxVertices)
            throw new ArgumentOutOfRangeException(nameof(vertices), vertices, $"A topology block has 1..{MaxVertices} vertices (N).");
    }

    private static void ValidateCommon(World world, string name, int vertices, in TopologyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(name);
        ValidateVertexCount(vertices);
        parameters.Validate();
        world.ThrowIfIterating();
        if (world.Scheduler.IsRunning)
            throw new InvalidOperationException("Topology blocks are created between ticks, not from inside a system.");
    }

    private static int EstimateEdges(int vertices, double density, int budget)
        => (int)Math.Min(budget, Math.Ceiling(density * vertices * (vertices - 1.0)));

    /// <summary>A row writer: receives (row, (columns ascending, weights)).</summary>
    private delegate void RowWriter(int row, ReadOnlySpan<int> columns, ReadOnlySpan<float> weights);

    private delegate void SkeletonSource(Entity entity, RowWriter write);

    private static TopologyBlock Build(World world, string name, int vertices, TopologyParameters parameters, int expectedEdges,
        SkeletonSource source)
    {
        var representation = parameters.Representation switch
        {
            RepresentationPolicy.Dense => TopologyRepresentation.Dense,
            RepresentationPolicy.Sparse => TopologyRepresentation.Sparse,
            _ => TopologyCostModel.Initial(vertices, expectedEdges),
        };
        var entity = world.Create(parameters, new TopologyState { Reward = 1f });
        world.Names.Set(entity, name);
        ref var state = ref world.Get<TopologyState>(entity);
        state.Vertices = world.CreateTable(TopologyColumns.VertexSet, entity, vertices);
        state.DenseWeights = world.CreateTable(TopologyColumns.DenseWeightSet, entity);
        state.DenseMask = world.CreateTable(TopologyColumns.DenseMaskSet, entity);
        state.Edges = world.CreateTable(TopologyColumns.EdgeSet, entity);
        state.Changes = world.CreateTable(TopologyColumns.ChangeSet, entity);
        state.Representation = representation;
        var vertexTable = world.GetTable(state.Vertices);
        vertexTable.Span(TopologyColumns.SensoryGain).Fill(1f);
        if (representation == TopologyRepresentation.Dense)
        {
            int stride = TopologyStorage.StrideFor(vertices);
            state.RowStride = stride;
            world.ResizeTable(state.DenseWeights, checked(vertices * stride));
            world.ResizeTable(state.DenseMask, vertices * (stride / 64));
        }
        else
        {
            world.ReserveRows(state.Edges, expectedEdges);
        }

        int edgeCount = 0;
        var edgeTableHandle = state.Edges;
        var weightsHandle = state.DenseWeights;
        var maskHandle = state.DenseMask;
        int rowStride = state.RowStride;
        source(entity, (row, edgeColumns, edgeWeights) =>
        {
            var degree = vertexTable.Span(TopologyColumns.Degree);
            degree[row] = edgeColumns.Length;
            edgeCount += edgeColumns.Length;
            if (representation == TopologyRepresentation.Dense)
            {
                var w = world.GetTable(weightsHandle).Span(TopologyColumns.DenseWeight);
                var m = world.GetTable(maskHandle).Span(TopologyColumns.DenseMask);
                for (int k = 0; k < edgeColumns.Length; k++)
                {
                    int j = edgeColumns[k];
                    w[row * rowStride + j] = edgeWeights[k];
                    m[row * (rowStride / 64) + (j >> 6)] |= 1UL << (j & 63);
                }
            }
            else
            {
                int first = world.AddRows(edgeTableHandle, edgeColumns.Length);
                var table = world.GetTable(edgeTableHandle);
                edgeColumns.CopyTo(table.Span(TopologyColumns.EdgeColumn)[first..]);
                edgeWeights.CopyTo(table.Span(TopologyColumns.EdgeWeight)[first..]);
                vertexTable.Span(TopologyColumns.RowStart)[row] = first;
            }
        });
        state.EdgeCount = edgeCount;
        if (parameters.Representation == RepresentationPolicy.Auto)
        {
            // The estimate chose the representation; the exact count decides.
            var exact = TopologyCostModel.Initial(vertices, edgeCount);
            if (exact != state.Representation)
                TopologyRepresentationSystem.Switch(world, ref state, exact);
            state.Switches = 0;
        }

        state.TicksSinceSwitch = parameters.SwitchCooldownTicks;
        return new TopologyBlock(world, entity);
    }
}
