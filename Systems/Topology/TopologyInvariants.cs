using System.Numerics;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

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
        try
        {
            world.Get<TopologyParameters>(entity).Validate();
        }
        catch (ModelConfigException e)
        {
            Fail(name, $"has invalid parameters ({e.Message})");
        }

        var state = world.Get<TopologyState>(entity);
        TableHandle[] handles = [state.Vertices, state.DenseWeights, state.DenseMask, state.Edges, state.Changes];
        for (int t = 0; t < handles.Length; t++)
        {
            var declaration = TopologyColumns.Tables[t];
            Require(world.IsAlive(handles[t]), name, $"refers to a missing {declaration.Name} table");
            Require(world.GetTable(handles[t]).Owner == entity, name, $"refers to a {declaration.Name} table it does not own");
            Require(world.GetTable(handles[t]).Set.IsSupersetOf(declaration.Set), name, $"{declaration.Name} table lacks its columns");
        }

        var vertices = world.GetTable(state.Vertices);
        var activation = vertices.Span(TopologyColumns.Activation);
        var degree = vertices.Span(TopologyColumns.Degree);
        int n = vertices.Count;
        Require(n <= TopologyFactory.MaxVertices, name, $"has {n} vertices");
        long edges = 0;
        for (int i = 0; i < n; i++)
        {
            float x = activation[i];
            if (!(Math.Abs(x) <= 1f))
                Fail(name, $"activation of vertex {i} is {x}, outside [-1, 1]");
            Require(degree[i] >= 0 && degree[i] < Math.Max(1, n), name, $"vertex {i} has degree {degree[i]}");
            edges += degree[i];
        }

        if (state.Representation == TopologyRepresentation.Dense)
            ValidateDense(DenseSkeleton.Of(world, state), n, name);
        else if (state.Representation == TopologyRepresentation.Sparse)
            ValidateSparse(SparseSkeleton.Of(world, state), n, name);
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

    private static void ValidateDense(in DenseSkeleton data, int n, string name)
    {
        int stride = data.Stride;
        Require(stride == TopologyStorage.StrideFor(n), name, $"has row stride {stride}, expected {TopologyStorage.StrideFor(n)}");
        Require(data.Cells == n * stride && data.MaskWords == n * (stride / 64), name, "dense tables do not match N × stride");
        int words = stride / 64;
        for (int i = 0; i < n; i++)
        {
            int degree = 0;
            for (int word = 0; word < words; word++)
                degree += BitOperations.PopCount(data.Mask[i * words + word]);
            Require(degree == data.Degree[i], name, $"row {i} has {degree} mask bits but degree {data.Degree[i]}");
            for (int j = 0; j < stride; j++)
            {
                bool edge = (data.Mask[i * words + (j >> 6)] & (1UL << (j & 63))) != 0;
                float w = data.Weights[i * stride + j];
                if (edge && (j >= n || j == i))
                    Fail(name, j == i ? $"has a self edge at {i}" : $"row {i} has a mask bit past the last vertex");
                if (edge ? !(Math.Abs(w) <= 1f) : BitConverter.SingleToInt32Bits(w) != 0)
                    Fail(name, edge ? $"|W[{i},{j}]| exceeds 1" : $"phantom weight W[{i},{j}] = {w} without an edge");
            }
        }
    }

    private static void ValidateSparse(in SparseSkeleton data, int n, string name)
    {
        var ranges = new (int Start, int End)[n];
        for (int i = 0; i < n; i++)
        {
            int start = data.RowStart[i], end = start + data.Degree[i];
            Require(start >= 0 && end <= data.EdgeRows, name, $"row {i} lies outside the edge table");
            ranges[i] = (start, end);
            for (int k = start; k < end; k++)
            {
                int j = data.Columns[k];
                Require((uint)j < (uint)n && j != i, name, $"row {i} has an edge to {j}");
                Require(k == start || j > data.Columns[k - 1], name, $"row {i} is not in ascending column order");
                Require(Math.Abs(data.Weights[k]) <= 1f, name, $"|W[{i},{j}]| exceeds 1");
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
