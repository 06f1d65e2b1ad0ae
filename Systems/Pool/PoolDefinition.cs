using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// The config record of a pool: what <see cref="NeuronPool.Create"/> and a scenario file's
/// population entry take. <see cref="Validate"/> names the bad field.
/// </summary>
public sealed record PoolDefinition : IPopulationDefinition
{
    /// <inheritdoc />
    public string Family => PoolFamily.FamilyName;

    /// <summary>Number of cells, 1..65 536.</summary>
    public int Cells { get; init; }

    /// <summary>How the synapses are made.</summary>
    public PoolGenerator Generator { get; init; } = PoolGenerator.Standard;

    /// <summary>Connection probability in [0, 1] (<see cref="PoolGenerator.Compat"/> and <see cref="PoolGenerator.Standard"/>).</summary>
    public double Density { get; init; }

    /// <summary>Targets per cell, 0..N − 1 (<see cref="PoolGenerator.FixedOutDegree"/>).</summary>
    public int OutDegree { get; init; }

    /// <summary>Cell and plasticity parameters (neuropool 0.1 defaults).</summary>
    public PoolConfig Config { get; init; } = PoolConfig.Default;

    /// <summary>A pool connected by neuropool 0.1's generator.</summary>
    public static PoolDefinition Compat(int cells, float density, PoolConfig? config = null)
        => new() { Cells = cells, Generator = PoolGenerator.Compat, Density = density, Config = config ?? PoolConfig.Default };

    /// <summary>A pool connected by the standard generator with probability <paramref name="density"/>.</summary>
    public static PoolDefinition Standard(int cells, double density, PoolConfig? config = null)
        => new() { Cells = cells, Generator = PoolGenerator.Standard, Density = density, Config = config ?? PoolConfig.Default };

    /// <summary>A pool connected by the standard generator with a fixed out-degree.</summary>
    public static PoolDefinition FixedOutDegree(int cells, int outDegree, PoolConfig? config = null)
        => new() { Cells = cells, Generator = PoolGenerator.FixedOutDegree, OutDegree = outDegree, Config = config ?? PoolConfig.Default };

    /// <summary>A pool without synapses.</summary>
    public static PoolDefinition Empty(int cells, PoolConfig? config = null)
        => new() { Cells = cells, Generator = PoolGenerator.Empty, Config = config ?? PoolConfig.Default };

    /// <inheritdoc />
    public void Validate()
    {
        if (Cells < 1 || Cells > PoolFactory.MaxCells)
            throw new ModelConfigException("cells", $"is {Cells}; a pool has 1..{PoolFactory.MaxCells} cells (u16 synapse targets).");
        if (!Enum.IsDefined(Generator))
            throw new ModelConfigException("generator", $"'{Generator}' is not a generator.");
        if (Generator is PoolGenerator.Compat or PoolGenerator.Standard && (double.IsNaN(Density) || Density < 0 || Density > 1))
            throw new ModelConfigException("density", $"is {Density}; it must be a number in [0, 1].");
        if (Generator == PoolGenerator.FixedOutDegree && (OutDegree < 0 || OutDegree > Cells - 1))
            throw new ModelConfigException("outDegree", $"is {OutDegree}; it must lie in 0..{Cells - 1} (N − 1).");
        Config.Validate();
    }
}
