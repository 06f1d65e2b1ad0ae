using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The config record of a dynamic-topology block: what <see cref="TopologyBlock.Create"/> and a
/// scenario file's population entry take. <see cref="Validate"/> names the bad field.
/// </summary>
public sealed record TopologyDefinition : IPopulationDefinition
{
    /// <inheritdoc />
    public string Family => TopologyFamily.FamilyName;

    /// <summary>Number of vertices N, 1..<see cref="TopologyFactory.MaxVertices"/>.</summary>
    public int Vertices { get; init; }

    /// <summary>How the skeleton is made. Default <see cref="TopologySkeleton.Empty"/>.</summary>
    public TopologySkeleton Skeleton { get; init; } = TopologySkeleton.Empty;

    /// <summary>Probability of each ordered pair i ≠ j, in [0, ρmax] (<see cref="TopologySkeleton.Random"/>).</summary>
    public double InitialDensity { get; init; }

    /// <summary>Initial weights are uniform in [−w, w], w in [0, 1] (<see cref="TopologySkeleton.Random"/>). Default 0.5.</summary>
    public float MaxInitialWeight { get; init; } = 0.5f;

    /// <summary>The supplied skeleton (<see cref="TopologySkeleton.Edges"/>): in range, distinct, off-diagonal, |W| ≤ 1, at most E_max.</summary>
    public IReadOnlyList<TopologyEdge> Edges { get; init; } = [];

    /// <summary>The block's parameters (topology.md defaults).</summary>
    public TopologyParameters Parameters { get; init; } = TopologyParameters.Default;

    /// <summary>
    /// Bias b of every vertex (empty = all 0, else exactly <see cref="Vertices"/> finite values):
    /// the intrinsic excitability <see cref="TopologyBlock.SetBias"/> sets, as part of the record.
    /// </summary>
    public IReadOnlyList<float> Bias { get; init; } = [];

    /// <summary>A block without edges.</summary>
    public static TopologyDefinition Empty(int vertices, TopologyParameters? parameters = null)
        => new() { Vertices = vertices, Parameters = parameters ?? TopologyParameters.Default };

    /// <summary>A block with a random skeleton of density <paramref name="density"/>.</summary>
    public static TopologyDefinition Random(int vertices, double density, TopologyParameters? parameters = null, float maxInitialWeight = 0.5f)
        => new()
        {
            Vertices = vertices, Skeleton = TopologySkeleton.Random, InitialDensity = density, MaxInitialWeight = maxInitialWeight,
            Parameters = parameters ?? TopologyParameters.Default,
        };

    /// <summary>A block with the supplied skeleton.</summary>
    public static TopologyDefinition FromEdges(int vertices, IReadOnlyList<TopologyEdge> edges, TopologyParameters? parameters = null)
        => new() { Vertices = vertices, Skeleton = TopologySkeleton.Edges, Edges = edges, Parameters = parameters ?? TopologyParameters.Default };

    /// <inheritdoc />
    public void Validate()
    {
        if (Vertices < 1 || Vertices > TopologyFactory.MaxVertices)
            throw new ModelConfigException("vertices", $"is {Vertices}; a topology block has 1..{TopologyFactory.MaxVertices} vertices (N).");
        Parameters.Validate();
        if (Bias is null)
            throw new ModelConfigException("bias", "is missing.");
        if (Bias.Count != 0 && Bias.Count != Vertices)
            throw new ModelConfigException("bias", $"has {Bias.Count} values; give none (all 0) or one per vertex ({Vertices}).");
        for (int i = 0; i < Bias.Count; i++)
        {
            if (!float.IsFinite(Bias[i]))
                throw new ModelConfigException($"bias[{i}]", $"is {Bias[i]}; a bias is finite.");
        }

        switch (Skeleton)
        {
            case TopologySkeleton.Empty:
                break;
            case TopologySkeleton.Random:
                ValidateRandom();
                break;
            case TopologySkeleton.Edges:
                ValidateEdges();
                break;
            default:
                throw new ModelConfigException("skeleton", $"'{Skeleton}' is not a skeleton (Empty, Random or Edges).");
        }
    }

    private void ValidateRandom()
    {
        if (!(InitialDensity >= 0.0 && InitialDensity <= 1.0))
            throw new ModelConfigException("initialDensity", $"is {InitialDensity}; the initial density must be a number in [0, 1].");
        if (InitialDensity > Parameters.MaxDensity)
            throw new ModelConfigException("initialDensity",
                $"is {InitialDensity}; the initial density exceeds MaxDensity (ρmax) {Parameters.MaxDensity}, so the skeleton would break the edge budget.");
        if (!(MaxInitialWeight >= 0f && MaxInitialWeight <= 1f))
            throw new ModelConfigException("maxInitialWeight", $"is {MaxInitialWeight}; the initial weight scale must be a number in [0, 1].");
    }

    private void ValidateEdges()
    {
        if (Edges is null)
            throw new ModelConfigException("edges", "is null; list the skeleton's edges (or none).");
        int budget = Parameters.EdgeBudget(Vertices);
        if (Edges.Count > budget)
            throw new ModelConfigException("edges",
                $"{Edges.Count} edges exceed the edge budget E_max = ceil(ρmax · N²) = {budget} (ρmax {Parameters.MaxDensity}, N {Vertices}).");
        var seen = new HashSet<(int, int)>();
        for (int k = 0; k < Edges.Count; k++)
        {
            var edge = Edges[k];
            string field = $"edges[{k}]";
            if ((uint)edge.Row >= (uint)Vertices || (uint)edge.Column >= (uint)Vertices)
                throw new ModelConfigException(field, $"({edge.Row}, {edge.Column}) lies outside the block's {Vertices} vertices.");
            if (edge.Row == edge.Column)
                throw new ModelConfigException(field, $"({edge.Row}, {edge.Column}) is a self edge; M[i, i] is always 0.");
            if (!(edge.Weight >= -1f && edge.Weight <= 1f))
                throw new ModelConfigException(field, $"({edge.Row}, {edge.Column}) has weight {edge.Weight}; weights lie in [−1, 1].");
            if (!seen.Add((edge.Row, edge.Column)))
                throw new ModelConfigException(field, $"({edge.Row}, {edge.Column}) is given twice.");
        }
    }
}
