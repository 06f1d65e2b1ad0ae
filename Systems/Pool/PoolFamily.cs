using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>The pool family's side of the model contract (docs/architecture.md, "The model contract").</summary>
public sealed class PoolFamily : IModelFamily
{
    /// <summary>The family name.</summary>
    public const string FamilyName = "pool";

    private PoolFamily()
    {
    }

    /// <summary>The one instance.</summary>
    public static PoolFamily Instance { get; } = new();

    /// <inheritdoc />
    public string Name => FamilyName;

    /// <inheritdoc />
    public Type DefinitionType => typeof(PoolDefinition);

    /// <inheritdoc />
    public IReadOnlyList<ColumnKey> Columns { get; } =
    [
        ComponentType<PoolConfig>.Key, ComponentType<PoolState>.Key,
        .. PoolColumns.CellColumns, PoolColumns.Synapses, PoolColumns.DelaySlot,
    ];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ColumnKey> FormerNames { get; } = new Dictionary<string, ColumnKey>(StringComparer.Ordinal)
    {
        // Format 1.0 stored components under their CLR type names.
        ["GrowNet.Ecs.Components.Pool.PoolConfig"] = ComponentType<PoolConfig>.Key,
        ["GrowNet.Ecs.Components.Pool.PoolState"] = ComponentType<PoolState>.Key,
    };

    /// <inheritdoc />
    public Population Create(World world, string name, IPopulationDefinition definition)
        => definition is PoolDefinition pool
            ? NeuronPool.Create(world, name, pool)
            : throw new ArgumentException($"A pool is made from a {nameof(PoolDefinition)}, not a {definition.GetType().Name}.", nameof(definition));

    /// <inheritdoc />
    public IReadOnlyList<Population> Populations(World world) => NeuronPool.All(world);

    /// <inheritdoc />
    public void Validate(World world) => PoolInvariants.Validate(world);

    /// <inheritdoc />
    public void Canonicalize(World world)
    {
        foreach (var pool in NeuronPool.All(world))
        {
            pool.MaterializeEligibility();
            // The spike list is scratch past its first LastSpikeCount entries; what lies there
            // depends on the thread count that last filled it, so it is cleared.
            pool.View().SpikeList[pool.LastSpikeCount..].Clear();
        }
    }

    /// <inheritdoc />
    public string Describe(Population population)
    {
        var pool = (NeuronPool)population;
        return $"pool '{pool.Name}': {pool.CellCount} cells ({pool.State.ExcitatoryCount}E/{pool.CellCount - pool.State.ExcitatoryCount}I), {pool.SynapseCount} synapses, tick {pool.TickCount}";
    }
}
