using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Step 1, dynamics (Propagate phase): <c>z = W·x_t + s ∘ u_t + b</c>, computed as
/// <c>(Σ_j W[i,j] x_j + s_i u_i) + b_i</c> with the sum in the canonical lane order, rows split
/// across cores in fixed blocks; then <c>x_{t+1} = (1 − λ) x_t + λ σ(z)</c>. The input u is
/// consumed: it is cleared after the tick that used it.
/// </summary>
public sealed class TopologyDynamicsSystem : ISystem
{
    /// <summary>Matrix cells per parallel block (a fixed size, so results never depend on the thread count).</summary>
    internal const int CellsPerBlock = 1 << 16;

    private readonly List<Entity> blocks = new();
    private float[] paddedX = [];

    /// <inheritdoc />
    public string Name => "TopologyDynamics";

    /// <inheritdoc />
    public void Update(World world)
    {
        TopologyBlocks.Collect(world, blocks);
        foreach (var entity in blocks)
        {
            var parameters = world.Get<TopologyParameters>(entity);
            ref var state = ref world.Get<TopologyState>(entity);
            Step(world, parameters, ref state, ref paddedX);
        }
    }

    /// <summary>
    /// Edges per parallel block of the sparse row loops. Smaller than the dense blocks: a sparse
    /// pass at N = 4096, 2 % is only ~0.3 ms, and with five or six blocks the threads finished up
    /// to a block apart.
    /// </summary>
    internal const int EdgesPerSparseBlock = 1 << 14;

    /// <summary>Sparse row loops over fewer edges than this run as one block (too short to pay for waking the pool).</summary>
    internal const int EdgesPerParallelSparseLoop = 1 << 16;

    /// <summary>Rows per parallel block for a row of <paramref name="cellsPerRow"/> cells.</summary>
    internal static int RowsPerBlock(int cellsPerRow) => Math.Max(4, CellsPerBlock / Math.Max(1, cellsPerRow));

    /// <summary>Rows per parallel block of a sparse row loop over <paramref name="rows"/> rows holding <paramref name="edges"/> edges.</summary>
    internal static int SparseRowsPerBlock(int rows, int edges)
        => edges < EdgesPerParallelSparseLoop
            ? Math.Max(1, rows)
            : Math.Max(4, EdgesPerSparseBlock / Math.Max(1, edges / Math.Max(1, rows)));

    private static void Step(World world, in TopologyParameters parameters, ref TopologyState state, ref float[] paddedX)
    {
        var data = new BlockArrays(world, state);
        int n = data.VertexCount;
        if (n == 0)
            return;
        int columns = data.KernelColumns;
        if (paddedX.Length < columns)
            paddedX = new float[Math.Max(columns, paddedX.Length * 2)];
        data.Activation.AsSpan(0, n).CopyTo(paddedX);
        paddedX.AsSpan(n, columns - n).Clear();
        if (state.Representation == TopologyRepresentation.Dense)
            world.Parallel.For(n, RowsPerBlock(columns), new DenseRows(data, paddedX));
        else
            world.Parallel.For(n, SparseRowsPerBlock(n, data.EdgeRows), new SparseRows(data));
        TopologyActivationKernels.Update(parameters.Activation, data.Activation.AsSpan(0, n), data.PreActivation.AsSpan(0, n),
            parameters.LeakRate);
        if (state.InputPending)
        {
            data.Input.AsSpan(0, n).Clear();
            state.InputPending = false;
        }
    }

    /// <summary>z for a range of rows, dense.</summary>
    private readonly struct DenseRows : IRangeAction
    {
        private readonly BlockArrays data;
        private readonly float[] x;

        public DenseRows(in BlockArrays data, float[] x)
        {
            this.data = data;
            this.x = x;
        }

        public void Execute(int start, int end)
        {
            int stride = data.Stride;
            int columns = data.KernelColumns;
            var dots = data.PreActivation.AsSpan(start, end - start);
            var rows = data.DenseWeights.AsSpan(start * stride, (end - start - 1) * stride + columns);
            TopologyDenseKernels.RowDots(rows, stride, x, columns, dots);
            for (int i = start; i < end; i++)
                data.PreActivation[i] = (data.PreActivation[i] + data.SensoryGain[i] * data.Input[i]) + data.Bias[i];
        }
    }

    /// <summary>z for a range of rows, sparse.</summary>
    private readonly struct SparseRows : IRangeAction
    {
        private readonly BlockArrays data;

        public SparseRows(in BlockArrays data) => this.data = data;

        public void Execute(int start, int end)
        {
            var x = data.Activation.AsSpan(0, data.VertexCount);
            for (int i = start; i < end; i++)
            {
                int rowStart = data.RowStart[i];
                int degree = data.Degree[i];
                float dot = TopologySparseKernels.RowDot(data.EdgeColumns.AsSpan(rowStart, degree),
                    data.EdgeWeights.AsSpan(rowStart, degree), x);
                data.PreActivation[i] = (dot + data.SensoryGain[i] * data.Input[i]) + data.Bias[i];
            }
        }
    }
}
