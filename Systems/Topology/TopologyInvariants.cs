using System.Numerics;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Structural invariants of every topology block (topology.md, "Checks that must hold", plus the
/// storage shapes the kernels rely on). Checked after a world is loaded, so a damaged file can
/// neither break "no phantom weights" nor make a kernel index outside its tables.
/// </summary>
public static class TopologyInvariants
{
    /// <summary>Throws <see cref="InvalidDataException"/> naming the first violated invariant of any block.</summary>
    public static void Validate(World world)
    {
        foreach (var block in TopologyBlock.All(world))
            Validate(world, block.Entity, block.Name);
    }

    private static void Validate(World world, Entity entity, string blockName)
    {
        string name = $"topology block '{blockName}' ({entity})";
        world.Get<TopologyParameters>(entity).Validate();
        var state = world.Get<TopologyState>(entity);
        foreach (var handle in new[] { state.Vertices, state.DenseWeights, state.DenseMask, state.Edges, state.Changes })
        {
            Require(world.IsAlive(handle), name, "refers to a missing table");
            Require(world.GetTable(handle).Owner == entity, name, "refers to a table it does not own");
        }

        Require(world.GetTable(state.Vertices).Set.IsSupersetOf(TopologyColumns.VertexSet), name, "vertex table lacks its columns");
        var data = new BlockArrays(world, state);
        int n = data.VertexCount;
        Require(n <= TopologyFactory.MaxVertices, name, $"has {n} vertices");
        long edges = 0;
        for (int i = 0; i < n; i++)
        {
            float x = data.Activation[i];
            if (!(Math.Abs(x) <= 1f))
                Fail(name, $"activation of vertex {i} is {x}, outside [-1, 1]");
            Require(data.Degree[i] >= 0 && data.Degree[i] < Math.Max(1, n), name, $"vertex {i} has degree {data.Degree[i]}");
            edges += data.Degree[i];
        }

        if (state.Representation == TopologyRepresentation.Dense)
            ValidateDense(data, state, n, name);
        else if (state.Representation == TopologyRepresentation.Sparse)
            ValidateSparse(data, n, name);
        else
            Fail(name, $"has unknown representation {(int)state.Representation}");

        Require(edges == state.EdgeCount, name, $"counts {state.EdgeCount} edges but its rows hold {edges}");
        Require(state.EdgeCount <= world.Get<TopologyParameters>(entity).EdgeBudget(n), name, "holds more edges than its budget E_max");
        var changes = world.GetTable(state.Changes);
        var rows = changes.Span(TopologyColumns.ChangeRow);
        var columns = changes.Span(TopologyColumns.ChangeColumn);
        for (int k = 0; k < changes.Count; k++)
            Require((uint)rows[k] < (uint)n && (uint)columns[k] < (uint)n, name, $"queued change {k} lies outside the block");
    }

    private static void ValidateDense(in BlockArrays data, in TopologyState state, int n, string name)
    {
        int stride = data.Stride;
        Require(stride == TopologyStorage.StrideFor(n), name, $"has row stride {stride}, expected {TopologyStorage.StrideFor(n)}");
        Require(data.DenseCells == n * stride && data.DenseMaskWords == n * (stride / 64), name, "dense tables do not match N × stride");
        int words = stride / 64;
        for (int i = 0; i < n; i++)
        {
            int degree = 0;
            for (int word = 0; word < words; word++)
                degree += BitOperations.PopCount(data.DenseMask[i * words + word]);
            Require(degree == data.Degree[i], name, $"row {i} has {degree} mask bits but degree {data.Degree[i]}");
            for (int j = 0; j < stride; j++)
            {
                bool edge = (data.DenseMask[i * words + (j >> 6)] & (1UL << (j & 63))) != 0;
                float w = data.DenseWeights[i * stride + j];
                if (edge && (j >= n || j == i))
                    Fail(name, j == i ? $"has a self edge at {i}" : $"row {i} has a mask bit past the last vertex");
                if (edge ? !(Math.Abs(w) <= 1f) : BitConverter.SingleToInt32Bits(w) != 0)
                    Fail(name, edge ? $"|W[{i},{j}]| exceeds 1" : $"phantom weight W[{i},{j}] = {w} without an edge");
            }
        }
    }

    private static void ValidateSparse(in BlockArrays data, int n, string name)
    {
        var ranges = new (int Start, int End)[n];
        for (int i = 0; i < n; i++)
        {
            int start = data.RowStart[i], end = start + data.Degree[i];
            Require(start >= 0 && end <= data.EdgeRows, name, $"row {i} lies outside the edge table");
            ranges[i] = (start, end);
            for (int k = start; k < end; k++)
            {
                int j = data.EdgeColumns[k];
                Require((uint)j < (uint)n && j != i, name, $"row {i} has an edge to {j}");
                Require(k == start || j > data.EdgeColumns[k - 1], name, $"row {i} is not in ascending column order");
                Require(Math.Abs(data.EdgeWeights[k]) <= 1f, name, $"|W[{i},{j}]| exceeds 1");
            }
        }

        Array.Sort(ranges);
        for (int r = 1; r < ranges.Length; r++)
            Require(ranges[r].Start >= ranges[r - 1].End || ranges[r - 1].Start == ranges[r - 1].End, name, "two rows share edge rows");
    }

    private static void Require(bool condition, string block, string problem)
    {
        if (!condition)
            Fail(block, problem);
    }

    private static void Fail(string block, string problem)
        => throw new InvalidDataException($"Invariant violated: {block} {problem}.");
}
