using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Creates dynamic-topology blocks in a world (behind <see cref="TopologyBlock.Create"/>): the block entity (<see cref="TopologyParameters"/> +
/// <see cref="TopologyState"/>) and its vertex, dense, sparse and change tables. Everything is
/// validated before anything is created, so bad input leaves the world untouched. New blocks
/// have x = 0, s = 1, b = 0, R = 1. The block's limits and random streams are public constants.
/// </summary>
public static class TopologyFactory
{
    /// <summary>Largest block: N² cells must fit the tables' 32-bit row indices with room for the dense stride.</summary>
    public const int MaxVertices = 32768;

    /// <summary>Counter-random stream of skeleton presence draws (the block's entity index is mixed in).</summary>
    public const ulong SkeletonStream = 0x746F_706F_0001UL;

    /// <summary>Counter-random stream of initial weight draws.</summary>
    public const ulong WeightStream = 0x746F_706F_0002UL;

    /// <summary>Creates the block <paramref name="definition"/> describes (validated first; nothing is created on error).</summary>
    internal static TopologyBlock Create(World world, string name, TopologyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        definition.Validate();
        world.ThrowIfIterating();
        if (world.Scheduler.IsRunning)
            throw new InvalidOperationException("Topology blocks are created between ticks, not from inside a system.");
        var block = definition.Skeleton switch
        {
            TopologySkeleton.Random => CreateRandom(world, name, definition.Vertices, definition.InitialDensity, definition.Parameters,
                definition.MaxInitialWeight),
            TopologySkeleton.Edges => CreateFromEdges(world, name, definition.Vertices, definition.Edges, definition.Parameters),
            _ => Build(world, name, definition.Vertices, definition.Parameters, 0, (_, _) => { }),
        };
        if (definition.Bias.Count > 0)
            block.SetBias(definition.Bias.ToArray());
        return block;
    }

    /// <summary>
    /// A skeleton with each ordered pair i ≠ j with probability <paramref name="density"/>, drawn
    /// from the world's counter-based random streams (keyed by the world seed, the block's entity
    /// index, the world tick and the cell), with weights uniform in
    /// [−<paramref name="maxInitialWeight"/>, <paramref name="maxInitialWeight"/>]. Should the draws
    /// exceed E_max, the edges of the highest cells are left out.
    /// </summary>
    private static TopologyBlock CreateRandom(World world, string name, int vertices, double density, TopologyParameters parameters,
        float maxInitialWeight)
    {
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

    /// <summary>The supplied skeleton (validated by the definition: in range, distinct, off-diagonal, within the budget).</summary>
    private static TopologyBlock CreateFromEdges(World world, string name, int vertices, IReadOnlyList<TopologyEdge> edges,
        TopologyParameters parameters)
    {
        var sorted = edges.ToArray();
        Array.Sort(sorted, static (a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
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
        state.Vertices = world.CreateTable(TopologyColumns.VertexTable.Set, entity, vertices);
        state.DenseWeights = world.CreateTable(TopologyColumns.DenseWeightTable.Set, entity);
        state.DenseMask = world.CreateTable(TopologyColumns.DenseMaskTable.Set, entity);
        state.Edges = world.CreateTable(TopologyColumns.EdgeTable.Set, entity);
        state.Changes = world.CreateTable(TopologyColumns.ChangeTable.Set, entity);
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
