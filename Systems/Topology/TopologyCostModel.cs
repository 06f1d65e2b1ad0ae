using GrowNet.Ecs.Components.Topology;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The dense/sparse crossover (topology.md, "Representation"; seed 001's crossover): below
/// <see cref="SparseBelowDensity"/> a block is sparse, above <see cref="DenseAboveDensity"/> dense,
/// and in between the cheaper representation by the predicted tick cost, switching only when the
/// other one is predicted at least <see cref="Hysteresis"/> cheaper. The coefficients are fixed
/// constants measured by <c>Perf/Topology/TopologyCrossoverBenchmarks</c> (docs/topology.md,
/// "Crossover"): a runtime measurement would make the representation, and so the world's bytes,
/// depend on timing.
/// </summary>
public static class TopologyCostModel
{
    /// <summary>Below this density (|E| / N²) a block is always sparse.</summary>
    public const double SparseBelowDensity = 0.05;

    /// <summary>Above this density a block is always dense.</summary>
    public const double DenseAboveDensity = 0.20;

    /// <summary>The other representation must be predicted this much cheaper (as a fraction) before a block switches.</summary>
    public const double Hysteresis = 0.25;

    /// <summary>
    /// Dense tick cost per matrix cell (N · N rounded to 16), in nanoseconds, one thread. Measured
    /// 0.75–0.9 at N = 1024 (W in cache) and 1.0–1.4 at N = 4096 (W in memory); see docs/topology.md.
    /// </summary>
    public const double DenseNanosecondsPerCell = 0.8;

    /// <summary>Sparse tick cost per edge (dynamics, plasticity, compaction, weakest-edge scan), in nanoseconds, one thread.</summary>
    public const double SparseNanosecondsPerEdge = 5.5;

    /// <summary>
    /// Sparse tick cost per vertex beyond the dense path's (row bookkeeping and the membership
    /// tests of the candidate search), in nanoseconds, one thread.
    /// </summary>
    public const double SparseNanosecondsPerVertex = 450.0;

    /// <summary>Predicted dense tick cost in nanoseconds.</summary>
    public static double PredictDense(int vertices) => DenseNanosecondsPerCell * vertices * (double)LaneMath.RoundUpToWidth(vertices);

    /// <summary>Predicted sparse tick cost in nanoseconds.</summary>
    public static double PredictSparse(int vertices, int edges) => SparseNanosecondsPerEdge * edges + SparseNanosecondsPerVertex * vertices;

    /// <summary>The representation for a new block (no hysteresis).</summary>
    public static TopologyRepresentation Initial(int vertices, int edges)
    {
        double density = Density(vertices, edges);
        if (density < SparseBelowDensity)
            return TopologyRepresentation.Sparse;
        if (density > DenseAboveDensity)
            return TopologyRepresentation.Dense;
        return PredictSparse(vertices, edges) < PredictDense(vertices) ? TopologyRepresentation.Sparse : TopologyRepresentation.Dense;
    }

    /// <summary>The representation a block in <paramref name="current"/> should move to (or stay in).</summary>
    public static TopologyRepresentation Choose(int vertices, int edges, TopologyRepresentation current)
    {
        double density = Density(vertices, edges);
        if (density < SparseBelowDensity)
            return TopologyRepresentation.Sparse;
        if (density > DenseAboveDensity)
            return TopologyRepresentation.Dense;
        double dense = PredictDense(vertices);
        double sparse = PredictSparse(vertices, edges);
        if (current == TopologyRepresentation.Dense)
            return sparse < dense * (1 - Hysteresis) ? TopologyRepresentation.Sparse : TopologyRepresentation.Dense;
        return dense < sparse * (1 - Hysteresis) ? TopologyRepresentation.Dense : TopologyRepresentation.Sparse;
    }

    private static double Density(int vertices, int edges) => vertices == 0 ? 0 : edges / ((double)vertices * vertices);
}
