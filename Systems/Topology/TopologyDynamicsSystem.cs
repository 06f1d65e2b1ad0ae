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
    /// <summary>Matrix cells per parallel chunk (a fixed size, so results never depend on the thread count).</summary>
    internal const int CellsPerChunk = 1 << 16;

    private float[] paddedX = [];

    /// <inheritdoc />
    public string Name => "TopologyDynamics";

    /// <inheritdoc />
    public void Update(World world)
    {
        foreach (var table in world.Query(TopologyBlocks.BlockSet))
        {
            var parameters = table.Span<TopologyParameters>();
            var states = table.Span<TopologyState>();
            for (int row = 0; row < table.Count; row++)
            {
                // A remote block's state lives on another rank (docs/distributed.md).
                if (!world.IsRemote(table.Entities[row]))
                    Step(world, parameters[row], ref states[row], ref paddedX);
            }
        }
    }

    /// <summary>
    /// Edges per parallel chunk of the sparse row loops. Smaller than the dense chunks: a sparse
    /// pass at N = 4096, 2 % is only ~0.3 ms, and with five or six blocks the threads finished up
    /// to a chunk apart.
    /// </summary>
    internal const int EdgesPerSparseChunk = 1 << 14;

    /// <summary>Sparse row loops over fewer edges than this run as one chunk (too short to pay for waking the pool).</summary>
    internal const int EdgesPerParallelSparseLoop = 1 << 16;

    /// <summary>Rows per parallel chunk for a row of <paramref name="cellsPerRow"/> cells.</summary>
    internal static int RowsPerChunk(int cellsPerRow) => Math.Max(4, CellsPerChunk / Math.Max(1, cellsPerRow));

    /// <summary>Rows per parallel chunk of a sparse row loop over <paramref name="rows"/> rows holding <paramref name="edges"/> edges.</summary>
    internal static int SparseRowsPerChunk(int rows, int edges)
        => edges < EdgesPerParallelSparseLoop
            ? Math.Max(1, rows)
            : Math.Max(4, EdgesPerSparseChunk / Math.Max(1, edges / Math.Max(1, rows)));

    private static void Step(World world, in TopologyParameters parameters, ref TopologyState state, ref float[] paddedX)
    {
        var vertices = world.GetTable(state.Vertices);
        int n = vertices.Count;
        if (n == 0)
            return;
        var activation = vertices.Span(TopologyColumns.Activation);
        var z = new PreActivationColumns(vertices);
        if (state.Representation == TopologyRepresentation.Dense)
        {
            var dense = DenseSkeleton.Of(world, state);
            int columns = dense.KernelColumns;
            if (paddedX.Length < columns)
                paddedX = new float[Math.Max(columns, paddedX.Length * 2)];
            activation.CopyTo(paddedX);
            paddedX.AsSpan(n, columns - n).Clear();
            world.Parallel.For(n, RowsPerChunk(columns), new DenseRows(dense, paddedX, z));
        }
        else
        {
            var sparse = SparseSkeleton.Of(world, state);
            world.Parallel.For(n, SparseRowsPerChunk(n, sparse.EdgeRows),
                new SparseRows(sparse, vertices.DangerousGetArray(TopologyColumns.Activation), z));
        }

        TopologyActivationKernels.Update(parameters.Activation, activation, vertices.Span(TopologyColumns.PreActivation), parameters.LeakRate);
        if (state.InputPending)
        {
            vertices.Span(TopologyColumns.Input).Clear();
            state.InputPending = false;
        }
    }

    /// <summary>The columns z is computed into and from: z (written), s, u and b, one entry per vertex.</summary>
    private readonly struct PreActivationColumns
    {
        public PreActivationColumns(Table vertices)
        {
            PreActivation = vertices.DangerousGetArray(TopologyColumns.PreActivation);
            SensoryGain = vertices.DangerousGetArray(TopologyColumns.SensoryGain);
            Input = vertices.DangerousGetArray(TopologyColumns.Input);
            Bias = vertices.DangerousGetArray(TopologyColumns.Bias);
        }

        public float[] PreActivation { get; }
        public float[] SensoryGain { get; }
        public float[] Input { get; }
        public float[] Bias { get; }

        /// <summary>z_i = (dot + s_i u_i) + b_i, the spec's order.</summary>
        public void Finish(int i, float dot) => PreActivation[i] = (dot + SensoryGain[i] * Input[i]) + Bias[i];
    }

    /// <summary>z for a range of rows, dense (context: W, the zero-padded x, the z columns).</summary>
    private readonly struct DenseRows : IRangeAction
    {
        private readonly DenseSkeleton w;
        private readonly float[] x;
        private readonly PreActivationColumns z;

        public DenseRows(in DenseSkeleton w, float[] x, in PreActivationColumns z)
        {
            this.w = w;
            this.x = x;
            this.z = z;
        }

        public void Execute(int start, int end)
        {
            int stride = w.Stride;
            int columns = w.KernelColumns;
            var dots = z.PreActivation.AsSpan(start, end - start);
            var rows = w.Weights.AsSpan(start * stride, (end - start - 1) * stride + columns);
            TopologyDenseKernels.RowDots(rows, stride, x, columns, dots);
            for (int i = start; i < end; i++)
                z.Finish(i, z.PreActivation[i]);
        }
    }

    /// <summary>z for a range of rows, sparse (context: the edge rows, x, the z columns).</summary>
    private readonly struct SparseRows : IRangeAction
    {
        private readonly SparseSkeleton w;
        private readonly float[] x;
        private readonly PreActivationColumns z;

        public SparseRows(in SparseSkeleton w, float[] x, in PreActivationColumns z)
        {
            this.w = w;
            this.x = x;
            this.z = z;
        }

        public void Execute(int start, int end)
        {
            var activation = x.AsSpan(0, w.VertexCount);
            for (int i = start; i < end; i++)
            {
                int rowStart = w.RowStart[i];
                int degree = w.Degree[i];
                z.Finish(i, TopologySparseKernels.RowDot(w.Columns.AsSpan(rowStart, degree), w.Weights.AsSpan(rowStart, degree), activation));
            }
        }
    }
}
