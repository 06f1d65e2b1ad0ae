using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// The config record of a projection (network.md, "Projections"). Unset plasticity fields take the
/// target pool's values; <see cref="MaxDelay"/> defaults to the target pool's ring length and may
/// not exceed it.
/// </summary>
public sealed record ProjectionDefinition
{
    /// <summary>How the synapses are made.</summary>
    public ProjectionGenerator Generator { get; init; } = ProjectionGenerator.Bernoulli;

    /// <summary>Connection probability in [0, 1] (<see cref="ProjectionGenerator.Bernoulli"/>).</summary>
    public double Density { get; init; }

    /// <summary>In- or out-degree (<see cref="ProjectionGenerator.FixedInDegree"/>, <see cref="ProjectionGenerator.FixedOutDegree"/>).</summary>
    public int Degree { get; init; }

    /// <summary>Largest delay drawn (0 = the target pool's MaxDelay).</summary>
    public int MaxDelay { get; init; }

    /// <summary>STDP mark when the target did not spike (null = the target pool's).</summary>
    public sbyte? StdpPositive { get; init; }

    /// <summary>STDP mark when the target spiked (null = the target pool's).</summary>
    public sbyte? StdpNegative { get; init; }

    /// <summary>Eligibility decay in 1/256 per tick (null = the target pool's).</summary>
    public byte? TraceDecay { get; init; }

    /// <summary>Most synapses per source row for synaptogenesis (null = the target pool's).</summary>
    public ushort? MaxSynapsesPerNeuron { get; init; }

    /// <summary>The synapses of an <see cref="ProjectionGenerator.Explicit"/> projection, in row order within each source.</summary>
    public IReadOnlyList<ExplicitSynapse> Synapses { get; init; } = [];

    /// <summary>Bernoulli(p) between every (source, target) pair.</summary>
    public static ProjectionDefinition Bernoulli(double density) => new() { Generator = ProjectionGenerator.Bernoulli, Density = density };

    /// <summary>A fixed number of sources per target cell.</summary>
    public static ProjectionDefinition FixedInDegree(int degree) => new() { Generator = ProjectionGenerator.FixedInDegree, Degree = degree };

    /// <summary>A fixed number of targets per source cell.</summary>
    public static ProjectionDefinition FixedOutDegree(int degree) => new() { Generator = ProjectionGenerator.FixedOutDegree, Degree = degree };

    /// <summary>Exactly the given synapses.</summary>
    public static ProjectionDefinition Explicit(params IReadOnlyList<ExplicitSynapse> synapses)
        => new() { Generator = ProjectionGenerator.Explicit, Synapses = synapses };

    /// <summary>Checks the fields that do not depend on the pools (the builder checks the rest).</summary>
    /// <exception cref="ModelConfigException">A field is invalid; the exception names it.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Generator))
            throw new ModelConfigException("generator", $"'{Generator}' is not a projection generator.");
        if (Generator == ProjectionGenerator.Bernoulli && (!double.IsFinite(Density) || Density < 0 || Density > 1))
            throw new ModelConfigException("density", $"is {Density}; it must be a number in [0, 1].");
        if (Generator is ProjectionGenerator.FixedInDegree or ProjectionGenerator.FixedOutDegree && Degree < 0)
            throw new ModelConfigException("degree", $"is {Degree}; it must be at least 0.");
        if (MaxDelay is < 0 or > 255)
            throw new ModelConfigException("maxDelay", $"is {MaxDelay}; it must lie in 0..255 (0 = the target pool's).");
        ArgumentNullException.ThrowIfNull(Synapses);
    }
}
