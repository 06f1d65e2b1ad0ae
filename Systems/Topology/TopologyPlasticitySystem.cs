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
    private readonly List<Entity> blocks = new();
    private float[] paddedX = [];
    private int[] prunedPerBlock = [];

    /// <inheritdoc />
    public string Name => "TopologyPlasticity";

    /// <inheritdoc />
    public void Update(World world)
    {
        TopologyBlocks.Collect(world, blocks);
        foreach (var entity in blocks)
        {
            var parameters = world.Get<TopologyParameters>(entity);
            ref var state = ref world.Get<TopologyState>(entity);
            Step(world, parameters, ref state);
        }
    }

    private void Step(World world, in TopologyParameters parameters, ref TopologyState state)
    {
        var data = new BlockArrays(world, state);
        int n = data.VertexCount;
        if (n == 0)
            return;
        float rewardRate = parameters.LearningRate * state.Reward;
        int columns = data.KernelColumns;
        int rowsPerBlock = state.Representation == TopologyRepresentation.Dense
            ? TopologyDynamicsSystem.RowsPerBlock(columns)
            : TopologyDynamicsSystem.SparseRowsPerBlock(n, data.EdgeRows);
        int blockCount = (n + rowsPerBlock - 1) / rowsPerBlock;
        if (prunedPerBlock.Length < blockCount)
            prunedPerBlock = new int[Math.Max(blockCount, prunedPerBlock.Length * 2)];
        if (state.Representation == TopologyRepresentation.Dense)
        {
            if (paddedX.Length < columns)
                paddedX = new float[Math.Max(columns, paddedX.Length * 2)];
            data.Activation.AsSpan(0, n).CopyTo(paddedX);
            paddedX.AsSpan(n, columns - n).Clear();
            world.Parallel.For(n, rowsPerBlock,
                new DenseRows(data, paddedX, rewardRate, parameters.SurvivalThreshold, rowsPerBlock, prunedPerBlock));
        }
        else
        {
            world.Parallel.For(n, rowsPerBlock,
                new SparseRows(data, rewardRate, parameters.SurvivalThreshold, rowsPerBlock, prunedPerBlock));
        }

        int pruned = 0;
        for (int b = 0; b < blockCount; b++)
            pruned += prunedPerBlock[b];
        state.EdgeCount -= pruned;
        state.LastPruned = pruned;
        if (state.Representation == TopologyRepresentation.Sparse && pruned > 0)
            state.SparseRowsHaveGaps = true;
    }

    /// <summary>Plasticity and pruning for a range of dense rows.</summary>
    private readonly struct DenseRows : IRangeAction
    {
        private readonly BlockArrays data;
        private readonly float[] x;
        private readonly float rewardRate;
        private readonly float survival;
        private readonly int rowsPerBlock;
        private readonly int[] pruned;

        public DenseRows(in BlockArrays data, float[] x, float rewardRate, float survival, int rowsPerBlock, int[] pruned)
        {
            this.data = data;
            this.x = x;
            this.rewardRate = rewardRate;
            this.survival = survival;
            this.rowsPerBlock = rowsPerBlock;
            this.pruned = pruned;
        }

        public void Execute(int start, int end)
        {
            int stride = data.Stride;
            int rows = end - start;
            var weights = data.DenseWeights.AsSpan(start * stride, rows * stride);
            var mask = data.DenseMask.AsSpan(start * data.WordsPerRow, rows * data.WordsPerRow);
            pruned[start / rowsPerBlock] = TopologyDenseKernels.PlasticityRows(weights, mask, stride, x, data.KernelColumns, start,
                rewardRate, survival, data.Degree.AsSpan(start, rows));
        }
    }

    /// <summary>Plasticity and pruning for a range of sparse rows.</summary>
    private readonly struct SparseRows : IRangeAction
    {
        private readonly BlockArrays data;
        private readonly float rewardRate;
        private readonly float survival;
        private readonly int rowsPerBlock;
        private readonly int[] pruned;

        public SparseRows(in BlockArrays data, float rewardRate, float survival, int rowsPerBlock, int[] pruned)
        {
            this.data = data;
            this.rewardRate = rewardRate;
            this.survival = survival;
            this.rowsPerBlock = rowsPerBlock;
            this.pruned = pruned;
        }

        public void Execute(int start, int end)
        {
            var x = data.Activation.AsSpan(0, data.VertexCount);
            int count = 0;
            for (int i = start; i < end; i++)
            {
                int rowStart = data.RowStart[i];
                int degree = data.Degree[i];
                float xi = x[i];
                int kept = TopologySparseKernels.PlasticityRow(data.EdgeColumns.AsSpan(rowStart, degree),
                    data.EdgeWeights.AsSpan(rowStart, degree), x, xi, rewardRate * xi, survival);
                data.Degree[i] = kept;
                count += degree - kept;
            }

            pruned[start / rowsPerBlock] = count;
        }
    }
}
