using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Step 2, reward-modulated Hebbian–Oja plasticity (Modulation phase), fused with step 3's
/// pruning decision in the same pass over W: <c>W = clip(M ∘ (W + ((η R) x_i)(x_j − x_i W)), −1, 1)</c>
/// with x = x_{t+1}, then every edge with <c>|W| &lt; θ_survival</c> leaves the skeleton
/// (W = 0, M = 0). Dense rows are updated in place; sparse rows drop their pruned edges in place
/// and keep a gap behind them that the Prune phase closes. Rows split across cores in fixed blocks.
/// </summary>
public sealed class TopologyPlasticitySystem : ISystem
{
    private float[] paddedX = [];
    private int[] prunedPerChunk = [];

    /// <inheritdoc />
    public string Name => "TopologyPlasticity";

    /// <inheritdoc />
    public void Update(World world)
    {
        foreach (var table in world.Query(TopologyBlocks.BlockSet))
        {
            var parameters = table.Span<TopologyParameters>();
            var states = table.Span<TopologyState>();
            for (int row = 0; row < table.Count; row++)
            {
                if (!world.IsRemote(table.Entities[row]))
                    Step(world, parameters[row], ref states[row]);
            }
        }
    }

    private void Step(World world, in TopologyParameters parameters, ref TopologyState state)
    {
        var vertices = world.GetTable(state.Vertices);
        int n = vertices.Count;
        if (n == 0)
            return;
        float rewardRate = parameters.LearningRate * state.Reward;
        var rule = new PlasticityRule(rewardRate, parameters.SurvivalThreshold);
        int chunkCount;
        if (state.Representation == TopologyRepresentation.Dense)
        {
            var dense = DenseSkeleton.Of(world, state);
            int columns = dense.KernelColumns;
            int rowsPerChunk = TopologyDynamicsSystem.RowsPerChunk(columns);
            chunkCount = EnsureBlocks(n, rowsPerChunk);
            if (paddedX.Length < columns)
                paddedX = new float[Math.Max(columns, paddedX.Length * 2)];
            vertices.Span(TopologyColumns.Activation).CopyTo(paddedX);
            paddedX.AsSpan(n, columns - n).Clear();
            world.Parallel.For(n, rowsPerChunk, new DenseRows(dense, paddedX, rule, rowsPerChunk, prunedPerChunk));
        }
        else
        {
            var sparse = SparseSkeleton.Of(world, state);
            int rowsPerChunk = TopologyDynamicsSystem.SparseRowsPerChunk(n, sparse.EdgeRows);
            chunkCount = EnsureBlocks(n, rowsPerChunk);
            world.Parallel.For(n, rowsPerChunk,
                new SparseRows(sparse, vertices.DangerousGetArray(TopologyColumns.Activation), rule, rowsPerChunk, prunedPerChunk));
        }

        int pruned = 0;
        for (int b = 0; b < chunkCount; b++)
            pruned += prunedPerChunk[b];
        state.EdgeCount -= pruned;
        state.LastPruned = pruned;
        if (state.Representation == TopologyRepresentation.Sparse && pruned > 0)
            state.SparseRowsHaveGaps = true;
    }

    private int EnsureBlocks(int n, int rowsPerChunk)
    {
        int chunkCount = (n + rowsPerChunk - 1) / rowsPerChunk;
        if (prunedPerChunk.Length < chunkCount)
            prunedPerChunk = new int[Math.Max(chunkCount, prunedPerChunk.Length * 2)];
        return chunkCount;
    }

    /// <summary>The tick's constants of the rule: (η R) rounded once, and θ_survival.</summary>
    private readonly record struct PlasticityRule(float RewardRate, float Survival);

    /// <summary>Plasticity and pruning for a range of dense rows (context: W and M, the padded x, the rule, each block's pruned count).</summary>
    private readonly struct DenseRows : IRangeAction
    {
        private readonly DenseSkeleton w;
        private readonly float[] x;
        private readonly PlasticityRule rule;
        private readonly int rowsPerChunk;
        private readonly int[] pruned;

        public DenseRows(in DenseSkeleton w, float[] x, PlasticityRule rule, int rowsPerChunk, int[] pruned)
        {
            this.w = w;
            this.x = x;
            this.rule = rule;
            this.rowsPerChunk = rowsPerChunk;
            this.pruned = pruned;
        }

        public void Execute(int start, int end)
        {
            int stride = w.Stride;
            int rows = end - start;
            var weights = w.Weights.AsSpan(start * stride, rows * stride);
            var mask = w.Mask.AsSpan(start * w.WordsPerRow, rows * w.WordsPerRow);
            pruned[start / rowsPerChunk] = TopologyDenseKernels.PlasticityRows(weights, mask, stride, x, w.KernelColumns, start,
                rule.RewardRate, rule.Survival, w.Degree.AsSpan(start, rows));
        }
    }

    /// <summary>Plasticity and pruning for a range of sparse rows (context: the edge rows, x, the rule, each block's pruned count).</summary>
    private readonly struct SparseRows : IRangeAction
    {
        private readonly SparseSkeleton w;
        private readonly float[] x;
        private readonly PlasticityRule rule;
        private readonly int rowsPerChunk;
        private readonly int[] pruned;

        public SparseRows(in SparseSkeleton w, float[] x, PlasticityRule rule, int rowsPerChunk, int[] pruned)
        {
            this.w = w;
            this.x = x;
            this.rule = rule;
            this.rowsPerChunk = rowsPerChunk;
            this.pruned = pruned;
        }

        public void Execute(int start, int end)
        {
            var activation = x.AsSpan(0, w.VertexCount);
            int count = 0;
            for (int i = start; i < end; i++)
            {
                int rowStart = w.RowStart[i];
                int degree = w.Degree[i];
                float xi = activation[i];
                int kept = TopologySparseKernels.PlasticityRow(w.Columns.AsSpan(rowStart, degree), w.Weights.AsSpan(rowStart, degree),
                    activation, xi, rule.RewardRate * xi, rule.Survival);
                w.Degree[i] = kept;
                count += degree - kept;
            }

            pruned[start / rowsPerChunk] = count;
        }
    }
}
