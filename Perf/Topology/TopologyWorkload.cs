using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;

namespace GrowNet.Ecs.Perf.Topology;

/// <summary>
/// A topology block in steady state for the tick benchmarks: a random skeleton at the target
/// density with ρmax equal to it, tanh, the default rates (K = N), and four random input vectors
/// fed in turn. Setup fills the edge budget in one tick (a large sprout limit), then warms up, so
/// measured ticks are in the full-budget regime: every tick prunes, duels and sprouts.
/// </summary>
public sealed class TopologyWorkload : IDisposable
{
    private readonly float[][] inputs;
    private int next;

    private TopologyWorkload(World world, TopologyBlock block, float[][] inputs)
    {
        World = world;
        Block = block;
        this.inputs = inputs;
    }

    /// <summary>The world.</summary>
    public World World { get; }

    /// <summary>The block.</summary>
    public TopologyBlock Block { get; }

    /// <summary>Builds the block and runs <paramref name="warmTicks"/> ticks.</summary>
    /// <param name="vertices">N.</param>
    /// <param name="density">Initial density and ρmax.</param>
    /// <param name="representation">Forced representation.</param>
    /// <param name="threads">World threads (≤ 0: one per core).</param>
    /// <param name="warmTicks">Ticks run before measuring.</param>
    public static TopologyWorkload Create(int vertices, double density, TopologyRepresentation representation, int threads = 0,
        int warmTicks = 30)
    {
        var world = Pipeline.CreateWorld(seed: 2024);
        if (threads > 0)
            world.SetThreadCount(threads);
        var parameters = TopologyParameters.Default;
        parameters.MaxDensity = density;
        parameters.Representation = representation == TopologyRepresentation.Dense ? RepresentationPolicy.Dense : RepresentationPolicy.Sparse;
        var block = TopologyBlock.Create(world, "bench", TopologyDefinition.Random(vertices, density, parameters, maxInitialWeight: 0.5f));
        var inputs = new float[4][];
        for (int k = 0; k < inputs.Length; k++)
        {
            inputs[k] = new float[vertices];
            for (int i = 0; i < vertices; i++)
                inputs[k][i] = (float)(CounterRandom.NextDouble(2024, 99, (ulong)k, (ulong)i) * 2 - 1);
        }

        var workload = new TopologyWorkload(world, block, inputs);
        // Activity first (x = 0 has no potentiality), then one tick that may sprout the whole budget.
        for (int t = 0; t < 5; t++)
            workload.Step();
        var filling = parameters;
        filling.MaxSproutsPerTick = Math.Max(vertices, parameters.EdgeBudget(vertices) - block.EdgeCount + vertices);
        block.SetParameters(filling);
        workload.Step();
        block.SetParameters(parameters);
        for (int t = 0; t < warmTicks; t++)
            workload.Step();
        return workload;
    }

    /// <summary>
    /// Bytes of W the tick's two passes over the whole matrix move: one read for W·x and one read
    /// plus one write for plasticity (dense: 4 B per cell of N × N rounded to 16; sparse: 8 B per
    /// edge, column and weight). The duel's scan for the weakest edges, when it runs, reads W once
    /// more and is not counted; mask words (1/32 of the dense weights) are not counted either.
    /// </summary>
    public long WeightBytesPerTick
    {
        get
        {
            int n = Block.VertexCount;
            return Block.Representation == TopologyRepresentation.Dense
                ? 3L * 4 * n * LaneMath.RoundUpToWidth(n)
                : 3L * 8 * Block.EdgeCount;
        }
    }

    /// <summary>One tick: stage the next input and step the world.</summary>
    public void Step()
    {
        Block.SetInput(inputs[next]);
        next = (next + 1) & 3;
        World.Step();
    }

    /// <summary>
    /// Copies the block's tables (raw column bytes), its components and the input position, so
    /// <see cref="Restore"/> can rewind to this moment: every benchmark iteration then measures the
    /// same ticks (the block's dynamics drift over thousands of ticks, and dense and sparse runs
    /// would otherwise be measured in different regimes).
    /// </summary>
    public Snapshot Save()
    {
        var state = Block.State;
        var handles = new[] { state.Vertices, state.DenseWeights, state.DenseMask, state.Edges, state.Changes };
        var tables = new List<(TableHandle, int, int[], byte[][])>();
        foreach (var handle in handles)
        {
            var table = World.GetTable(handle);
            var ids = table.ColumnIds.ToArray();
            tables.Add((handle, table.Count, ids, ids.Select(id => table.GetColumn(id).RowBytes(table.Count).ToArray()).ToArray()));
        }

        return new Snapshot(tables, Block.Parameters, state, World.Tick, next);
    }

    /// <summary>Rewinds the block to <paramref name="snapshot"/> in place (same world, same systems and scratch).</summary>
    public void Restore(Snapshot snapshot)
    {
        foreach (var (handle, count, ids, columns) in snapshot.Tables)
        {
            World.ResizeTable(handle, count);
            var table = World.GetTable(handle);
            for (int c = 0; c < ids.Length; c++)
                columns[c].CopyTo(table.GetColumn(ids[c]).RowBytes(count));
        }

        World.Get<TopologyParameters>(Block.Entity) = snapshot.Parameters;
        World.Get<TopologyState>(Block.Entity) = snapshot.State;
        World.Tick = snapshot.Tick;
        next = snapshot.Next;
    }

    /// <summary>A saved moment of the block (see <see cref="Save"/>).</summary>
    public sealed record Snapshot(
        List<(TableHandle Handle, int Count, int[] Ids, byte[][] Columns)> Tables,
        TopologyParameters Parameters,
        TopologyState State,
        ulong Tick,
        int Next);

    /// <inheritdoc />
    public void Dispose() => World.Dispose();
}
